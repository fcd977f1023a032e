using FitnessClients.Core.Http;
using FitnessClients.Runkeeper.Api;
using FitnessClients.Runkeeper.Clients;
using FitnessClients.Runkeeper.Http;
using FitnessClients.Runkeeper.Models;
using Refit;

namespace FitnessClients.Runkeeper;

/// <summary>
/// The Runkeeper Health Graph client: the user, the fitness-activity feed and full activities over Core's pipeline
/// (bearer token from the store, Runkeeper's media types, the quarter-hour budget, retries, error mapping).
/// </summary>
/// <remarks>
/// Runkeeper has not registered new API applications since 2018. Without a token from an app you already own, read
/// the account's data export instead with <see cref="RunkeeperExportSource"/>. Built on <see cref="IRunkeeperApi"/>,
/// the typed interface of single requests (<c>AddRunkeeperApi</c>).
/// </remarks>
/// <example>
/// <code>
/// var store = new FileTokenStore("~/.config/fitnessclients/tokens");
/// await new RunkeeperAuthenticator(new RunkeeperClientOptions { TokenStore = store }).StoreAccessTokenAsync(existingToken);
/// using var runkeeper = RunkeeperClient.Create(new RunkeeperClientOptions { TokenStore = store });
/// await foreach (var item in runkeeper.FitnessActivities.ListAsync())
///     Console.WriteLine($"{item.LocalStartTime} {item.Type}");
/// </code>
/// </example>
public class RunkeeperClient : IDisposable
{
    private readonly IDisposable?[] _owned = [];
    private int _disposed;

    /// <summary>Creates a client over an <see cref="HttpClient"/> whose pipeline already authenticates (DI, tests).</summary>
    /// <param name="httpClient">A client with <see cref="HttpClient.BaseAddress"/> at the API root.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    public RunkeeperClient(HttpClient httpClient, RunkeeperClientOptions? options = null)
        : this(httpClient, options ?? new RunkeeperClientOptions(), [])
    {
    }

    /// <summary>For mocking frameworks; a client made this way only works where its members are overridden.</summary>
    protected RunkeeperClient()
    {
        Options = new RunkeeperClientOptions();
        User = null!;
        FitnessActivities = null!;
    }

    private RunkeeperClient(HttpClient httpClient, RunkeeperClientOptions options, IDisposable?[] owned)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        if (httpClient.BaseAddress is null)
        {
            throw new ArgumentException("The HttpClient needs a BaseAddress: the Runkeeper API root, e.g. https://api.runkeeper.com/.", nameof(httpClient));
        }

        Options = options;
        _owned = owned;
        var api = RestService.ForGenerated<IRunkeeperApi>(httpClient, FitnessRefit.CreateSettings(RunkeeperJson.Options));
        var context = new RunkeeperClientContext(api, httpClient, options);
        var user = new RunkeeperUserClient(context);
        User = user;
        FitnessActivities = new RunkeeperFitnessActivitiesClient(context, user);
    }

    /// <summary>The options the client was made with.</summary>
    public virtual RunkeeperClientOptions Options { get; }

    /// <summary>The user and the URIs of their resources.</summary>
    public virtual RunkeeperUserClient User { get; }

    /// <summary>The fitness-activity feed and full activities.</summary>
    public virtual RunkeeperFitnessActivitiesClient FitnessActivities { get; }

    /// <summary>Creates a client with its own pipeline over the token stored in <see cref="Core.FitnessClientOptions.TokenStore"/>.</summary>
    /// <param name="options">The options; TokenStore is required.</param>
    /// <returns>The client; dispose it.</returns>
    public static RunkeeperClient Create(RunkeeperClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TokenStore is null)
        {
            throw new ArgumentException(RunkeeperPipeline.MissingTokenStore, nameof(options));
        }

        var connections = new ClientConnections(options);
        try
        {
            var tokens = RunkeeperPipeline.CreateTokenManager(options, options.LoggerFactory);
            var settings = RunkeeperPipeline.CreateSettings(options, tokens, RunkeeperPipeline.GetRateLimitPolicy(options), options.LoggerFactory);
            var http = connections.CreateApiClient(settings, options.EffectiveBaseAddress);
            return new RunkeeperClient(http, options, [connections]);
        }
        catch
        {
            connections.Dispose();
            throw;
        }
    }

    /// <summary>Releases the HTTP resources this client created (none when it was given an <see cref="HttpClient"/>).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases owned resources once.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            foreach (var owned in _owned)
            {
                owned?.Dispose();
            }
        }
    }
}

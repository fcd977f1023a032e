using FitnessClients.Core.Http;
using FitnessClients.Core.Tokens;
using FitnessClients.FitTrackee.Api;
using FitnessClients.FitTrackee.Clients;
using FitnessClients.FitTrackee.Http;
using FitnessClients.FitTrackee.Models;
using Refit;

namespace FitnessClients.FitTrackee;

/// <summary>
/// The client of one FitTrackee instance: workouts, sports, the user's profile and the instance's configuration over
/// Core's pipeline (bearer token refreshed and saved before use, the instance's rate limits when it sets any, retries,
/// error mapping).
/// </summary>
/// <remarks>
/// Built on <see cref="IFitTrackeeApi"/>, the typed interface of single requests; register that one with
/// <c>AddFitTrackeeApi</c> for a call this client does not make.
/// </remarks>
/// <example>
/// <code>
/// using var fittrackee = FitTrackeeClient.Create(new FitTrackeeClientOptions
/// {
///     BaseAddress = new Uri("https://fittrackee.example.org/"),
///     ClientId = id, ClientSecret = secret,
///     TokenStore = new FileTokenStore("~/.config/fitnessclients/tokens"), TokenKey = "fittrackee",
/// });
/// await foreach (var workout in fittrackee.Workouts.ListAsync())
///     Console.WriteLine($"{workout.WorkoutDate:u} {workout.Title}");
/// </code>
/// </example>
public class FitTrackeeClient : IDisposable
{
    private readonly IDisposable?[] _owned = [];
    private int _disposed;

    /// <summary>Creates a client over an <see cref="HttpClient"/> whose pipeline already authenticates (DI, tests).</summary>
    /// <param name="httpClient">A client with <see cref="HttpClient.BaseAddress"/> at the instance root.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    public FitTrackeeClient(HttpClient httpClient, FitTrackeeClientOptions? options = null)
        : this(httpClient, options ?? new FitTrackeeClientOptions(), null, new FitTrackeeLimits(), [])
    {
    }

    /// <summary>For mocking frameworks; a client made this way only works where its members are overridden.</summary>
    protected FitTrackeeClient()
    {
        Options = new FitTrackeeClientOptions();
        Workouts = null!;
        Sports = null!;
        Profile = null!;
        Config = null!;
    }

    private FitTrackeeClient(HttpClient httpClient, FitTrackeeClientOptions options, TokenManager? tokens, FitTrackeeLimits limits, IDisposable?[] owned)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        if (httpClient.BaseAddress is null)
        {
            throw new ArgumentException("The HttpClient needs a BaseAddress: the FitTrackee instance's root, e.g. https://fittrackee.example.org/.", nameof(httpClient));
        }

        Options = options;
        Tokens = tokens;
        _owned = owned;
        var api = RestService.ForGenerated<IFitTrackeeApi>(httpClient, FitnessRefit.CreateSettings(FitTrackeeJson.Options));
        var context = new FitTrackeeClientContext(api, options, limits);
        Config = new FitTrackeeConfigClient(context);
        Profile = new FitTrackeeProfileClient(context);
        context.Config = Config;
        context.Profile = Profile;
        Sports = new FitTrackeeSportsClient(context);
        Workouts = new FitTrackeeWorkoutsClient(context);
    }

    /// <summary>The options the client was made with.</summary>
    public virtual FitTrackeeClientOptions Options { get; }

    /// <summary>Listing, downloads, uploads, manual workouts, edits and deletion.</summary>
    public virtual FitTrackeeWorkoutsClient Workouts { get; }

    /// <summary>The instance's sports, resolved by label.</summary>
    public virtual FitTrackeeSportsClient Sports { get; }

    /// <summary>The signed-in user (timezone).</summary>
    public virtual FitTrackeeProfileClient Profile { get; }

    /// <summary>The instance's version and upload limits.</summary>
    public virtual FitTrackeeConfigClient Config { get; }

    /// <summary>The token manager of a client made by <see cref="Create"/>; <see langword="null"/> otherwise.</summary>
    internal TokenManager? Tokens { get; }

    /// <summary>
    /// Creates a client with its own connections: tokens from <see cref="Core.FitnessClientOptions.TokenStore"/>
    /// refreshed at the instance's <c>/api/oauth/token</c> (client secret in the form body), rotation saved before use.
    /// </summary>
    /// <param name="options">BaseAddress, TokenStore, ClientId and ClientSecret are required.</param>
    /// <returns>The client; dispose it.</returns>
    /// <exception cref="ArgumentException">A required option is missing, or the address is plain http:// to another machine without <see cref="Core.FitnessClientOptions.AllowInsecureHttp"/>.</exception>
    public static FitTrackeeClient Create(FitTrackeeClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BaseAddress is null)
        {
            throw new ArgumentException("FitTrackeeClientOptions.BaseAddress is required: FitTrackee is self-hosted, so give your instance's address, e.g. https://fittrackee.example.org/.", nameof(options));
        }

        if (options.TokenStore is null)
        {
            throw new ArgumentException(FitTrackeePipeline.MissingTokenStore, nameof(options));
        }

        var connections = new ClientConnections(options);
        try
        {
            var limits = new FitTrackeeLimits();
            var tokens = FitTrackeePipeline.CreateTokenManager(options, connections.TokenHttpClient, options.LoggerFactory);
            var settings = FitTrackeePipeline.CreateSettings(options, tokens, FitTrackeePipeline.GetRateLimitPolicy(options), limits, options.LoggerFactory);
            var http = connections.CreateApiClient(settings, options.EffectiveBaseAddress);
            return new FitTrackeeClient(http, options, tokens, limits, [connections]);
        }
        catch
        {
            connections.Dispose();
            throw;
        }
    }

    internal static FitTrackeeClient CreateForServices(HttpClient http, FitTrackeeClientServices services) =>
        new(http, services.Options, services.TokenManager, services.Limits, []);

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

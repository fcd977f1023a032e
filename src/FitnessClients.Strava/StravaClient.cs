using FitnessClients.Core.Http;
using FitnessClients.Core.Tokens;
using FitnessClients.Strava.Api;
using FitnessClients.Strava.Clients;
using FitnessClients.Strava.Http;
using FitnessClients.Strava.Models;
using Refit;

namespace FitnessClients.Strava;

/// <summary>
/// The Strava API v3 client: athlete, activities, streams, gear, photos and uploads over Core's pipeline (bearer
/// token refreshed and saved before use, Strava's rate windows, retries, error mapping).
/// </summary>
/// <example>
/// <code>
/// using var strava = StravaClient.Create(new StravaClientOptions
/// {
///     ClientId = "12345", ClientSecret = secret, TokenStore = new FileTokenStore("~/.config/fitness/tokens"),
/// });
/// await foreach (var activity in strava.Activities.ListAsync(after: DateTimeOffset.UtcNow.AddDays(-7)))
///     Console.WriteLine(activity.Name);
/// </code>
/// </example>
public class StravaClient : IDisposable
{
    private readonly IDisposable?[] _owned = [];
    private int _disposed;

    /// <summary>Creates a client over an <see cref="HttpClient"/> whose pipeline already authenticates (DI, tests).</summary>
    /// <param name="httpClient">A client with <see cref="HttpClient.BaseAddress"/> at the API root.</param>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="tokens">The token source, for scope checks before calls; none when <see langword="null"/>.</param>
    public StravaClient(HttpClient httpClient, StravaClientOptions? options = null, TokenManager? tokens = null)
        : this(httpClient, options ?? new StravaClientOptions(), tokens, [])
    {
    }

    /// <summary>For mocking frameworks; a client made this way only works where its members are overridden.</summary>
    protected StravaClient()
    {
        Options = new StravaClientOptions();
        Athlete = null!;
        Activities = null!;
        Streams = null!;
        Gear = null!;
        Photos = null!;
        Uploads = null!;
    }

    private StravaClient(HttpClient httpClient, StravaClientOptions options, TokenManager? tokens, IDisposable?[] owned)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        if (httpClient.BaseAddress is null)
        {
            throw new ArgumentException("The HttpClient needs a BaseAddress: the Strava API root, e.g. https://www.strava.com/api/v3/.", nameof(httpClient));
        }

        Options = options;
        _owned = owned;
        var api = RestService.ForGenerated<IStravaApi>(httpClient, FitnessRefit.CreateSettings(StravaJson.Options));
        var context = new StravaClientContext(api, httpClient, options, tokens);
        Athlete = new StravaAthleteClient(context);
        Activities = new StravaActivitiesClient(context);
        Streams = new StravaStreamsClient(context);
        Gear = new StravaGearClient(context);
        Photos = new StravaPhotosClient(context);
        Uploads = new StravaUploadsClient(context);
    }

    /// <summary>The options the client was made with.</summary>
    public virtual StravaClientOptions Options { get; }

    /// <summary>The signed-in athlete and totals.</summary>
    public virtual StravaAthleteClient Athlete { get; }

    /// <summary>Listing, details, laps, zones and edits of activities.</summary>
    public virtual StravaActivitiesClient Activities { get; }

    /// <summary>Recorded samples of activities.</summary>
    public virtual StravaStreamsClient Streams { get; }

    /// <summary>Bikes and shoes, cached per id.</summary>
    public virtual StravaGearClient Gear { get; }

    /// <summary>Photo metadata and images.</summary>
    public virtual StravaPhotosClient Photos { get; }

    /// <summary>File uploads and their processing.</summary>
    public virtual StravaUploadsClient Uploads { get; }

    /// <summary>
    /// Creates a client with its own pipeline: tokens from <see cref="Core.FitnessClientOptions.TokenStore"/> refreshed
    /// at Strava's OAuth endpoint, and the process-wide rate policy of the application's client id.
    /// </summary>
    /// <param name="options">The options; TokenStore, ClientId and ClientSecret are required.</param>
    /// <returns>The client; dispose it.</returns>
    public static StravaClient Create(StravaClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TokenStore is null)
        {
            throw new ArgumentException(StravaPipeline.MissingTokenStore, nameof(options));
        }

        var connections = new ClientConnections(options);
        try
        {
            var tokens = StravaPipeline.CreateTokenManager(options, connections.TokenHttpClient, options.LoggerFactory);
            var settings = StravaPipeline.CreateSettings(options, tokens, StravaPipeline.GetRateLimitPolicy(options), options.LoggerFactory);
            var http = connections.CreateApiClient(settings, options.EffectiveBaseAddress);
            return new StravaClient(http, options, tokens, [connections]);
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

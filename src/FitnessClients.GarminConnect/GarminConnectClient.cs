using FitnessClients.Core.Http;
using FitnessClients.GarminConnect.Api;
using FitnessClients.GarminConnect.Clients;
using FitnessClients.GarminConnect.Http;
using FitnessClients.GarminConnect.Models;
using Refit;

namespace FitnessClients.GarminConnect;

/// <summary>
/// The Garmin Connect data API: activities, downloads, profile, gear, devices and uploads, over DI OAuth2 tokens
/// that refresh and rotate by themselves. Build it with <see cref="Create"/> in scripts, or register it with
/// <c>services.AddGarminConnectClient(...)</c>.
/// </summary>
/// <example>
/// <code>
/// using var garmin = GarminConnectClient.Create(new GarminConnectClientOptions
/// {
///     TokenStore = new FileTokenStore("~/.config/fitnessclients/tokens"),
///     TokenKey = "garmin",
/// });
/// await foreach (var activity in garmin.Activities.ListAsync(new GarminActivityQuery { MaxCount = 10 }))
/// {
///     Console.WriteLine($"{activity.StartTime:u} {activity.ActivityType?.TypeKey} {activity.ActivityName}");
/// }
/// </code>
/// </example>
public class GarminConnectClient : IDisposable
{
    private readonly IDisposable?[] _owned = [];
    private int _disposed;

    /// <summary>
    /// Creates the client over an <see cref="HttpClient"/> that already carries the Garmin pipeline (the typed client
    /// <c>AddGarminConnectClient</c> registers); the client does not dispose it.
    /// </summary>
    /// <param name="httpClient">A client whose <see cref="HttpClient.BaseAddress"/> is the data API root.</param>
    /// <param name="options">Paging and multisport defaults; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">The client has no base address.</exception>
    public GarminConnectClient(HttpClient httpClient, GarminConnectClientOptions? options = null)
        : this(httpClient, options ?? new GarminConnectClientOptions(), [])
    {
    }

    /// <summary>For mocking frameworks; a client made this way only works where its members are overridden.</summary>
    protected GarminConnectClient()
    {
        Activities = null!;
        Downloads = null!;
        Profile = null!;
        Gear = null!;
        Devices = null!;
        Uploads = null!;
        Options = new GarminConnectClientOptions();
    }

    private GarminConnectClient(HttpClient httpClient, GarminConnectClientOptions options, IDisposable?[] owned)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        if (httpClient.BaseAddress is null)
        {
            throw new ArgumentException("The HttpClient needs a BaseAddress: the Garmin data API root, e.g. https://connectapi.garmin.com/.", nameof(httpClient));
        }

        options.Validate();
        Options = options;
        _owned = owned;
        var api = RestService.ForGenerated<IGarminConnectApi>(httpClient, FitnessRefit.CreateSettings(GarminJson.Options));
        var context = new GarminClientContext(api, options);
        Activities = new GarminActivitiesClient(context);
        Downloads = new GarminDownloadsClient(context);
        Profile = new GarminProfileClient(context);
        Gear = new GarminGearClient(context);
        Devices = new GarminDevicesClient(context);
        Uploads = new GarminUploadsClient(context);
    }

    /// <summary>The options the client was made with.</summary>
    public virtual GarminConnectClientOptions Options { get; }

    /// <summary>Listing, summaries, details, splits, zones, types and counts.</summary>
    public virtual GarminActivitiesClient Activities { get; }

    /// <summary>Original files and exports as streams and files.</summary>
    public virtual GarminDownloadsClient Downloads { get; }

    /// <summary>The signed-in user's profile, settings and totals.</summary>
    public virtual GarminProfileClient Profile { get; }

    /// <summary>Gear linked to activities.</summary>
    public virtual GarminGearClient Gear { get; }

    /// <summary>The devices that recorded activities.</summary>
    public virtual GarminDevicesClient Devices { get; }

    /// <summary>Uploads of FIT, GPX and TCX files.</summary>
    public virtual GarminUploadsClient Uploads { get; }

    /// <summary>
    /// Creates a client that owns its connections, for scripts and tools: tokens from
    /// <see cref="Core.FitnessClientOptions.TokenStore"/> (refreshed at diauth and saved back), the native headers,
    /// the rate limit (a bucket of 5, then 1 request per second, unless
    /// <see cref="Core.FitnessClientOptions.RateLimitPolicy"/> is set), retries and timeouts. Dispose it when done.
    /// </summary>
    /// <param name="options">The options; <see cref="Core.FitnessClientOptions.TokenStore"/> is required.</param>
    /// <returns>The client.</returns>
    /// <exception cref="ArgumentException">No token store, or a value out of range.</exception>
    /// <remarks>
    /// A <see cref="Core.FitnessClientOptions.PrimaryHandler"/> you pass (an emulator's, a proxy) is used by both the
    /// data calls and the token refreshes and is never disposed by the client: it stays yours. Without one, the client
    /// creates a <see cref="SocketsHttpHandler"/> and disposes it with itself.
    /// </remarks>
    public static GarminConnectClient Create(GarminConnectClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TokenStore is null)
        {
            throw new ArgumentException(
                "GarminConnectClientOptions.TokenStore is required: the client reads its Garmin tokens from it and saves each refreshed token there (Garmin rotates refresh tokens). Use a FileTokenStore for scripts and command-line tools.",
                nameof(options));
        }

        options.Validate();
        var connections = new ClientConnections(options);
        try
        {
            var tokens = GarminPipeline.CreateTokenManager(options, connections.TokenHttpClient, options.LoggerFactory);
            var policy = options.RateLimitPolicy ?? GarminPipeline.CreateDefaultRateLimitPolicy(options.TimeProvider);
            var settings = GarminPipeline.CreateSettings(options, tokens, policy);
            var http = connections.CreateApiClient(
                settings,
                options.EffectiveBaseAddress,
                aroundPrimary: sender => new GarminExportUnavailableHandler { InnerHandler = sender });
            return new GarminConnectClient(http, options, [connections]);
        }
        catch
        {
            connections.Dispose();
            throw;
        }
    }

    /// <summary>Releases the connections the client owns (none when it was given its <see cref="HttpClient"/>).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the owned connections.</summary>
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

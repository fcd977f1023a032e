using System.Net;
using FitnessClients.Core.Http;
using FitnessClients.Core.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FitnessClients.GarminConnect.Auth;

/// <summary>
/// Builds the sign-in's own HTTP clients. They never go through the data client's pipeline: no bearer token, no
/// error mapping (the sign-in reads error bodies itself) and, above all, <b>no retries</b>: a service ticket is
/// single-use and expires within seconds, and retrying an SSO or token call that answered 429 re-arms Garmin's
/// login throttle for hours. Each attempt is still bounded by a timeout on the options' clock.
/// </summary>
internal static class GarminAuthHttp
{
    public const string ServiceName = "garmin";

    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A client for diauth and connectapi (ticket exchange, OAuth1 re-exchange, the profile check) with the app's native headers.</summary>
    public static HttpClient CreateApiClient(GarminConnectClientOptions options) =>
        Create(options, Merge(GarminAuthHeaders.Native, options.DefaultRequestHeaders), cookies: null);

    /// <summary>A client for one SSO login with its own cookie container and the iPhone Safari headers.</summary>
    public static HttpClient CreateSsoClient(GarminConnectClientOptions options, CookieContainer cookies) =>
        Create(options, GarminAuthHeaders.Sso(options.EffectiveSsoBaseAddress), cookies);

    private static HttpClient Create(GarminConnectClientOptions options, IReadOnlyDictionary<string, string> headers, CookieContainer? cookies)
    {
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var resilience = new ResilienceOptions { CircuitBreakerEnabled = false };
        resilience.Retry.MaxRetryAttempts = 0;
        resilience.AttemptTimeout.Timeout = AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = AttemptTimeout + AttemptTimeout;

        var chain = new List<DelegatingHandler>
        {
            new TransportErrorHandler(ServiceName),
            new DefaultHeadersHandler(headers),
        };
        if (cookies is not null)
        {
            chain.Add(new CookieContainerHandler(cookies));
        }

        chain.AddRange(ResiliencePipelineFactory.CreateHandlers(resilience, options.TimeProvider, loggerFactory.CreateLogger("FitnessClients.garmin.Auth.Resilience")));
        chain.Add(new RequestLoggingHandler(ServiceName, loggerFactory.CreateLogger("FitnessClients.garmin.Auth.Http"), options.TimeProvider));

        HttpMessageHandler inner = options.PrimaryHandler is { } primary
            ? new NonDisposingHandler(primary)
            : new SocketsHttpHandler
            {
                // Cookies are kept per login by CookieContainerHandler; the data API needs none.
                UseCookies = false,
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = options.PooledConnectionLifetime,
            };
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            chain[i].InnerHandler = inner;
            inner = chain[i];
        }

        return new HttpClient(inner, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> defaults, IDictionary<string, string> overrides)
    {
        var merged = new Dictionary<string, string>(defaults, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in overrides)
        {
            merged[name] = value;
        }

        return merged;
    }
}

using FitnessClients.Core.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FitnessClients.Core.Http;

/// <summary>
/// Assembles the handler chain every service client uses, in one order:
/// <c>ErrorMapping → DefaultHeaders → Authentication → RateLimit → Resilience (total timeout → retry → circuit
/// breaker → attempt timeout) → RequestLogging → primary handler</c>. The resilience part is
/// <c>Microsoft.Extensions.Http.Resilience</c>'s <c>ResilienceHandler</c> (see <see cref="ResiliencePipelineFactory"/>).
/// </summary>
/// <remarks>
/// The rate-limit handler stands outside the resilience handler so that waiting for a window to reopen (up to a
/// day for a daily limit) never counts against a request timeout; the service's usage headers correct the count
/// for retried attempts. Authentication stands outside the rate limiter so that the retry after a token refresh
/// takes a permit of its own. Error mapping is outermost so that no Polly or transport exception reaches callers.
/// </remarks>
/// <example>
/// <code>
/// var settings = new FitnessPipelineSettings { ServiceName = "strava", TokenManager = tokens, RateLimitPolicy = policy };
/// using var http = FitnessPipeline.CreateHttpClient(settings, new Uri("https://www.strava.com/api/v3/"));
/// </code>
/// </example>
public static class FitnessPipeline
{
    /// <summary>The connection lifetime of the handler an owned client creates, so DNS changes are picked up.</summary>
    public static readonly TimeSpan DefaultPooledConnectionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>Creates the chain's handlers, outermost first, not yet linked to each other.</summary>
    /// <param name="settings">The service's settings.</param>
    public static IReadOnlyList<DelegatingHandler> CreateHandlers(FitnessPipelineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var loggerFactory = settings.LoggerFactory ?? NullLoggerFactory.Instance;
        var handlers = new List<DelegatingHandler>
        {
            new ErrorMappingHandler(settings.ErrorMapping ?? new ErrorMappingOptions { ServiceName = settings.ServiceName }, settings.TimeProvider),
        };
        if (settings.DefaultHeaders.Count > 0)
        {
            handlers.Add(new DefaultHeadersHandler(settings.DefaultHeaders));
        }

        if (settings.TokenManager is { } tokens)
        {
            handlers.Add(new AuthenticationHandler(tokens));
        }

        if (settings.RateLimitPolicy is { } policy)
        {
            handlers.Add(new RateLimitHandler(policy));
        }

        handlers.AddRange(ResiliencePipelineFactory.CreateHandlers(settings.Resilience, settings.TimeProvider, loggerFactory.CreateLogger("FitnessClients." + settings.ServiceName + ".Resilience")));
        handlers.Add(new RequestLoggingHandler(settings.ServiceName, loggerFactory.CreateLogger("FitnessClients." + settings.ServiceName + ".Http"), settings.TimeProvider));
        return handlers;
    }

    /// <summary>Links the chain's handlers in front of <paramref name="primaryHandler"/> and returns the outermost.</summary>
    /// <param name="settings">The service's settings.</param>
    /// <param name="primaryHandler">The handler that sends (a <see cref="SocketsHttpHandler"/>, or an emulator's handler in tests).</param>
    public static HttpMessageHandler CreateHandler(FitnessPipelineSettings settings, HttpMessageHandler primaryHandler)
    {
        ArgumentNullException.ThrowIfNull(primaryHandler);
        HttpMessageHandler inner = primaryHandler;
        var handlers = CreateHandlers(settings);
        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = inner;
            inner = handlers[i];
        }

        return inner;
    }

    /// <summary>
    /// Creates an <see cref="HttpClient"/> that owns its whole chain, for scripts and the static <c>Create(...)</c>
    /// factories. Dispose it when done.
    /// </summary>
    /// <param name="settings">The service's settings.</param>
    /// <param name="baseAddress">The service's API root; a trailing slash is added so relative paths append.</param>
    /// <param name="primaryHandler">The sending handler; a <see cref="SocketsHttpHandler"/> with a pooled-connection lifetime when omitted.</param>
    public static HttpClient CreateHttpClient(FitnessPipelineSettings settings, Uri baseAddress, HttpMessageHandler? primaryHandler = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var handler = CreateHandler(settings, primaryHandler ?? CreatePrimaryHandler());
        return new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = WithTrailingSlash(baseAddress),
            // The resilience handler owns timeouts; HttpClient's own 100 s would cut long downloads short.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The sending handler an owned client uses: pooled connections recycled every <paramref name="pooledConnectionLifetime"/>, automatic decompression, TLS checks on.</summary>
    /// <param name="pooledConnectionLifetime">How long a connection is reused; <see cref="DefaultPooledConnectionLifetime"/> when omitted.</param>
    public static SocketsHttpHandler CreatePrimaryHandler(TimeSpan? pooledConnectionLifetime = null) => new()
    {
        PooledConnectionLifetime = pooledConnectionLifetime ?? DefaultPooledConnectionLifetime,
        AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate | System.Net.DecompressionMethods.Brotli,
        AllowAutoRedirect = true,
    };

    /// <summary>Returns <paramref name="uri"/> ending in <c>/</c>, so <c>new Uri(base, "athlete")</c> keeps the base path.</summary>
    /// <param name="uri">An absolute URI.</param>
    public static Uri WithTrailingSlash(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}

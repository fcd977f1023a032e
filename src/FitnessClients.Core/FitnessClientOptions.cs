using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Resilience;
using FitnessClients.Core.Tokens;
using Microsoft.Extensions.Logging;

namespace FitnessClients.Core;

/// <summary>
/// The options every service client shares. Each service derives its <c>&lt;Service&gt;ClientOptions</c> from
/// this class, adds what is its own (credentials, hosts) and sets the defaults that suit it.
/// </summary>
public abstract class FitnessClientOptions
{
    /// <summary>The API root. Each service sets its public default; point it at an emulator or a proxy to redirect traffic.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Where tokens are kept between runs. Use a <c>FileTokenStore</c> for command-line tools so refreshed tokens survive.</summary>
    public ITokenStore? TokenStore { get; set; }

    /// <summary>The key of the account's token in <see cref="TokenStore"/> (one key per account).</summary>
    public string TokenKey { get; set; } = "default";

    /// <summary>How long before expiry an access token is refreshed.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The rate-limit policy. Share one instance between clients that use the same application credentials; each service supplies a default.</summary>
    public RateLimitPolicy? RateLimitPolicy { get; set; }

    /// <summary>Timeouts, retries and the circuit breaker.</summary>
    public ResilienceOptions Resilience { get; set; } = new();

    /// <summary>The clock for expiries, windows and delays. Tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the client logs (nothing when <see langword="null"/>). Secrets are never logged.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// The handler that sends requests, for <c>Create(...)</c>: an emulator's handler in tests, or a handler with a
    /// proxy or a private CA. When <see langword="null"/>, a <see cref="SocketsHttpHandler"/> with
    /// <see cref="PooledConnectionLifetime"/> is used. With dependency injection, use
    /// <c>ConfigurePrimaryHttpMessageHandler</c> on the returned builder instead.
    /// </summary>
    public HttpMessageHandler? PrimaryHandler { get; set; }

    /// <summary>How long a pooled connection is reused by the default handler, so DNS changes are seen.</summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Headers added to every request that does not set them (the service's defaults are added first, so these override them).</summary>
    public IDictionary<string, string> DefaultRequestHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}

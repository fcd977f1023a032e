using System.Security.Cryptography.X509Certificates;
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

    /// <summary>
    /// Timeouts, retries and the circuit breaker, with <c>Microsoft.Extensions.Http.Resilience</c>'s option types:
    /// <c>Resilience.Retry.MaxRetryAttempts</c>, <c>Resilience.AttemptTimeout.Timeout</c>, <c>Resilience.CircuitBreaker.BreakDuration</c>, ….
    /// </summary>
    public ResilienceOptions Resilience { get; set; } = new();

    /// <summary>The clock for expiries, windows and delays. Tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the client logs (nothing when <see langword="null"/>). Secrets are never logged.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// The handler that sends requests, for <c>Create(...)</c>: an emulator's handler in tests, or a handler with a
    /// proxy. When <see langword="null"/>, a <see cref="SocketsHttpHandler"/> with
    /// <see cref="PooledConnectionLifetime"/> (and <see cref="TrustedCertificateAuthorities"/>, when given) is used.
    /// TLS certificate checks are never turned off by the SDK; a handler that turns them off is the caller's choice. With dependency injection, use
    /// <c>ConfigurePrimaryHttpMessageHandler</c> on the returned builder instead.
    /// </summary>
    public HttpMessageHandler? PrimaryHandler { get; set; }

    /// <summary>
    /// Allows a plain <c>http://</c> base address on a host other than the loopback interface. Off by default:
    /// tokens, client secrets and workouts would cross the network unencrypted. Turn it on only for an instance
    /// reached over a network you trust completely (e.g. a VPN); <c>http://localhost</c> and <c>http://127.0.0.1</c>
    /// are always allowed.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// Certificate authorities to trust instead of the system's roots, for a self-hosted service whose certificate a
    /// private CA issued. The default handler then validates the server's chain against exactly these roots (host
    /// name and expiry are still checked; revocation is not, since private CAs seldom publish a CRL). Ignored when
    /// <see cref="PrimaryHandler"/> is set: that handler's own TLS settings apply.
    /// </summary>
    /// <example>
    /// <code>
    /// options.TrustedCertificateAuthorities.Add(X509CertificateLoader.LoadCertificateFromFile("/etc/ssl/my-ca.pem"));
    /// </code>
    /// </example>
    public IList<X509Certificate2> TrustedCertificateAuthorities { get; } = new List<X509Certificate2>();

    /// <summary>How long a pooled connection is reused by the default handler, so DNS changes are seen.</summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Headers added to every request that does not set them (the service's defaults are added first, so these override them).</summary>
    public IDictionary<string, string> DefaultRequestHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}

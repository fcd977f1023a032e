using System.Globalization;
using FitnessClients.Cli.Configuration;
using FitnessClients.Core;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using FitnessClients.Strava;
using FitnessClients.Strava.Auth;
using FitnessClients.Strava.RateLimits;
using FitnessClients.Strava.Web;
using FitnessClients.Testing;

namespace FitnessClients.Cli.Strava;

/// <summary>
/// The Strava side of one command: client options (app credentials, token store and key, handler, rate policy), the
/// optional website session for originals, and in <c>--demo</c> mode the in-process emulator standing in for Strava.
/// </summary>
public sealed class StravaContext : IDisposable
{
    /// <summary>The emulator's seed in demo mode: the same athlete on every run and every machine.</summary>
    public const ulong DemoSeed = 20260108;

    /// <summary>The number of activities of the demo athlete.</summary>
    public const int DemoActivityCount = 300;

    /// <summary>The demo's request budget per second: the emulator's windows are raised to this rate so the demo takes seconds.</summary>
    public const int DemoRequestsPerSecond = 200;

    /// <summary>The token key of the demo athlete (kept apart from real athletes' keys).</summary>
    public const string DemoTokenKey = "strava-demo";

    private readonly HttpMessageHandler? _ownedHandler;
    private readonly string? _rememberToken;
    private readonly string _rememberTokenSource;

    private StravaContext(
        StravaClientOptions options, StravaEmulator? emulator, HttpMessageHandler? ownedHandler, string tokenDirectory,
        FixedWindowRateLimitPolicy policy, string? rememberToken, string rememberTokenSource)
    {
        Options = options;
        Emulator = emulator;
        _ownedHandler = ownedHandler;
        TokenDirectory = tokenDirectory;
        RateLimitPolicy = policy;
        _rememberToken = rememberToken;
        _rememberTokenSource = rememberTokenSource;
    }

    /// <summary>The options for clients and the authenticator.</summary>
    public StravaClientOptions Options { get; }

    /// <summary>The emulator in demo mode, else <see langword="null"/>.</summary>
    public StravaEmulator? Emulator { get; }

    /// <summary>Whether this is a demo run.</summary>
    public bool IsDemo => Emulator is not null;

    /// <summary>The token folder.</summary>
    public string TokenDirectory { get; }

    /// <summary>The application's rate budget this run counts against (status shows it, backup watches it for waits).</summary>
    public FixedWindowRateLimitPolicy RateLimitPolicy { get; }

    /// <summary>Whether a website session cookie is configured (always in demo mode).</summary>
    public bool HasWebSession => _rememberToken is not null || IsDemo;

    /// <summary>
    /// Builds the options from configuration, environment and flags. <paramref name="interactive"/> makes the client
    /// throw on an exhausted rate window instead of waiting (a person is waiting; a backup waits instead).
    /// </summary>
    public static StravaContext Create(CliContext context, bool demo, bool interactive)
    {
        var env = context.Environment;
        var config = context.Config.Strava;
        var tokenDirectory = context.Setting("FITNESSCLIENTS_TOKEN_DIR", context.Config.TokenDirectory) is { } configured
            ? Path.GetFullPath(ConfigPaths.ExpandHome(configured, env))
            : Path.Combine(context.ConfigDirectory, "tokens");
        var behavior = interactive ? RateLimitExhaustionBehavior.Throw : RateLimitExhaustionBehavior.Wait;

        if (demo)
        {
            var activityCount = env.DemoActivityCount ?? PositiveVariable(env, "FITNESSCLIENTS_DEMO_ACTIVITIES") ?? DemoActivityCount;
            var perSecond = PositiveVariable(env, "FITNESSCLIENTS_DEMO_REQUESTS_PER_SECOND") ?? DemoRequestsPerSecond;
            var quarter = (int)Math.Min(int.MaxValue, perSecond * 900L);
            var day = (int)Math.Min(int.MaxValue, perSecond * 86_400L);
            var emulatorOptions = new StravaEmulatorOptions
            {
                ActivityCount = activityCount,
                Seed = DemoSeed,
                OverallFifteenMinuteLimit = quarter,
                ReadFifteenMinuteLimit = quarter,
                OverallDailyLimit = day,
                ReadDailyLimit = day,
            };
            env.ConfigureStravaDemoOptions?.Invoke(emulatorOptions);
            var emulator = new StravaEmulator(env.TimeProvider, emulatorOptions);
            env.ConfigureStravaDemoEmulator?.Invoke(emulator);
            var handler = emulator.CreateHandler();
            var demoTokens = Path.Combine(context.ConfigDirectory, "demo-tokens");
            var policy = StravaRateLimits.CreatePolicy(env.TimeProvider, behavior, new StravaRateLimitSettings
            {
                Overall15Minutes = emulatorOptions.OverallFifteenMinuteLimit,
                OverallDaily = emulatorOptions.OverallDailyLimit,
                Read15Minutes = emulatorOptions.ReadFifteenMinuteLimit,
                ReadDaily = emulatorOptions.ReadDailyLimit,
            });
            return new StravaContext(
                new StravaClientOptions
                {
                    ClientId = emulator.RegisteredClientId,
                    ClientSecret = emulator.RegisteredClientSecret,
                    TokenStore = new FileTokenStore(demoTokens, env.TimeProvider),
                    TokenKey = DemoTokenKeys.ForThisProcess(DemoTokenKey, demoTokens),
                    PrimaryHandler = handler,
                    TimeProvider = env.TimeProvider,
                    LoggerFactory = context.LoggerFactory,
                    RateLimitPolicy = policy,
                },
                emulator,
                handler,
                demoTokens,
                policy,
                null,
                "demo");
        }

        var clientId = context.Setting("FITNESSCLIENTS_STRAVA_CLIENT_ID", config.ClientId);
        var realPolicy = StravaRateLimits.CreatePolicy(env.TimeProvider, behavior);
        var (rememberToken, source) = env.GetVariable("FITNESSCLIENTS_STRAVA_REMEMBER_TOKEN") is { } fromEnv
            ? (fromEnv, "FITNESSCLIENTS_STRAVA_REMEMBER_TOKEN")
            : (string.IsNullOrWhiteSpace(config.RememberToken) ? null : config.RememberToken, "strava.rememberToken in config.json");
        return new StravaContext(
            new StravaClientOptions
            {
                ClientId = clientId?.Trim(),
                ClientSecret = context.Setting("FITNESSCLIENTS_STRAVA_CLIENT_SECRET", config.ClientSecret)?.Trim(),
                TokenStore = new FileTokenStore(tokenDirectory, env.TimeProvider),
                TokenKey = context.Setting("FITNESSCLIENTS_STRAVA_TOKEN_KEY", config.TokenKey) ?? "strava",
                PrimaryHandler = env.StravaHandler,
                TimeProvider = env.TimeProvider,
                LoggerFactory = context.LoggerFactory,
                RateLimitPolicy = realPolicy,
            },
            null,
            null,
            tokenDirectory,
            realPolicy,
            rememberToken,
            source);
    }

    /// <summary>Fails with a usage error naming the settings when the app credentials are missing.</summary>
    /// <exception cref="CliUsageException">The client id or secret is not configured.</exception>
    public void RequireAppCredentials()
    {
        if (string.IsNullOrWhiteSpace(Options.ClientId) || string.IsNullOrWhiteSpace(Options.ClientSecret))
        {
            throw new CliUsageException(
                "Strava needs your API application's Client ID and Client Secret: set FITNESSCLIENTS_STRAVA_CLIENT_ID and FITNESSCLIENTS_STRAVA_CLIENT_SECRET " +
                "(or strava.clientId and strava.clientSecret in config.json); create the application at https://www.strava.com/settings/api (see docs/strava.md), or try --demo");
        }
    }

    /// <summary>In demo mode, stores a fresh token from the emulator (each run has a new emulator that knows no earlier token).</summary>
    public async Task EnsureDemoSignedInAsync(CancellationToken cancellationToken)
    {
        if (Emulator is null)
        {
            return;
        }

        var issued = Emulator.IssueTokens();
        await Options.TokenStore!.SaveAsync(Options.TokenKey, new OAuthToken
        {
            AccessToken = issued.AccessToken,
            RefreshToken = issued.RefreshToken,
            TokenType = "Bearer",
            ExpiresAt = issued.ExpiresAt,
            Scopes = [.. issued.Scopes],
            Extras = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty
                .Add(StravaTokenExtras.AthleteId, Emulator.AthleteId.ToString(CultureInfo.InvariantCulture)),
        }, cancellationToken);
    }

    /// <summary>Loads the stored token, or fails with "sign in first".</summary>
    /// <exception cref="AuthenticationRequiredException">No token is stored under the key.</exception>
    public async Task<OAuthToken> LoadTokenAsync(CancellationToken cancellationToken) =>
        await Options.TokenStore!.LoadAsync(Options.TokenKey, cancellationToken)
            ?? throw new AuthenticationRequiredException($"no Strava token '{Options.TokenKey}' in {TokenDirectory}") { Service = "strava", TokenKey = Options.TokenKey };

    /// <summary>A client over <see cref="Options"/>.</summary>
    public StravaClient CreateClient()
    {
        RequireAppCredentials();
        return StravaClient.Create(Options);
    }

    /// <summary>
    /// The website session for original files: the configured cookie (or the emulator's in demo mode), or
    /// <see langword="null"/> when none is configured. <paramref name="warn"/> hears about an expiry within a week.
    /// </summary>
    /// <exception cref="CliUsageException">The configured value is not a strava_remember_token.</exception>
    public StravaWebExporter? CreateWebExporter(Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(warn);
        var cookie = Emulator?.IssueWebSessionCookie() ?? _rememberToken;
        if (cookie is null)
        {
            return null;
        }

        StravaWebExporter exporter;
        try
        {
            exporter = new StravaWebExporter(cookie, Options);
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException($"{_rememberTokenSource}: {ex.Message}");
        }

        var now = Options.TimeProvider.GetUtcNow();
        if (exporter.ExpiresAt is { } expires && expires - now < TimeSpan.FromDays(7))
        {
            warn(expires <= now
                ? string.Create(CultureInfo.InvariantCulture, $"the strava_remember_token ({_rememberTokenSource}) expired on {expires:yyyy-MM-dd}; copy a fresh one from the browser")
                : string.Create(CultureInfo.InvariantCulture, $"the strava_remember_token ({_rememberTokenSource}) expires on {expires:yyyy-MM-dd}; copy a fresh one from the browser soon"));
        }

        return exporter;
    }

    private static int? PositiveVariable(CliEnvironment env, string name) =>
        env.GetVariable(name) is not { } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new CliUsageException($"{name} must be a positive whole number, not '{text}'");

    /// <inheritdoc />
    public void Dispose() => _ownedHandler?.Dispose();
}

using System.Security.Cryptography.X509Certificates;
using FitnessClients.Cli.Configuration;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using FitnessClients.FitTrackee;
using FitnessClients.FitTrackee.Auth;
using FitnessClients.Testing;

namespace FitnessClients.Cli.FitTrackee;

/// <summary>
/// The FitTrackee side of one command: client options (instance address, app credentials, token store, TLS rules)
/// from configuration, environment and flags, and in <c>--demo</c> mode the in-process emulator standing in for an instance.
/// </summary>
public sealed class FitTrackeeContext : IDisposable
{
    /// <summary>The redirect URI assumed when none is configured; register it as the app's first redirect URI.</summary>
    public const string DefaultRedirectUri = "http://127.0.0.1:8765/callback";

    /// <summary>The token key of the demo account (kept apart from real accounts' keys).</summary>
    public const string DemoTokenKey = "fittrackee-demo";

    /// <summary>The number of workouts of the demo account.</summary>
    public const int DemoWorkoutCount = 25;

    private readonly HttpMessageHandler? _ownedHandler;

    private FitTrackeeContext(FitTrackeeClientOptions options, FitTrackeeEmulator? emulator, HttpMessageHandler? ownedHandler, string tokenDirectory)
    {
        Options = options;
        Emulator = emulator;
        _ownedHandler = ownedHandler;
        TokenDirectory = tokenDirectory;
    }

    /// <summary>The options for clients and the authenticator.</summary>
    public FitTrackeeClientOptions Options { get; }

    /// <summary>The emulator in demo mode, else <see langword="null"/>.</summary>
    public FitTrackeeEmulator? Emulator { get; }

    /// <summary>Whether this is a demo run.</summary>
    public bool IsDemo => Emulator is not null;

    /// <summary>The token folder.</summary>
    public string TokenDirectory { get; }

    /// <summary>The instance's host, which <c>delete --all</c> asks the user to type.</summary>
    public string Host => Options.EffectiveBaseAddress.Host;

    /// <summary>Builds the options. <paramref name="interactive"/> makes an exhausted rate limit fail at once instead of waiting.</summary>
    public static FitTrackeeContext Create(CliContext context, bool demo, bool interactive)
    {
        var env = context.Environment;
        var config = context.Config.FitTrackee;
        var tokenDirectory = context.Setting("FITNESSCLIENTS_TOKEN_DIR", context.Config.TokenDirectory) is { } configured
            ? Path.GetFullPath(ConfigPaths.ExpandHome(configured, env))
            : Path.Combine(context.ConfigDirectory, "tokens");
        var behavior = interactive ? RateLimitExhaustionBehavior.Throw : RateLimitExhaustionBehavior.Wait;

        if (demo)
        {
            var emulator = new FitTrackeeEmulator(env.TimeProvider, new FitTrackeeEmulatorOptions
            {
                WorkoutCount = env.DemoActivityCount ?? DemoWorkoutCount,
                // An instance whose admin raised the 1 MiB default, as most do: the demo's long 1 Hz rides are 1-3 MB of GPX.
                // `fitness fittrackee status` shows the limit; the 413 path has its own tests.
                MaxSingleFileSize = 8 << 20,
            });
            var handler = emulator.CreateHandler();
            var demoTokens = Path.Combine(context.ConfigDirectory, "demo-tokens");
            return new FitTrackeeContext(
                new FitTrackeeClientOptions
                {
                    BaseAddress = emulator.DefaultBaseAddress,
                    ClientId = emulator.RegisteredClientId,
                    ClientSecret = emulator.RegisteredClientSecret,
                    RedirectUri = new Uri(emulator.RedirectUri),
                    TokenStore = new FileTokenStore(demoTokens, env.TimeProvider),
                    TokenKey = DemoTokenKeys.ForThisProcess(DemoTokenKey, demoTokens),
                    PrimaryHandler = handler,
                    TimeProvider = env.TimeProvider,
                    LoggerFactory = context.LoggerFactory,
                    RateLimitPolicy = new TokenBucketRateLimitPolicy(200, 200, TimeSpan.FromSeconds(1), env.TimeProvider) { Name = "fittrackee", ExhaustionBehavior = behavior },
                },
                emulator,
                handler,
                demoTokens);
        }

        var url = context.Setting("FITNESSCLIENTS_FITTRACKEE_URL", config.Url)
            ?? throw new CliUsageException("the FitTrackee instance's address is not set: FITNESSCLIENTS_FITTRACKEE_URL, or fittrackee.url in config.json (or try --demo)");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseAddress))
        {
            throw new CliUsageException($"'{url}' is not an absolute address like https://fittrackee.example.org/");
        }

        var options = new FitTrackeeClientOptions
        {
            BaseAddress = baseAddress,
            ClientId = context.Setting("FITNESSCLIENTS_FITTRACKEE_CLIENT_ID", config.ClientId),
            ClientSecret = context.Setting("FITNESSCLIENTS_FITTRACKEE_CLIENT_SECRET", config.ClientSecret),
            RedirectUri = new Uri(context.Setting("FITNESSCLIENTS_FITTRACKEE_REDIRECT_URI", config.RedirectUri) ?? DefaultRedirectUri),
            TokenStore = new FileTokenStore(tokenDirectory, env.TimeProvider),
            TokenKey = context.Setting("FITNESSCLIENTS_FITTRACKEE_TOKEN_KEY", config.TokenKey) ?? "fittrackee",
            TimeProvider = env.TimeProvider,
            LoggerFactory = context.LoggerFactory,
            AllowInsecureHttp = config.AllowInsecureHttp == true || env.GetVariable("FITNESSCLIENTS_FITTRACKEE_ALLOW_INSECURE_HTTP") is "1" or "true",
            RateLimitPolicy = new TokenBucketRateLimitPolicy(20, 10, TimeSpan.FromSeconds(1), env.TimeProvider)
            {
                Name = "fittrackee",
                ExhaustionBehavior = behavior,
                UsageReaders = [new FlaskLimiterHeaderReader("fittrackee")],
            },
        };
        // Refused here, before any prompt: a token or secret must never go to another machine over plain http.
        Core.Http.TransportSecurity.ValidateAddress(baseAddress, options, "url");
        if (context.Setting("FITNESSCLIENTS_FITTRACKEE_CA_CERTIFICATE", config.CaCertificate) is { } ca)
        {
            var path = Path.GetFullPath(ConfigPaths.ExpandHome(ca, env));
            options.TrustedCertificateAuthorities.Add(path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".crt", StringComparison.OrdinalIgnoreCase)
                ? X509Certificate2.CreateFromPem(File.ReadAllText(path))
                : X509CertificateLoader.LoadCertificateFromFile(path));
        }

        if (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            throw new CliUsageException(
                "the FitTrackee app's client id and secret are not set: register an app on your instance (Settings → Apps), then set FITNESSCLIENTS_FITTRACKEE_CLIENT_ID and FITNESSCLIENTS_FITTRACKEE_CLIENT_SECRET (see docs/fittrackee.md)");
        }

        return new FitTrackeeContext(options, null, null, tokenDirectory);
    }

    /// <summary>In demo mode, signs in through the emulator's authorize page (each run has a new emulator).</summary>
    public async Task EnsureDemoSignedInAsync(CancellationToken cancellationToken)
    {
        if (Emulator is null)
        {
            return;
        }

        using var auth = new FitTrackeeAuthenticator(Options);
        await SignInThroughDemoPageAsync(auth, cancellationToken);
    }

    /// <summary>Demo only: what the user's browser does, pressing "Authorize" on the emulator's page and landing on the redirect.</summary>
    public async Task<OAuthToken> SignInThroughDemoPageAsync(FitTrackeeAuthenticator auth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auth);
        var emulator = Emulator ?? throw new InvalidOperationException("not a demo run");
        var pending = auth.BeginLogin();
        using var browser = emulator.CreateClient();
        using var page = await browser.GetAsync(pending.AuthorizationUrl, cancellationToken);
        var landed = page.Headers.Location ?? throw new InvalidOperationException("the demo authorize page did not redirect");
        return await auth.CompleteLoginAsync(pending, landed.AbsoluteUri, cancellationToken);
    }

    /// <summary>A client over <see cref="Options"/>.</summary>
    public FitTrackeeClient CreateClient() => FitTrackeeClient.Create(Options);

    /// <inheritdoc />
    public void Dispose() => _ownedHandler?.Dispose();
}

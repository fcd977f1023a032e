using FitnessClients.Cli.Configuration;
using FitnessClients.Core;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect;
using FitnessClients.GarminConnect.Auth;
using FitnessClients.Testing;

namespace FitnessClients.Cli.Garmin;

/// <summary>
/// The Garmin side of one command: client options (token store, key, domain, handler, rate limit), and in
/// <c>--demo</c> mode the in-process emulator standing in for Garmin.
/// </summary>
public sealed class GarminContext : IDisposable
{
    /// <summary>The emulator's seed in demo mode: the same account on every run and every machine.</summary>
    public const int DemoSeed = 20260108;

    /// <summary>The number of activities of the demo account.</summary>
    public const int DemoActivityCount = 300;

    /// <summary>The demo's request budget per second (the emulator is in-process, so it is generous).</summary>
    public const int DemoRequestsPerSecond = 200;

    /// <summary>The token key of the demo account (kept apart from real accounts' keys).</summary>
    public const string DemoTokenKey = "garmin-demo";

    private readonly HttpMessageHandler? _ownedHandler;

    private GarminContext(GarminConnectClientOptions options, GarminConnectEmulator? emulator, HttpMessageHandler? ownedHandler, string tokenDirectory)
    {
        Options = options;
        Emulator = emulator;
        _ownedHandler = ownedHandler;
        TokenDirectory = tokenDirectory;
    }

    /// <summary>The options for clients and the authenticator.</summary>
    public GarminConnectClientOptions Options { get; }

    /// <summary>The emulator in demo mode, else <see langword="null"/>.</summary>
    public GarminConnectEmulator? Emulator { get; }

    /// <summary>Whether this is a demo run.</summary>
    public bool IsDemo => Emulator is not null;

    /// <summary>The token folder.</summary>
    public string TokenDirectory { get; }

    /// <summary>
    /// Builds the options from configuration, environment and flags. <paramref name="interactive"/> makes the client
    /// throw on an exhausted rate limit instead of waiting (a person is waiting; a backup should wait instead).
    /// </summary>
    public static GarminContext Create(CliContext context, bool demo, bool interactive)
    {
        var env = context.Environment;
        var tokenDirectory = context.Setting("FITNESSCLIENTS_TOKEN_DIR", context.Config.TokenDirectory) is { } configured
            ? Path.GetFullPath(ConfigPaths.ExpandHome(configured, env))
            : Path.Combine(context.ConfigDirectory, "tokens");
        var behavior = interactive ? RateLimitExhaustionBehavior.Throw : RateLimitExhaustionBehavior.Wait;
        var domain = context.Setting("FITNESSCLIENTS_GARMIN_DOMAIN", context.Config.Garmin.Domain) ?? GarminDomains.Global;

        if (demo)
        {
            var activityCount = env.DemoActivityCount ?? PositiveVariable(env, "FITNESSCLIENTS_DEMO_ACTIVITIES") ?? DemoActivityCount;
            var requestsPerSecond = PositiveVariable(env, "FITNESSCLIENTS_DEMO_REQUESTS_PER_SECOND") ?? DemoRequestsPerSecond;
            var emulatorOptions = new GarminConnectEmulatorOptions { ActivityCount = activityCount, Seed = DemoSeed };
            env.ConfigureDemoOptions?.Invoke(emulatorOptions);
            var emulator = new GarminConnectEmulator(env.TimeProvider, emulatorOptions);
            env.ConfigureDemoEmulator?.Invoke(emulator);
            var handler = emulator.CreateHandler();
            var demoTokens = Path.Combine(context.ConfigDirectory, "demo-tokens");
            return new GarminContext(
                new GarminConnectClientOptions
                {
                    TokenStore = new FileTokenStore(demoTokens, env.TimeProvider),
                    TokenKey = DemoTokenKeys.ForThisProcess(DemoTokenKey, demoTokens),
                    PrimaryHandler = handler,
                    TimeProvider = env.TimeProvider,
                    LoggerFactory = context.LoggerFactory,
                    // The emulator is in-process: pace generously so the demo takes seconds, not minutes.
                    RateLimitPolicy = new TokenBucketRateLimitPolicy(requestsPerSecond, requestsPerSecond, TimeSpan.FromSeconds(1), env.TimeProvider) { Name = "garmin-demo", ExhaustionBehavior = behavior },
                },
                emulator,
                handler,
                demoTokens);
        }

        return new GarminContext(
            new GarminConnectClientOptions
            {
                TokenStore = new FileTokenStore(tokenDirectory, env.TimeProvider),
                TokenKey = context.Setting("FITNESSCLIENTS_GARMIN_TOKEN_KEY", context.Config.Garmin.TokenKey) ?? "garmin",
                Domain = domain,
                PrimaryHandler = env.GarminHandler,
                TimeProvider = env.TimeProvider,
                LoggerFactory = context.LoggerFactory,
                RateLimitPolicy = new TokenBucketRateLimitPolicy(timeProvider: env.TimeProvider) { Name = "garmin", ExhaustionBehavior = behavior },
            },
            null,
            null,
            tokenDirectory);
    }

    private static int? PositiveVariable(CliEnvironment env, string name) =>
        env.GetVariable(name) is not { } text ? null
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new CliUsageException($"{name} must be a positive whole number, not '{text}'");

    /// <summary>In demo mode, signs in with a fresh service ticket from the emulator (each run has a new emulator).</summary>
    public async Task EnsureDemoSignedInAsync(CancellationToken cancellationToken)
    {
        if (Emulator is null)
        {
            return;
        }

        using var auth = new GarminAuthenticator(Options);
        await auth.LoginWithTicketAsync(Emulator.IssueServiceTicket(), cancellationToken);
    }

    /// <summary>
    /// Signs in the demo (see <see cref="EnsureDemoSignedInAsync"/>), or checks that a token is stored, so that commands
    /// which write files can refuse before they create any.
    /// </summary>
    /// <exception cref="AuthenticationRequiredException">No token is stored under the key.</exception>
    public async Task EnsureSignedInAsync(CancellationToken cancellationToken)
    {
        await EnsureDemoSignedInAsync(cancellationToken);
        _ = await Options.TokenStore!.LoadAsync(Options.TokenKey, cancellationToken)
            ?? throw new AuthenticationRequiredException($"no Garmin token '{Options.TokenKey}' in {TokenDirectory}") { Service = "garmin" };
    }

    /// <summary>A client over <see cref="Options"/>.</summary>
    public GarminConnectClient CreateClient() => GarminConnectClient.Create(Options);

    /// <inheritdoc />
    public void Dispose() => _ownedHandler?.Dispose();
}

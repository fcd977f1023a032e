using System.Globalization;
using FitnessClients.Cli.Configuration;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using FitnessClients.Runkeeper;
using FitnessClients.Runkeeper.Auth;
using FitnessClients.Runkeeper.RateLimits;
using FitnessClients.Testing;

namespace FitnessClients.Cli.Runkeeper;

/// <summary>
/// The Runkeeper side of one command: client options (token store and key, hosts, rate limit, assumed time zone), and
/// in <c>--demo</c> mode the in-process emulator standing in for Runkeeper.
/// </summary>
public sealed class RunkeeperContext : IDisposable
{
    /// <summary>The emulator's seed in demo mode: the same account on every run and every machine.</summary>
    public const ulong DemoSeed = 20_110_915;

    /// <summary>The number of activities of the demo account.</summary>
    public const int DemoActivityCount = 120;

    /// <summary>The token key of the demo account (kept apart from real accounts' keys).</summary>
    public const string DemoTokenKey = "runkeeper-demo";

    private readonly HttpMessageHandler? _ownedHandler;

    private RunkeeperContext(RunkeeperClientOptions options, RunkeeperEmulator? emulator, HttpMessageHandler? ownedHandler, string tokenDirectory, int demoActivityCount)
    {
        Options = options;
        Emulator = emulator;
        _ownedHandler = ownedHandler;
        TokenDirectory = tokenDirectory;
        DemoActivities = demoActivityCount;
    }

    /// <summary>The options for clients and the authenticator.</summary>
    public RunkeeperClientOptions Options { get; }

    /// <summary>The emulator in demo mode, else <see langword="null"/>.</summary>
    public RunkeeperEmulator? Emulator { get; }

    /// <summary>Whether this is a demo run.</summary>
    public bool IsDemo => Emulator is not null;

    /// <summary>The token folder.</summary>
    public string TokenDirectory { get; }

    /// <summary>How many activities the demo account (and the demo export) has.</summary>
    public int DemoActivities { get; }

    /// <summary>
    /// Builds the options from configuration, environment and flags. <paramref name="interactive"/> makes the client
    /// throw on an exhausted budget instead of waiting for the next quarter hour.
    /// </summary>
    public static RunkeeperContext Create(CliContext context, bool demo, bool interactive, string? timeZone = null)
    {
        var env = context.Environment;
        var config = context.Config.Runkeeper;
        var tokenDirectory = context.Setting("FITNESSCLIENTS_TOKEN_DIR", context.Config.TokenDirectory) is { } configured
            ? Path.GetFullPath(ConfigPaths.ExpandHome(configured, env))
            : Path.Combine(context.ConfigDirectory, "tokens");
        var behavior = interactive ? RateLimitExhaustionBehavior.Throw : RateLimitExhaustionBehavior.Wait;
        var zone = ResolveZone(timeZone ?? context.Setting("FITNESSCLIENTS_RUNKEEPER_TIME_ZONE", config.TimeZone));
        var activityCount = env.DemoActivityCount ?? DemoActivityCount;

        if (demo)
        {
            var emulator = new RunkeeperEmulator(env.TimeProvider, new RunkeeperEmulatorOptions { ActivityCount = activityCount, Seed = DemoSeed });
            var handler = emulator.CreateHandler();
            var demoTokens = Path.Combine(context.ConfigDirectory, "demo-tokens");
            var demoOptions = new RunkeeperClientOptions
            {
                TokenStore = new FileTokenStore(demoTokens, env.TimeProvider),
                TokenKey = DemoTokenKeys.ForThisProcess(DemoTokenKey, demoTokens),
                ClientId = emulator.RegisteredClientId,
                ClientSecret = emulator.RegisteredClientSecret,
                PrimaryHandler = handler,
                TimeProvider = env.TimeProvider,
                LoggerFactory = context.LoggerFactory,
                AssumedTimeZone = zone,
                // The emulator is in-process: a generous budget keeps the demo to seconds.
                RateLimitPolicy = RunkeeperRateLimits.CreatePolicy(env.TimeProvider, 10_000, behavior),
            };
            return new RunkeeperContext(demoOptions, emulator, handler, demoTokens, activityCount);
        }

        var options = new RunkeeperClientOptions
        {
            TokenStore = new FileTokenStore(tokenDirectory, env.TimeProvider),
            TokenKey = context.Setting("FITNESSCLIENTS_RUNKEEPER_TOKEN_KEY", config.TokenKey) ?? "runkeeper",
            ClientId = context.Setting("FITNESSCLIENTS_RUNKEEPER_CLIENT_ID", config.ClientId),
            ClientSecret = env.GetVariable("FITNESSCLIENTS_RUNKEEPER_CLIENT_SECRET"),
            BaseAddress = Url(context.Setting("FITNESSCLIENTS_RUNKEEPER_BASE_URL", config.BaseUrl), "FITNESSCLIENTS_RUNKEEPER_BASE_URL"),
            OAuthBaseAddress = Url(context.Setting("FITNESSCLIENTS_RUNKEEPER_OAUTH_URL", config.OAuthUrl), "FITNESSCLIENTS_RUNKEEPER_OAUTH_URL"),
            TimeProvider = env.TimeProvider,
            LoggerFactory = context.LoggerFactory,
            AssumedTimeZone = zone,
            RateLimitPolicy = RunkeeperRateLimits.CreatePolicy(env.TimeProvider, config.RequestsPerQuarterHour ?? RunkeeperRateLimits.DefaultRequestsPerQuarterHour, behavior),
        };
        return new RunkeeperContext(options, null, null, tokenDirectory, activityCount);
    }

    /// <summary>In demo mode, stores a fresh token from the emulator (each run has a new emulator).</summary>
    public async Task EnsureDemoSignedInAsync(CancellationToken cancellationToken)
    {
        if (Emulator is null)
        {
            return;
        }

        using var auth = CreateAuthenticator();
        await auth.StoreAccessTokenAsync(Emulator.IssueAccessToken(), cancellationToken);
    }

    /// <summary>A client over <see cref="Options"/>.</summary>
    public RunkeeperClient CreateClient() => RunkeeperClient.Create(Options);

    /// <summary>An authenticator over <see cref="Options"/>.</summary>
    public RunkeeperAuthenticator CreateAuthenticator() => new(Options);

    /// <inheritdoc />
    public void Dispose() => _ownedHandler?.Dispose();

    private static Uri? Url(string? value, string name) =>
        value is null ? null
        : Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
        : throw new CliUsageException($"{name} must be an absolute http(s) URL, not '{value}'");

    private static TimeZoneInfo? ResolveZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"unknown time zone '{id}' (use an IANA name such as America/New_York)"));
        }
    }
}

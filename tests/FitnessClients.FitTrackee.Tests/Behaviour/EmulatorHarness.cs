using FitnessClients.Core.Tokens;
using FitnessClients.FitTrackee.Auth;
using FitnessClients.Testing;

namespace FitnessClients.FitTrackee.Tests.Behaviour;

/// <summary>A FitTrackee emulator with a temporary token folder, and clients and sign-ins against it.</summary>
internal sealed class EmulatorHarness : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 4, 20, 8, 0, 0, TimeSpan.Zero);

    private readonly HttpMessageHandler _handler;

    public EmulatorHarness(int workoutCount = 12, Action<FitTrackeeEmulatorOptions>? configure = null)
    {
        Clock = new TimerTrackingTimeProvider(Now);
        var options = new FitTrackeeEmulatorOptions { WorkoutCount = workoutCount };
        configure?.Invoke(options);
        Emulator = new FitTrackeeEmulator(Clock, options);
        _handler = Emulator.CreateHandler();
        TokenDirectory = Path.Combine(Path.GetTempPath(), "ft-tests-" + Guid.NewGuid().ToString("N"));
    }

    public TimerTrackingTimeProvider Clock { get; }

    public FitTrackeeEmulator Emulator { get; }

    public string TokenDirectory { get; }

    /// <summary>Options over a store of its own on the shared token folder, as a second process would have.</summary>
    public FitTrackeeClientOptions Options(Core.RateLimiting.RateLimitPolicy? policy = null)
    {
        var options = new FitTrackeeClientOptions
        {
            BaseAddress = Emulator.DefaultBaseAddress,
            ClientId = Emulator.RegisteredClientId,
            ClientSecret = Emulator.RegisteredClientSecret,
            RedirectUri = new Uri(Emulator.RedirectUri),
            TokenStore = new FileTokenStore(TokenDirectory, Clock),
            TokenKey = "fittrackee",
            PrimaryHandler = _handler,
            TimeProvider = Clock,
            RateLimitPolicy = policy,
        };
        options.Resilience.Enabled = false;
        return options;
    }

    /// <summary>The whole sign-in: the "browser" opens the authorization URL, the emulator's page redirects to the first registered URI, the user pastes it.</summary>
    public async Task<OAuthToken> SignInAsync()
    {
        using var auth = new FitTrackeeAuthenticator(Options());
        var pending = auth.BeginLogin();
        using var browser = new HttpClient(Emulator.CreateHandler());
        using var page = await browser.GetAsync(pending.AuthorizationUrl);
        var location = page.Headers.Location ?? throw new InvalidOperationException($"The authorize page answered {(int)page.StatusCode} without a redirect.");
        return await auth.CompleteLoginAsync(pending, location.AbsoluteUri);
    }

    public FitTrackeeClient CreateClient(Core.RateLimiting.RateLimitPolicy? policy = null) => FitTrackeeClient.Create(Options(policy));

    public void Dispose()
    {
        _handler.Dispose();
        if (Directory.Exists(TokenDirectory))
        {
            Directory.Delete(TokenDirectory, recursive: true);
        }
    }
}

using FitnessClients.Core.Http;
using FitnessClients.Core.Json;
using FitnessClients.Core.OAuth;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Resilience;
using FitnessClients.Core.Tokens;
using FitnessClients.Testing;
using Refit;

namespace FitnessClients.Core.Tests.Pipeline;

/// <summary>Wires a client the way a service package's <c>Create(...)</c> does, over the test emulator.</summary>
internal sealed class PipelineFixture : IDisposable
{
    public static readonly Uri ApiRoot = new("https://pipeline.test/");

    public PipelineFixture(int requestsPerQuarterHour = 100, DateTimeOffset? start = null)
    {
        Clock = new TimerTrackingTimeProvider(start ?? FakeTimeDefaults.Start);
        Emulator = new PipelineTestEmulator(Clock, requestsPerQuarterHour);
        Directory = System.IO.Directory.CreateTempSubdirectory("fc-pipeline-");
        Store = new FileTokenStore(Directory.FullName, Clock);
        TokenHttp = new HttpClient(Emulator.CreateHandler());
        var tokenClient = new OAuth2TokenClient(TokenHttp, new OAuth2ClientCredentials(PipelineTestEmulator.ClientId, PipelineTestEmulator.ClientSecret), new Uri(ApiRoot, "oauth/token"), Clock);
        Tokens = new TokenManager(Store, "athlete", new OAuth2TokenRefresher(tokenClient), new TokenManagerOptions { Service = "pipeline" }, Clock);
        Policy = new FixedWindowRateLimitPolicy(
            [RateLimitWindow.QuarterHour("15m", requestsPerQuarterHour), RateLimitWindow.DailyUtc("daily", requestsPerQuarterHour * 10)], Clock)
        {
            MaxJitter = TimeSpan.Zero,
            UsageReaders = [new CommaSeparatedUsageHeaderReader("X-RateLimit-Limit", "X-RateLimit-Usage", "15m", "daily")],
        };
        Settings = new FitnessPipelineSettings
        {
            ServiceName = "pipeline",
            TokenManager = Tokens,
            RateLimitPolicy = Policy,
            Resilience = new ResilienceOptions { Retry = { Delay = TimeSpan.FromMilliseconds(200) } },
            TimeProvider = Clock,
            DefaultHeaders = new Dictionary<string, string> { ["User-Agent"] = "FitnessClients.Tests/1.0" },
        };
        Http = FitnessPipeline.CreateHttpClient(Settings, ApiRoot, Emulator.CreateHandler());
        Api = RestService.ForGenerated<IPipelineTestApi>(Http, FitnessRefit.CreateSettings(FitnessJson.CreateOptions()));
    }

    public TimerTrackingTimeProvider Clock { get; }

    public PipelineTestEmulator Emulator { get; }

    public DirectoryInfo Directory { get; }

    public FileTokenStore Store { get; }

    public HttpClient TokenHttp { get; }

    public TokenManager Tokens { get; }

    public FixedWindowRateLimitPolicy Policy { get; }

    public FitnessPipelineSettings Settings { get; }

    public HttpClient Http { get; }

    public IPipelineTestApi Api { get; }

    /// <summary>Signs the user in at the emulator and stores the token as a login command would.</summary>
    public async Task<OAuthToken> SignInAsync()
    {
        var issued = Emulator.OAuth.IssueTokens(PipelineTestEmulator.ClientId, ["read"], subject: "ada");
        var token = new OAuthToken { AccessToken = issued.AccessToken, RefreshToken = issued.RefreshToken, ExpiresAt = issued.ExpiresAt, Scopes = ["read"] };
        await Store.SaveAsync("athlete", token);
        return token;
    }

    public void Dispose()
    {
        Http.Dispose();
        TokenHttp.Dispose();
        Directory.Delete(recursive: true);
    }
}

using FitnessClients.Backup;
using FitnessClients.Campaigns.Tests.Support;
using FitnessClients.Core.Activities;
using FitnessClients.Core.Http;
using FitnessClients.Core.Tokens;
using FitnessClients.Strava;
using FitnessClients.Testing;

namespace FitnessClients.Campaigns.Tests.Faults;

/// <summary>
/// One Strava backup (GPX built from the streams + the summary JSON kept from the listing) over loopback HTTP with the
/// client's defaults, the emulator enforcing Strava's limits on the fake clock, optionally with the campaign's faults.
/// </summary>
internal static class StravaFaultRun
{
    public static readonly IReadOnlyList<ActivityFormat> Formats = [StravaActivityFormats.Gpx, StravaActivityFormats.SummaryJson, StravaActivityFormats.StreamsJson];

    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static async Task<CampaignRun> RunAsync(string folder, int activityCount, int? faultSeed)
    {
        var realStart = TimeProvider.System.GetTimestamp();
        var clock = new TimerTrackingTimeProvider(Start);
        var emulator = new StravaEmulator(clock, new StravaEmulatorOptions { ActivityCount = activityCount, Seed = 11 });
        var mix = faultSeed is { } seed
            ? new FaultMix(emulator, seed, tooManyRequestsBody: """{"message":"Rate Limit Exceeded","errors":[{"resource":"Application","field":"rate limit","code":"exceeded"}]}""")
            : null;
        await using var server = await emulator.StartLoopbackAsync();
        var issued = emulator.IssueTokens(["read", "activity:read_all"]);
        var store = new InMemoryTokenStore();
        await store.SaveAsync("strava", new OAuthToken
        {
            AccessToken = issued.AccessToken,
            RefreshToken = issued.RefreshToken,
            TokenType = "Bearer",
            ExpiresAt = issued.ExpiresAt,
            Scopes = [.. issued.Scopes],
        });
        using var primary = FitnessPipeline.CreatePrimaryHandler();
        using var counter = new InFlightCounter(primary);
        using var client = StravaClient.Create(new StravaClientOptions
        {
            ClientId = emulator.RegisteredClientId,
            ClientSecret = emulator.RegisteredClientSecret,
            BaseAddress = new Uri(server.BaseAddress, "api/v3/"),
            OAuthBaseAddress = new Uri(server.BaseAddress, "oauth/"),
            TokenStore = store,
            TokenKey = "strava",
            TimeProvider = clock,
            PrimaryHandler = counter,
        });
        var engine = new BackupEngine(new StravaActivitySource(client), clock);
        var options = new BackupOptions
        {
            BackupDirectory = folder,
            Formats = Formats,
            RequestCounter = () => emulator.Requests.Count(),
        };
        BackupResult result;
        try
        {
            result = await CampaignClock.RunAsync(clock, () => counter.InFlight, engine.RunAsync(options), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(20));
        }
        catch
        {
            foreach (var r in emulator.Requests.Snapshot().TakeLast(25))
            {
                TestContext.Out.WriteLine($"{r.Sequence} {r.ReceivedAt:HH:mm:ss.fff} {r.Method} {r.Path} -> {r.StatusCode} {r.Fault}");
            }

            throw;
        }

        return new CampaignRun(result, emulator.Requests.Count(), mix, clock.GetUtcNow() - Start, TimeProvider.System.GetElapsedTime(realStart), emulator.RateLimits?.Responses429 ?? 0);
    }
}

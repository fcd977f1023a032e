using System.Collections.Immutable;
using FitnessClients.Backup;
using FitnessClients.Campaigns.Tests.Support;
using FitnessClients.Core.Activities;
using FitnessClients.Core.Http;
using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect;
using FitnessClients.GarminConnect.Auth;
using FitnessClients.Testing;

namespace FitnessClients.Campaigns.Tests.Faults;

/// <summary>
/// One Garmin backup over loopback HTTP with the client's defaults (rate limit, retries, timeouts), the emulator on the
/// fake clock, optionally with the campaign's fault mix.
/// </summary>
internal static class GarminFaultRun
{
    public static readonly IReadOnlyList<ActivityFormat> Formats = [ActivityFormat.Original, ActivityFormat.Gpx];

    public static async Task<CampaignRun> RunAsync(string folder, int activityCount, int? faultSeed)
    {
        var realStart = TimeProvider.System.GetTimestamp();
        var clock = new TimerTrackingTimeProvider(new DateTimeOffset(2026, 7, 1, 6, 0, 0, TimeSpan.Zero));
        var emulator = new GarminConnectEmulator(clock, new GarminConnectEmulatorOptions { ActivityCount = activityCount });
        var mix = faultSeed is { } seed ? new FaultMix(emulator, seed) : null;
        await using var server = await emulator.StartLoopbackAsync();
        var store = new InMemoryTokenStore();
        var issued = emulator.IssueTokens();
        await store.SaveAsync("garmin", new OAuthToken
        {
            AccessToken = issued.AccessToken,
            RefreshToken = issued.RefreshToken,
            ExpiresAt = issued.ExpiresAt,
            Scopes = [.. issued.Scopes],
            Extras = ImmutableDictionary<string, string>.Empty.Add(GarminTokenExtras.DiClientId, issued.ClientId),
        });
        using var primary = FitnessPipeline.CreatePrimaryHandler();
        using var counter = new InFlightCounter(primary);
        using var client = GarminConnectClient.Create(new GarminConnectClientOptions
        {
            BaseAddress = server.BaseAddress,
            DiAuthTokenEndpoint = new Uri(server.BaseAddress, GarminConnectEmulator.DiAuthTokenPath),
            TokenStore = store,
            TokenKey = "garmin",
            TimeProvider = clock,
            PrimaryHandler = counter,
            ExpandMultisport = true,
        });
        var engine = new BackupEngine(new GarminActivitySource(client), clock);
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

        return new CampaignRun(result, emulator.Requests.Count(), mix, clock.GetUtcNow() - new DateTimeOffset(2026, 7, 1, 6, 0, 0, TimeSpan.Zero), TimeProvider.System.GetElapsedTime(realStart));
    }
}

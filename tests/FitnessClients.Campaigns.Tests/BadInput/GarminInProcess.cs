using System.Collections.Immutable;
using FitnessClients.Backup;
using FitnessClients.Core.Activities;
using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect;
using FitnessClients.GarminConnect.Auth;
using FitnessClients.Testing;

namespace FitnessClients.Campaigns.Tests.BadInput;

/// <summary>A Garmin client and backup engine over the in-process emulator on a fake clock, for bad-input tests.</summary>
internal sealed class GarminInProcess : IDisposable
{
    private GarminInProcess(FakeTimeProvider clock, GarminConnectEmulator emulator, GarminConnectClient client)
    {
        Clock = clock;
        Emulator = emulator;
        Client = client;
        Engine = new BackupEngine(new GarminActivitySource(client), clock);
    }

    public FakeTimeProvider Clock { get; }

    public GarminConnectEmulator Emulator { get; }

    public GarminConnectClient Client { get; }

    public BackupEngine Engine { get; }

    public static async Task<GarminInProcess> CreateAsync(int activityCount = 6)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 6, 0, 0, TimeSpan.Zero));
        var emulator = new GarminConnectEmulator(clock, new GarminConnectEmulatorOptions { ActivityCount = activityCount, IncludeEdgeCases = false, MultisportShare = 0, ManualShare = 0 });
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
        var options = new GarminConnectClientOptions
        {
            TokenStore = store,
            TokenKey = "garmin",
            TimeProvider = clock,
            PrimaryHandler = emulator.CreateHandler(),
            RateLimitPolicy = new Core.RateLimiting.TokenBucketRateLimitPolicy(100_000, 100_000, TimeSpan.FromSeconds(1), clock),
        };
        options.Resilience.Retry.MaxRetryAttempts = 0; // bad bodies come with 200: nothing to retry, and no back-off to drive
        return new GarminInProcess(clock, emulator, GarminConnectClient.Create(options));
    }

    public Task<BackupResult> BackupAsync(string folder, IReadOnlyList<ActivityFormat>? formats = null, bool fullScan = false, BackupLayout? layout = null) =>
        Engine.RunAsync(new BackupOptions
        {
            BackupDirectory = folder,
            Formats = formats ?? [ActivityFormat.Original, ActivityFormat.Gpx],
            FullScan = fullScan,
            Layout = layout ?? new BackupLayout(),
            MaxConcurrency = 1,
        });

    public void Dispose() => Client.Dispose();
}

using System.Collections.Immutable;
using FitnessClients.Backup.Sync;
using FitnessClients.Core.Activities;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using FitnessClients.FitTrackee;
using FitnessClients.GarminConnect;
using FitnessClients.GarminConnect.Auth;
using FitnessClients.Strava;
using FitnessClients.Testing;

namespace FitnessClients.Cli.Tests;

/// <summary>
/// The sync engine between real clients and the emulators: Garmin Connect and Strava into FitTrackee, whose emulator
/// validates uploads like the server (extension, XML declaration, GPX times, FIT content, manual workout rules).
/// </summary>
/// <remarks>Here rather than in the Backup tests because this project references every service package.</remarks>
public class SyncEndToEndTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Garmin_into_FitTrackee_uploads_every_mapped_activity_once_and_rebuilds_a_lost_record_from_duplicates()
    {
        using var temp = new TempFolder();
        var clock = new FakeTimeProvider(Now);
        var garminEmulator = new GarminConnectEmulator(clock, new GarminConnectEmulatorOptions { ActivityCount = 30, IncludeEdgeCases = false });
        using var garmin = await GarminClientAsync(garminEmulator, clock);
        var fittrackeeEmulator = new FitTrackeeEmulator(clock, new FitTrackeeEmulatorOptions { WorkoutCount = 0 });
        using var fittrackee = await FitTrackeeClientAsync(fittrackeeEmulator, clock, fittrackeeEmulator.CreateHandler());
        var engine = new SyncEngine(new GarminActivitySource(garmin), new FitTrackeeActivitySink(fittrackee, new FitTrackeeSinkOptions { SkipDuplicates = false }), clock);
        var options = new SyncOptions { StateDirectory = temp.Sub("state") };

        var first = await engine.RunAsync(options);

        Assert.Multiple(() =>
        {
            Assert.That(first.Failed, Is.Empty, string.Join("\n", first.Failed.Select(f => $"{f.Activity.Id} {f.Activity.Sport} {f.Stage}: {f.Message}")));
            Assert.That(first.Uploaded, Is.Not.Empty);
            Assert.That(first.Uploaded.Count + first.SkippedUnmapped.Count, Is.EqualTo(first.Listed));
            Assert.That(fittrackeeEmulator.Workouts, Has.Count.EqualTo(first.Uploaded.Count));
            Assert.That(first.Uploaded.Select(u => u.Format), Does.Contain("fit").And.Contain(SyncEngine.ManualFormat));
        });
        foreach (var uploaded in first.Uploaded)
        {
            var workout = fittrackeeEmulator.FindWorkout(uploaded.TargetId)!;
            Assert.That(workout.Notes, Does.StartWith(FitTrackeeSinkOptions.SourceMarker("garmin", uploaded.Activity.Id)));
            Assert.That(fittrackeeEmulator.Sports.Single(s => s.Id == workout.SportId).Label, Is.EqualTo(uploaded.Sport));
            Assert.That(workout.OriginalFileExtension, Is.EqualTo(uploaded.Format == SyncEngine.ManualFormat ? null : uploaded.Format));
        }

        var second = await engine.RunAsync(options);
        Assert.That(second.Uploaded, Is.Empty);
        Assert.That(second.Duplicates, Is.Empty);

        // The record is lost (a crash before it was ever saved, or a deleted state folder): every workout is found again.
        File.Delete(first.RecordPath);
        var rebuilt = await engine.RunAsync(options);

        Assert.That(rebuilt.Uploaded, Is.Empty);
        Assert.That(rebuilt.Duplicates.Select(d => (d.Activity.Id, d.TargetId)), Is.EquivalentTo(first.Uploaded.Select(u => (u.Activity.Id, u.TargetId))));
        Assert.That(fittrackeeEmulator.Workouts, Has.Count.EqualTo(first.Uploaded.Count));
    }

    [Test]
    public async Task Strava_into_FitTrackee_with_a_response_lost_after_the_upload_ends_with_each_activity_exactly_once()
    {
        using var temp = new TempFolder();
        var clock = new FakeTimeProvider(Now);
        var stravaEmulator = new StravaEmulator(clock, new StravaEmulatorOptions { ActivityCount = 20, Seed = 11 });
        using var strava = await StravaClientAsync(stravaEmulator, clock);
        // The emulator's longest 1 Hz rides are over FitTrackee's default 1 MiB even as GPX (the size rule has its own tests).
        var fittrackeeEmulator = new FitTrackeeEmulator(clock, new FitTrackeeEmulatorOptions { WorkoutCount = 0, MaxSingleFileSize = 4 << 20 });
        using var losing = new LoseResponseHandler(fittrackeeEmulator.CreateHandler()) { LoseUploadNumber = 3 };
        using var fittrackee = await FitTrackeeClientAsync(fittrackeeEmulator, clock, losing);
        var engine = new SyncEngine(new StravaActivitySource(strava), new FitTrackeeActivitySink(fittrackee, new FitTrackeeSinkOptions { SkipDuplicates = false }), clock);
        var options = new SyncOptions { StateDirectory = temp.Sub("state") };

        var first = await engine.RunAsync(options);

        Assert.That(first.Failed, Has.Count.EqualTo(1), string.Join("\n", first.Failed.Select(f => $"{f.Activity.Id} {f.Activity.Sport} {f.Stage}: {f.Message}")));
        Assert.That(first.Failed[0].Stage, Is.EqualTo(SyncStage.Uploading));
        Assert.That(fittrackeeEmulator.Workouts, Has.Count.EqualTo(first.Uploaded.Count + 1), "the server kept the upload whose response was lost");
        Assert.That(first.Uploaded.Select(u => u.Format), Is.All.AnyOf("tcx", "gpx", SyncEngine.ManualFormat));

        var second = await engine.RunAsync(options);

        Assert.That(second.Failed, Is.Empty);
        Assert.That(second.Uploaded, Is.Empty);
        Assert.That(second.Duplicates.Select(d => d.Activity.Id), Is.EqualTo(new[] { first.Failed[0].Activity.Id }));
        Assert.That(fittrackeeEmulator.Workouts, Has.Count.EqualTo(first.Uploaded.Count + 1));
        var mapped = first.Uploaded.Count + 1;
        Assert.That(mapped + first.SkippedUnmapped.Count, Is.EqualTo(first.Listed));
        Assert.That(fittrackeeEmulator.Workouts.Select(w => w.Notes).Distinct().Count(), Is.EqualTo(mapped), "no workout twice");
    }

    private static async Task<GarminConnectClient> GarminClientAsync(GarminConnectEmulator emulator, FakeTimeProvider clock)
    {
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
        return GarminConnectClient.Create(new GarminConnectClientOptions
        {
            TokenStore = store,
            TokenKey = "garmin",
            TimeProvider = clock,
            PrimaryHandler = emulator.CreateHandler(),
            RateLimitPolicy = Generous(clock),
        });
    }

    private static async Task<StravaClient> StravaClientAsync(StravaEmulator emulator, FakeTimeProvider clock)
    {
        var issued = emulator.IssueTokens(["read", "activity:read_all"]);
        var store = new InMemoryTokenStore();
        await store.SaveAsync("strava", new OAuthToken
        {
            AccessToken = issued.AccessToken,
            RefreshToken = issued.RefreshToken,
            ExpiresAt = issued.ExpiresAt,
            Scopes = [.. issued.Scopes],
        });
        var options = new StravaClientOptions
        {
            ClientId = emulator.RegisteredClientId,
            ClientSecret = emulator.RegisteredClientSecret,
            TokenStore = store,
            TokenKey = "strava",
            PrimaryHandler = emulator.CreateHandler(),
            TimeProvider = clock,
            RateLimitPolicy = Generous(clock),
        };
        options.Resilience.Enabled = false;
        return StravaClient.Create(options);
    }

    private static async Task<FitTrackeeClient> FitTrackeeClientAsync(FitTrackeeEmulator emulator, FakeTimeProvider clock, HttpMessageHandler handler)
    {
        var issued = emulator.IssueTokens();
        var store = new InMemoryTokenStore();
        await store.SaveAsync("fittrackee", new OAuthToken
        {
            AccessToken = issued.AccessToken,
            RefreshToken = issued.RefreshToken,
            ExpiresAt = issued.ExpiresAt,
            Scopes = [.. issued.Scopes],
        });
        var options = new FitTrackeeClientOptions
        {
            BaseAddress = emulator.DefaultBaseAddress,
            ClientId = emulator.RegisteredClientId,
            ClientSecret = emulator.RegisteredClientSecret,
            TokenStore = store,
            TokenKey = "fittrackee",
            PrimaryHandler = handler,
            TimeProvider = clock,
            RateLimitPolicy = Generous(clock),
        };
        options.Resilience.Enabled = false;
        return FitTrackeeClient.Create(options);
    }

    private static TokenBucketRateLimitPolicy Generous(TimeProvider clock) =>
        new(capacity: 100_000, tokensPerPeriod: 100_000, period: TimeSpan.FromSeconds(1), clock);

    /// <summary>Lets the n-th upload reach the server, then loses its response (the connection drops on the way back).</summary>
    private sealed class LoseResponseHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _uploads;

        public int LoseUploadNumber { get; init; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.StartsWith("/api/workouts", StringComparison.Ordinal)
                && Interlocked.Increment(ref _uploads) == LoseUploadNumber)
            {
                response.Dispose();
                throw new HttpRequestException("The response ended prematurely (connection reset).");
            }

            return response;
        }
    }
}

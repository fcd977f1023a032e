using FitnessClients.Backup.Sync;
using FitnessClients.Backup.Tests.Support;

namespace FitnessClients.Backup.Tests.Sync;

/// <summary>Garmin Connect as its emulator serves it, synced into an in-memory FitTrackee-like sink.</summary>
public class GarminEmulatorSyncTests
{
    [Test]
    public async Task Syncs_a_Garmin_account_with_real_files_maps_its_types_and_a_rerun_costs_one_listing_request()
    {
        using var h = await GarminBackupHarness.CreateAsync(40);
        using var folder = new TempFolder();
        var sink = new InMemoryActivitySink();
        var engine = new SyncEngine(h.Source, sink, h.Clock);

        var first = await engine.RunAsync(new SyncOptions { StateDirectory = folder.Path });

        Assert.Multiple(() =>
        {
            Assert.That(first.Failed, Is.Empty, string.Join("; ", first.Failed.Select(f => $"{f.Activity.Id} {f.Stage} {f.Message}")));
            Assert.That(first.Listed, Is.GreaterThan(30));
            Assert.That(first.Uploaded.Count + first.SkippedUnmapped.Count, Is.EqualTo(first.Listed));
            Assert.That(first.Uploaded, Is.Not.Empty);
            Assert.That(sink.Workouts, Has.Count.EqualTo(first.Uploaded.Count));
            Assert.That(first.Uploaded.Select(u => u.Sport).Distinct(), Is.SubsetOf(SportMapping.FitTrackeeSports));
            Assert.That(first.SkippedUnmapped.Select(s => s.SourceType), Has.None.Matches<string?>(t => SportMapping.Default.Resolve("garmin", t) is not null));
        });

        foreach (var uploaded in first.Uploaded)
        {
            var workout = sink.Workouts.Single(w => w.SourceId == uploaded.Activity.Id);
            Assert.That(workout.Sport, Is.EqualTo(SportMapping.Default.Resolve("garmin", uploaded.Activity.Sport)), uploaded.Activity.Id);
            if (!uploaded.Activity.HasGpsTrack)
            {
                Assert.That(uploaded.Format, Is.EqualTo(SyncEngine.ManualFormat), uploaded.Activity.Id);
                Assert.That(workout.Content, Is.Null);
            }
            else if (uploaded.Format == "fit")
            {
                Assert.That(System.Text.Encoding.ASCII.GetString(workout.Content!, 8, 4), Is.EqualTo(".FIT"), $"{uploaded.Activity.Id}: a real FIT file");
            }
            else
            {
                Assert.That(uploaded.Format, Is.AnyOf("gpx", "tcx"), uploaded.Activity.Id);
                Assert.That(System.Text.Encoding.UTF8.GetString(workout.Content!), Does.Contain("<" + (uploaded.Format == "gpx" ? "gpx" : "TrainingCenterDatabase")));
            }
        }

        Assert.That(first.Uploaded.Select(u => u.Format), Does.Contain("fit"));
        Assert.That(first.Uploaded.Select(u => u.Format), Does.Contain(SyncEngine.ManualFormat));

        h.Emulator.Requests.Clear();
        var second = await engine.RunAsync(new SyncOptions { StateDirectory = folder.Path });

        Assert.That(second.Uploaded, Is.Empty);
        Assert.That(sink.Workouts, Has.Count.EqualTo(first.Uploaded.Count));
        Assert.That(h.Emulator.Requests.Count(), Is.EqualTo(1), "one listing page, stopped at the high-water mark");
    }
}

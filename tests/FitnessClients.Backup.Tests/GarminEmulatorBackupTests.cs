using FitnessClients.Backup.Tests.Support;
using FitnessClients.Core.Activities;

namespace FitnessClients.Backup.Tests;

/// <summary>The engine against Garmin Connect as the emulator serves it, requests counted on the emulator's log.</summary>
public class GarminEmulatorBackupTests
{
    private static BackupOptions Options(TempFolder folder, GarminBackupHarness h) => new()
    {
        BackupDirectory = folder.Path,
        Formats = [ActivityFormat.Original, ActivityFormat.Gpx],
        RequestCounter = () => h.Emulator.Requests.Count(),
        Layout = new BackupLayout { SubfolderTemplate = "{YYYY}/{MM}" },
    };

    [Test]
    public async Task Backs_up_then_costs_one_listing_request_when_nothing_is_new_then_picks_up_a_new_activity()
    {
        using var h = await GarminBackupHarness.CreateAsync();
        using var folder = new TempFolder();
        var engine = new BackupEngine(h.Source, h.Clock);

        var first = await engine.RunAsync(Options(folder, h));
        var filesAfterFirst = folder.Snapshot();
        h.Emulator.Requests.Clear();
        var second = await engine.RunAsync(Options(folder, h));
        var requestsOfSecond = h.Emulator.Requests.Snapshot();
        var added = h.Emulator.AddActivity(new DateTimeOffset(2026, 6, 30, 18, 0, 0, TimeSpan.FromHours(2)), "cycling", "Evening ride");
        var third = await engine.RunAsync(Options(folder, h));

        Assert.Multiple(() =>
        {
            Assert.That(first.Listed, Is.EqualTo(h.Emulator.ListedActivities.Count - 1));
            Assert.That(first.Downloaded + first.NotAvailable, Is.EqualTo(2 * first.Selected));
            Assert.That(first.Downloaded, Is.GreaterThan(first.Selected));
            Assert.That(first.Failed, Is.Zero, string.Join("; ", first.Errors));
            Assert.That(filesAfterFirst.Keys.Count(k => k.EndsWith(".gpx", StringComparison.Ordinal)), Is.GreaterThan(0));
            Assert.That(filesAfterFirst.Keys.Where(k => k != BackupEngine.CsvFileName), Has.All.Match(@"^\d{4}/\d{2}/\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z_\d+\.(gpx|original\.zip|original\.fit|original\.gpx|original\.tcx)$"));
            Assert.That(requestsOfSecond, Has.Count.EqualTo(1), string.Join("\n", requestsOfSecond.Select(r => r.Path)));
            Assert.That(requestsOfSecond[0].Path, Does.Contain("activitylist-service/activities/search/activities"));
            Assert.That(second.RequestsMade, Is.EqualTo(1));
            Assert.That(second.Downloaded, Is.Zero);
            Assert.That(third.Selected, Is.EqualTo(1));
            Assert.That(third.Downloaded, Is.EqualTo(2));
            Assert.That(Directory.GetFiles(folder["2026/06"], $"*_{added.Id}.gpx"), Has.Length.EqualTo(1));
        });
    }
}

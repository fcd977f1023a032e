using System.Runtime.CompilerServices;
using System.Text;
using FitnessClients.Backup.Tests.Support;
using FitnessClients.Core.Activities;
using FitnessClients.Testing;

namespace FitnessClients.Backup.Tests;

/// <summary>Formats that are several files (photos) or a file shared by many activities (gear).</summary>
public class MultiFileFormatTests
{
    private static readonly ActivityFormat Photos = new("photos", null);
    private static readonly ActivityFormat Gear = new("gear", null);

    [Test]
    public async Task Own_files_go_next_to_the_activity_shared_files_once_under_the_root_and_a_rerun_skips_both()
    {
        using var folder = new TempFolder();
        var source = new MultiFileSource();
        var engine = new BackupEngine(source, new FakeTimeProvider(FakeTimeDefaults.Start));
        var options = new BackupOptions { BackupDirectory = folder.Path, Formats = [Photos, Gear], MaxConcurrency = 1 };

        var first = await engine.RunAsync(options);

        var files = folder.Snapshot().Keys.ToList();
        Assert.That(files, Is.EquivalentTo(new[]
        {
            "2025-01-01T07-00-00Z_1.photo-a.jpg", "2025-01-01T07-00-00Z_1.photo-b.jpg", "2025-01-02T07-00-00Z_2.photo-a.jpg",
            "gear/b1.json", "activities.csv",
        }));
        Assert.That(first.Downloaded, Is.EqualTo(5), "three photos and the gear file twice (once per activity)");
        Assert.That(first.NotAvailable, Is.EqualTo(0));
        var manifest = await File.ReadAllTextAsync(folder[BackupEngine.ManifestFileName]);
        Assert.That(manifest, Does.Contain("\"parts\"").And.Contain("gear/b1.json"));

        var opened = source.Opened;
        var again = await engine.RunAsync(options with { FullScan = true });
        Assert.That(again.Downloaded, Is.Zero);
        Assert.That(source.Opened, Is.EqualTo(opened), "complete multi-file formats are not opened again");

        File.Delete(folder["2025-01-01T07-00-00Z_1.photo-b.jpg"]);
        var repaired = await engine.RunAsync(options with { FullScan = true });
        Assert.That(repaired.Downloaded, Is.EqualTo(2), "a missing part makes the format incomplete: both photos of that activity again");
        Assert.That(File.Exists(folder["2025-01-01T07-00-00Z_1.photo-b.jpg"]), Is.True);
    }

    [Test]
    public void A_file_name_that_climbs_out_of_the_backup_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ActivityContentFile("../evil.json", new MemoryStream(), isShared: true));
        Assert.Throws<ArgumentException>(() => new ActivityContentFile("/etc/passwd", new MemoryStream(), isShared: true));
        Assert.Throws<ArgumentException>(() => new ActivityContentFile("sub/own.jpg", new MemoryStream()));
        Assert.Throws<ArgumentException>(() => ActivityContent.FromFiles([]));
    }

    private sealed class MultiFileSource : IActivitySource
    {
        private int _opened;

        public int Opened => _opened;

        public string Service => "multi";

        public IReadOnlyList<ActivityFormat> SupportedFormats => [Photos, Gear];

        public async IAsyncEnumerable<ActivitySummary> ListActivitiesAsync(ActivityListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield return Activity(2);
            yield return Activity(1);
        }

        public Task<ActivityContent> OpenAsync(ActivitySummary activity, ActivityFormat format, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _opened);
            if (format.Equals(Gear))
            {
                return Task.FromResult(ActivityContent.FromFiles([new ActivityContentFile("gear/b1.json", Text("{\"id\":\"b1\"}"), isShared: true)]));
            }

            List<ActivityContentFile> photos = activity.Id == "1"
                ? [new("photo-a.jpg", Text("a1")), new("photo-b.jpg", Text("b1"))]
                : [new("photo-a.jpg", Text("a2"))];
            return Task.FromResult(ActivityContent.FromFiles(photos));
        }

        private static ActivitySummary Activity(int day) => new()
        {
            Service = "multi",
            Id = day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StartTime = new DateTimeOffset(2025, 1, day, 7, 0, 0, TimeSpan.Zero),
        };

        private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));
    }
}

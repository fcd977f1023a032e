using System.Runtime.CompilerServices;
using System.Text;
using FitnessClients.Backup.Storage;
using FitnessClients.Backup.Tests.Support;
using FitnessClients.Core.Activities;
using FitnessClients.Testing;

namespace FitnessClients.Backup.Tests;

/// <summary>Every path the engine writes lies under the backup root, whatever names a source sends.</summary>
public class PathContainmentTests
{
    private static readonly ActivityFormat Files = new("files", null);

    [Test]
    public async Task A_hostile_source_cannot_write_outside_the_backup_folder_and_the_run_goes_on()
    {
        using var parent = new TempFolder();
        var root = parent["backup"];
        var outside = parent["outside"];
        Directory.CreateDirectory(outside);
        var longPath = string.Join('/', Enumerable.Range(0, 15).Select(i => new string((char)('a' + i), 90))) + "/deep.json";
        var source = new HostileSource(new()
        {
            // "_" sanitises to nothing, which left a rooted "/…/outside/…" that Path.Combine let win.
            ["1"] = [("_" + Path.Combine(outside, "rooted.json"), true)],
            ["2"] = [("...." + Path.Combine(outside, "dots.json"), true)],
            ["3"] = [(". .", false)],
            ["4"] = [(". ." + Path.Combine(outside, "space.json"), true)],
            ["5"] = [(longPath, true)],
            ["6"] = [("C:/drive.json", true), ("ok.jpg", false)],
            ["7"] = [("gear/fine.json", true), ("_" + Path.Combine(outside, "sibling.json"), true)],
        });

        var result = await new BackupEngine(source, new FakeTimeProvider(FakeTimeDefaults.Start)).RunAsync(
            new BackupOptions { BackupDirectory = root, Formats = [Files], MaxConcurrency = 1 });

        Assert.Multiple(() =>
        {
            Assert.That(Directory.EnumerateFileSystemEntries(outside), Is.Empty, "nothing was written outside the backup folder");
            Assert.That(Directory.EnumerateFileSystemEntries(parent.Path).Select(Path.GetFileName), Is.EquivalentTo(new[] { "backup", "outside" }));
            Assert.That(result.Errors.Select(e => (e.ActivityId, e.ErrorType)), Is.EquivalentTo(new[]
            {
                ("1", nameof(UnsafeBackupPathException)),
                ("2", nameof(UnsafeBackupPathException)),
                ("3", nameof(UnsafeBackupPathException)),
                ("4", nameof(UnsafeBackupPathException)),
                ("5", nameof(UnsafeBackupPathException)),
                ("7", nameof(UnsafeBackupPathException)),
            }));
            Assert.That(result.Errors.Select(e => e.Message), Has.All.Contain("would not stay inside the backup folder"));

            // The drive letter is rewritten into a plain folder name; activity 7's good file waits for its refused sibling.
            Assert.That(File.ReadAllText(Path.Combine(root, "C", "drive.json")), Is.EqualTo("6"));
            Assert.That(File.Exists(Path.Combine(root, "2025-01-06T07-00-00Z_6.ok.jpg")), Is.True);
            Assert.That(File.Exists(Path.Combine(root, "gear", "fine.json")), Is.False);
        });
    }

    [TestCase("")]
    [TestCase("/etc/passwd")]
    [TestCase("a//b")]
    [TestCase("a/../../b")]
    [TestCase("./a")]
    [TestCase("a/..")]
    public void Resolve_refuses_paths_that_are_empty_rooted_or_climb(string relative)
    {
        using var folder = new TempFolder();
        Assert.Throws<UnsafeBackupPathException>(() => BackupPaths.Resolve(folder.Path, relative));
    }

    [Test]
    public void Resolve_refuses_names_longer_than_file_systems_allow_and_accepts_ordinary_paths()
    {
        using var folder = new TempFolder();
        Assert.Throws<UnsafeBackupPathException>(() => BackupPaths.Resolve(folder.Path, new string('é', 128) + ".json"));
        Assert.Throws<UnsafeBackupPathException>(() => BackupPaths.Resolve(folder.Path, string.Join('/', Enumerable.Repeat(new string('a', 200), 6))));
        Assert.That(BackupPaths.Resolve(folder.Path, "gear/b1.json"), Is.EqualTo(Path.Combine(folder.Path, "gear", "b1.json")));
    }

    /// <summary>Serves, for each activity id, files with the given names (shared or the activity's own).</summary>
    private sealed class HostileSource(Dictionary<string, (string Name, bool Shared)[]> files) : IActivitySource
    {
        public string Service => "hostile";

        public IReadOnlyList<ActivityFormat> SupportedFormats => [Files];

        public async IAsyncEnumerable<ActivitySummary> ListActivitiesAsync(ActivityListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            foreach (var id in files.Keys.OrderDescending(StringComparer.Ordinal))
            {
                yield return new ActivitySummary
                {
                    Service = Service,
                    Id = id,
                    StartTime = new DateTimeOffset(2025, 1, int.Parse(id, System.Globalization.CultureInfo.InvariantCulture), 7, 0, 0, TimeSpan.Zero),
                };
            }
        }

        public Task<ActivityContent> OpenAsync(ActivitySummary activity, ActivityFormat format, CancellationToken cancellationToken = default) =>
            Task.FromResult(ActivityContent.FromFiles(
                [.. files[activity.Id].Select(f => new ActivityContentFile(f.Name, new MemoryStream(Encoding.UTF8.GetBytes(activity.Id)), isShared: f.Shared))]));
    }
}

using FitnessClients.Backup.Storage;
using FitnessClients.Backup.Tests.Support;
using FitnessClients.Core.Activities;
using Microsoft.Extensions.Logging.Abstractions;

namespace FitnessClients.Backup.Tests.Sync;

/// <summary>The same folder lock around backups: two backups of one folder at once used to corrupt each other's files.</summary>
public class BackupLockTests
{
    private static FakeActivitySource Seeded()
    {
        var source = new FakeActivitySource();
        for (var i = 1; i <= 6; i++)
        {
            source.Add(500 + i, new DateTimeOffset(2025, 2, i, 9, 0, 0, TimeSpan.Zero));
        }

        return source;
    }

    private static List<string> Listing(TempFolder folder) =>
        [.. Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories)
            .Select(f => $"{Path.GetFileName(f)}:{new FileInfo(f).Length}:{File.GetLastWriteTimeUtc(f).Ticks}")
            .Order(StringComparer.Ordinal)];

    private static BackupOptions Options(TempFolder folder) => new() { BackupDirectory = folder.Path, Formats = [ActivityFormat.Gpx], MaxConcurrency = 1 };

    [Test]
    public async Task A_backup_into_a_folder_another_backup_is_using_is_refused_and_touches_nothing()
    {
        using var folder = new TempFolder();
        var source = Seeded();
        FolderLockedException? refused = null;
        List<string>? before = null;
        List<string>? after = null;
        source.BeforeOpen = (activity, _) =>
        {
            if (activity.Id == "503")
            {
                // (The lock file itself cannot even be read while it is held.)
                before = Listing(folder);
                refused = Assert.ThrowsAsync<FolderLockedException>(() => new BackupEngine(Seeded()).RunAsync(Options(folder)));
                after = Listing(folder);
            }
        };

        var result = await new BackupEngine(source).RunAsync(Options(folder));

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Downloaded, Is.EqualTo(6));
        Assert.That(refused, Is.Not.Null);
        Assert.That(after, Is.EqualTo(before), "the refused run created, changed or removed nothing");
        Assert.That(before!.Select(e => e.Split(':')[0]), Does.Contain(".fitness.lock").And.Contain(".fitness.lock.json"));
        Assert.That(refused!.HolderPurpose, Is.EqualTo("backup of fake"));
        Assert.That(refused.HolderProcessId, Is.EqualTo(Environment.ProcessId));
        Assert.That(folder.Snapshot().Keys.Where(k => k.StartsWith(".fitness.lock", StringComparison.Ordinal)), Is.Empty, "the lock is gone after the run");
    }

    [Test]
    public void A_refused_backup_does_not_remove_the_running_backup_s_temporary_files()
    {
        using var folder = new TempFolder();
        using var held = FolderLock.Acquire(folder.Path, "sync garmin to fittrackee", TimeProvider.System, NullLogger.Instance);
        var inFlight = folder[".2025-02-01T09-00-00Z_501.gpx.0badc0de.partial"];
        File.WriteAllText(inFlight, "half a file being written by the other run");

        var refused = Assert.ThrowsAsync<FolderLockedException>(() => new BackupEngine(Seeded()).RunAsync(Options(folder)));

        Assert.That(refused!.Message, Does.Contain("sync garmin to fittrackee"));
        Assert.That(File.Exists(inFlight), Is.True);
        Assert.That(File.Exists(folder[BackupEngine.ManifestFileName]), Is.False);
    }

    [Test]
    public async Task A_backup_takes_over_a_lock_left_by_a_killed_run()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder[FolderLock.LockFileName], []);
        File.WriteAllText(folder[FolderLock.InfoFileName], "{\"lockId\":\"x\",\"processId\":2147483000,\"host\":\"" + Environment.MachineName + "\",\"startedAt\":\"2025-01-01T00:00:00+00:00\",\"heartbeatAt\":\"2025-01-01T00:00:00+00:00\",\"purpose\":\"backup of fake\"}");

        var result = await new BackupEngine(Seeded()).RunAsync(Options(folder));

        Assert.That(result.Downloaded, Is.EqualTo(6));
        Assert.That(File.Exists(folder[FolderLock.InfoFileName]), Is.False);
        Assert.That(File.Exists(folder[FolderLock.LockFileName]), Is.False);
    }
}

using FitnessClients.Backup.Storage;
using FitnessClients.Backup.Tests.Support;
using FitnessClients.Core.Activities;

namespace FitnessClients.Backup.Tests;

/// <summary>No write or delete passes through a symbolic link out of the backup folder (real links in temp folders).</summary>
public class SymlinkTests
{
    [Test]
    public async Task Leftover_cleanup_does_not_enter_a_symlinked_folder()
    {
        using var parent = new TempFolder();
        var (root, outside) = Folders(parent);
        var foreign = Path.Combine(outside, ".someone-else.gpx.0badc0de.partial");
        await File.WriteAllTextAsync(foreign, "not ours");
        var ours = Path.Combine(root, ".2025-03-01T07-00-00Z_1.gpx.12345678.partial");
        await File.WriteAllTextAsync(ours, "ours");
        Directory.CreateSymbolicLink(Path.Combine(root, "linked"), outside);

        Assert.That(AtomicFile.RemoveLeftovers(root), Is.EqualTo(1));
        Assert.That(File.Exists(foreign), Is.True, "the .partial file outside the backup is not deleted");
        Assert.That(File.Exists(ours), Is.False);
    }

    [Test]
    public async Task A_symlinked_subfolder_leading_outside_is_refused_and_the_run_goes_on()
    {
        using var parent = new TempFolder();
        var (root, outside) = Folders(parent);
        Directory.CreateSymbolicLink(Path.Combine(root, "2025"), outside);
        var source = new FakeActivitySource();
        source.Add(1, new DateTimeOffset(2025, 3, 1, 7, 0, 0, TimeSpan.Zero));
        source.Add(2, new DateTimeOffset(2024, 3, 1, 7, 0, 0, TimeSpan.Zero));

        var result = await new BackupEngine(source).RunAsync(new BackupOptions
        {
            BackupDirectory = root, Formats = [ActivityFormat.Gpx], Layout = new BackupLayout { SubfolderTemplate = "{YYYY}" },
        });

        Assert.That(Directory.EnumerateFileSystemEntries(outside), Is.Empty);
        Assert.That(result.Errors.Select(e => (e.ActivityId, e.ErrorType)), Is.EqualTo(new[] { ("1", nameof(UnsafeBackupPathException)) }));
        Assert.That(result.Errors[0].Message, Does.Contain("symbolic link"));
        Assert.That(File.Exists(Path.Combine(root, "2024", "2024-03-01T07-00-00Z_2.gpx")), Is.True);
    }

    [Test]
    public async Task A_symlinked_subfolder_that_stays_inside_the_backup_is_used()
    {
        using var parent = new TempFolder();
        var (root, _) = Folders(parent);
        Directory.CreateDirectory(Path.Combine(root, "real"));
        Directory.CreateSymbolicLink(Path.Combine(root, "2025"), Path.Combine(root, "real"));
        var source = new FakeActivitySource();
        source.Add(1, new DateTimeOffset(2025, 3, 1, 7, 0, 0, TimeSpan.Zero));

        var result = await new BackupEngine(source).RunAsync(new BackupOptions
        {
            BackupDirectory = root, Formats = [ActivityFormat.Gpx], Layout = new BackupLayout { SubfolderTemplate = "{YYYY}" },
        });

        Assert.That(result.Errors, Is.Empty);
        Assert.That(File.Exists(Path.Combine(root, "real", "2025-03-01T07-00-00Z_1.gpx")), Is.True);
    }

    [Test]
    public async Task A_symlinked_file_in_the_backup_folder_is_replaced_not_written_through()
    {
        using var parent = new TempFolder();
        var (root, outside) = Folders(parent);
        var victim = Path.Combine(outside, "victim.txt");
        await File.WriteAllTextAsync(victim, "keep me");
        File.CreateSymbolicLink(Path.Combine(root, BackupEngine.CsvFileName), victim);
        var source = new FakeActivitySource();
        source.Add(1, new DateTimeOffset(2025, 3, 1, 7, 0, 0, TimeSpan.Zero));

        await new BackupEngine(source).RunAsync(new BackupOptions { BackupDirectory = root, Formats = [ActivityFormat.Gpx] });

        Assert.That(await File.ReadAllTextAsync(victim), Is.EqualTo("keep me"));
        Assert.That(new FileInfo(Path.Combine(root, BackupEngine.CsvFileName)).LinkTarget, Is.Null, "the link itself was replaced by the new CSV");
    }

    [Test]
    public async Task A_lock_file_that_is_a_symlink_is_removed_not_opened_through()
    {
        using var parent = new TempFolder();
        var (root, outside) = Folders(parent);
        var planted = Path.Combine(outside, "planted.lock");
        File.CreateSymbolicLink(Path.Combine(root, FolderLock.LockFileName), planted);
        var source = new FakeActivitySource();
        source.Add(1, new DateTimeOffset(2025, 3, 1, 7, 0, 0, TimeSpan.Zero));

        var result = await new BackupEngine(source).RunAsync(new BackupOptions { BackupDirectory = root, Formats = [ActivityFormat.Gpx] });

        Assert.That(result.Downloaded, Is.EqualTo(1));
        Assert.That(File.Exists(planted), Is.False, "the lock did not create the link's target outside the backup");
        Assert.That(Directory.EnumerateFileSystemEntries(outside), Is.Empty);
    }

    private static (string Root, string Outside) Folders(TempFolder parent)
    {
        var root = Directory.CreateDirectory(parent["backup"]).FullName;
        var outside = Directory.CreateDirectory(parent["outside"]).FullName;
        return (root, outside);
    }
}

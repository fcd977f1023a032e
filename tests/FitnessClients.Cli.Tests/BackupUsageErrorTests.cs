namespace FitnessClients.Cli.Tests;

/// <summary>Backup command lines that cannot work: refused with a message that says what is wrong, before any file is written.</summary>
public class BackupUsageErrorTests
{
    [TestCase("--start-date")]
    [TestCase("--end-date")]
    public async Task A_date_that_is_not_a_calendar_date_names_the_expected_form(string option)
    {
        using var temp = new TempFolder();
        var run = await CliRun.RunAsync(temp.Path, ["garmin", "backup", "--demo", "--backup-dir", temp.Sub("b"), option, "2024-13-45", "--config-dir", temp.Path]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadUsage), run.ToString());
        Assert.That(run.Error, Does.Contain("yyyy-MM-dd").And.Contain("2024-13-45"));
        Assert.That(run.Error, Does.Not.Contain("System.").And.Not.Contain("DateOnly"));
        Assert.That(Directory.Exists(temp.Sub("b")), Is.False);
    }

    [Test]
    public async Task Sync_dates_name_the_expected_form_too()
    {
        using var temp = new TempFolder();
        var run = await CliRun.RunAsync(temp.Path, ["sync", "--from", "garmin", "--to", "fittrackee", "--demo", "--since", "31/12/2024", "--config-dir", temp.Path]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadUsage), run.ToString());
        Assert.That(run.Error, Does.Contain("--since takes a date as yyyy-MM-dd").And.Not.Contain("System."));
    }

    [Test]
    public async Task A_backup_dir_that_is_a_file_is_bad_usage_and_says_so()
    {
        using var temp = new TempFolder();
        var file = temp.Sub("notes.txt");
        File.WriteAllText(file, "mine");

        var run = await CliRun.RunAsync(temp.Path, ["garmin", "backup", "--demo", "--backup-dir", file, "--count", "1", "--config-dir", temp.Path]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadUsage), run.ToString());
        Assert.That(run.Error, Does.Contain("is a file, not a folder").And.Not.Contain("already exists"));
        Assert.That(File.ReadAllText(file), Is.EqualTo("mine"));
    }

    [Test]
    public async Task A_reversed_date_range_is_refused_before_anything_is_written()
    {
        using var temp = new TempFolder();
        var run = await CliRun.RunAsync(temp.Path, ["garmin", "backup", "--demo", "--backup-dir", temp.Sub("b"), "--start-date", "2024-06-01", "--end-date", "2024-05-01", "--config-dir", temp.Path]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadUsage), run.ToString());
        Assert.That(run.Error, Does.Contain("--start-date 2024-06-01 is after --end-date 2024-05-01"));
        Assert.That(Directory.Exists(temp.Sub("b")), Is.False);
    }

    [Test]
    public async Task The_same_day_as_start_and_end_is_a_valid_range()
    {
        using var temp = new TempFolder();
        var run = await CliRun.RunAsync(temp.Path, ["garmin", "backup", "--demo", "--backup-dir", temp.Sub("b"), "--start-date", "2024-05-01", "--end-date", "2024-05-01", "--no-csv", "--config-dir", temp.Path]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
    }

    [TestCase("garmin")]
    [TestCase("strava")]
    public async Task A_failed_sign_in_creates_nothing_in_the_backup_folder(string service)
    {
        using var temp = new TempFolder();
        var folder = temp.Sub("b");
        var existing = temp.Sub("existing");
        Directory.CreateDirectory(existing);
        // Strava's app credentials are there, so that only the missing token stops the run.
        File.WriteAllText(temp.Sub("config.json"), """{"strava":{"clientId":"1","clientSecret":"s"}}""");

        var missing = await CliRun.RunAsync(temp.Path, [service, "backup", "--backup-dir", folder, "--config-dir", temp.Path]);
        var empty = await CliRun.RunAsync(temp.Path, [service, "backup", "--backup-dir", existing, "--config-dir", temp.Path]);

        Assert.That(missing.ExitCode, Is.EqualTo(ExitCodes.AuthenticationRequired), missing.ToString());
        Assert.That(empty.ExitCode, Is.EqualTo(missing.ExitCode), empty.ToString());
        Assert.That(Directory.Exists(folder), Is.False, missing.ToString());
        Assert.That(Directory.GetFileSystemEntries(existing), Is.Empty, empty.ToString());
    }
}

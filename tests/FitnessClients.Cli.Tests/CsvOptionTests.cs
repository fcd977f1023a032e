namespace FitnessClients.Cli.Tests;

/// <summary><c>--csv-template</c> and <c>--no-csv</c> on <c>garmin backup</c>.</summary>
public class CsvOptionTests
{
    private static async Task<(CliRun Run, string Folder)> BackupAsync(TempFolder temp, params string[] extra)
    {
        var folder = temp.Sub("backup");
        var run = await CliRun.RunAsync(temp.Path, ["garmin", "backup", "--demo", "--backup-dir", folder, "--count", "4", "--format", "json", "--config-dir", temp.Path, "--json", .. extra]);
        return (run, folder);
    }

    private static string[] CsvLines(string folder) => File.ReadAllLines(Path.Combine(folder, "activities.csv"));

    [Test]
    public async Task By_default_activities_csv_has_the_default_columns_and_one_row_per_activity()
    {
        using var temp = new TempFolder();
        var (run, folder) = await BackupAsync(temp);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var lines = CsvLines(folder);
        Assert.That(lines[0], Does.StartWith("\"Start Time\",\"End Time\",\"Activity ID\""));
        Assert.That(lines[0], Does.Not.Contain("Activity Type Key"));
        Assert.That(lines, Has.Length.EqualTo(5));
    }

    [Test]
    public async Task Csv_template_all_adds_the_extra_columns()
    {
        using var temp = new TempFolder();
        var (run, folder) = await BackupAsync(temp, "--csv-template", "all");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var header = CsvLines(folder)[0];
        Assert.That(header, Does.StartWith("\"Start Time\"").And.Contain("\"Activity Type Key\"").And.Contain("\"Event Type Key\""));
    }

    [Test]
    public async Task Csv_template_path_gives_exactly_the_template_columns()
    {
        using var temp = new TempFolder();
        var template = temp.Sub("my-columns.properties");
        File.WriteAllText(template, "# mine\nid=ID\nactivityName=What\n");

        var (run, folder) = await BackupAsync(temp, "--csv-template", template);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var lines = CsvLines(folder);
        Assert.That(lines[0], Is.EqualTo("\"ID\",\"What\""));
        Assert.That(lines, Has.Length.EqualTo(5));
        Assert.That(lines.Skip(1).Select(l => l.Split(',')[0].Trim('"')), Is.All.Matches<string>(id => long.TryParse(id, out _)));
    }

    [Test]
    public async Task No_csv_writes_no_activities_csv_but_still_backs_up()
    {
        using var temp = new TempFolder();
        var (run, folder) = await BackupAsync(temp, "--no-csv");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(File.Exists(Path.Combine(folder, "activities.csv")), Is.False);
        Assert.That(Directory.GetFiles(folder, "*.json").Count(f => !f.EndsWith("backup-manifest.json", StringComparison.Ordinal)), Is.EqualTo(4));
    }

    [Test]
    public async Task A_missing_or_malformed_template_and_conflicting_flags_are_bad_usage()
    {
        using var temp = new TempFolder();
        var missing = await CliRun.RunAsync(temp.Path, ["garmin", "backup", "--demo", "--backup-dir", temp.Sub("b"), "--csv-template", temp.Sub("nope.properties"), "--config-dir", temp.Path]);
        Assert.That(missing.ExitCode, Is.EqualTo(ExitCodes.BadUsage), missing.ToString());
        Assert.That(missing.Error, Does.Contain("--csv-template").And.Not.Contain("   at "));

        var malformed = temp.Sub("bad.properties");
        File.WriteAllText(malformed, "just a line without a separator\n");
        var bad = await CliRun.RunAsync(temp.Path, ["garmin", "backup", "--demo", "--backup-dir", temp.Sub("b"), "--csv-template", malformed, "--config-dir", temp.Path]);
        Assert.That(bad.ExitCode, Is.EqualTo(ExitCodes.BadUsage), bad.ToString());
        Assert.That(bad.Error, Does.Contain("not 'key=Title'"));

        var both = await CliRun.RunAsync(temp.Path, ["garmin", "backup", "--demo", "--backup-dir", temp.Sub("b"), "--csv-template", "all", "--no-csv", "--config-dir", temp.Path]);
        Assert.That(both.ExitCode, Is.EqualTo(ExitCodes.BadUsage), both.ToString());
        Assert.That(both.Error, Does.Contain("exclude each other"));
    }
}

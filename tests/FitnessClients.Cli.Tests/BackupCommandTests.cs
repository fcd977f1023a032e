using System.Text.Json;

namespace FitnessClients.Cli.Tests;

public class BackupCommandTests
{
    [Test]
    public async Task Demo_backup_writes_files_and_a_json_result_and_a_second_run_costs_one_request()
    {
        using var temp = new TempFolder();
        var backup = temp.Sub("backup");
        string[] args = ["garmin", "backup", "--demo", "--json", "--backup-dir", backup, "--format", "original,gpx", "--config-dir", temp.Path];

        var first = await CliRun.RunAsync(temp.Path, args);

        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Ok), first.ToString());
        using var firstJson = JsonDocument.Parse(first.Out);
        var result = firstJson.RootElement.GetProperty("result");
        Assert.That(result.GetProperty("listed").GetInt32(), Is.GreaterThanOrEqualTo(25));
        Assert.That(result.GetProperty("downloaded").GetInt32(), Is.GreaterThan(25));
        Assert.That(result.GetProperty("failed").GetInt32(), Is.Zero);
        var files = Directory.GetFiles(backup);
        Assert.That(files.Count(f => f.EndsWith(".gpx", StringComparison.Ordinal)), Is.GreaterThan(10));
        Assert.That(files.Count(f => f.EndsWith(".zip", StringComparison.Ordinal)), Is.GreaterThan(10));
        Assert.That(File.ReadAllText(Path.Combine(backup, "fitness.log")), Does.Contain("Backup done"));
        Assert.That(files.Where(f => f.EndsWith(".tmp", StringComparison.Ordinal)), Is.Empty);

        var second = await CliRun.RunAsync(temp.Path, args);

        Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.Ok), second.ToString());
        using var secondJson = JsonDocument.Parse(second.Out);
        var again = secondJson.RootElement.GetProperty("result");
        Assert.That(again.GetProperty("downloaded").GetInt32(), Is.Zero);
        Assert.That(again.GetProperty("requestsMade").GetInt64(), Is.EqualTo(1));
        Assert.That(Directory.GetFiles(backup), Has.Length.EqualTo(files.Length));
    }

    [Test]
    public async Task Backup_without_json_prints_a_summary_table()
    {
        using var temp = new TempFolder();
        var run = await CliRun.RunAsync(temp.Path, ["garmin", "backup", "--demo", "--backup-dir", temp.Sub("b"), "--count", "3", "--config-dir", temp.Path]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.Out, Does.Contain("Downloaded").And.Contain("Listed"));
    }

    [Test]
    public async Task Json_and_details_formats_are_named_summary_json_and_details_json_once()
    {
        using var temp = new TempFolder();
        var backup = temp.Sub("b");
        var run = await CliRun.RunAsync(temp.Path, ["garmin", "backup", "--demo", "--backup-dir", backup, "--count", "3", "--format", "json,details", "--no-csv", "--config-dir", temp.Path]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var names = Directory.GetFiles(backup).Select(Path.GetFileName).ToList();
        Assert.That(names.Count(n => n!.EndsWith(".summary.json", StringComparison.Ordinal)), Is.EqualTo(3), string.Join("\n", names));
        Assert.That(names.Count(n => n!.EndsWith(".details.json", StringComparison.Ordinal)), Is.EqualTo(3), string.Join("\n", names));
        Assert.That(names, Has.None.EndsWith(".json.json"));
    }

    [Test]
    public async Task An_unknown_format_is_bad_usage()
    {
        using var temp = new TempFolder();
        var run = await CliRun.RunAsync(temp.Path, ["garmin", "backup", "--demo", "--backup-dir", temp.Sub("b"), "--format", "mp3"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadUsage), run.ToString());
        Assert.That(run.Error, Does.Contain("unknown format 'mp3'"));
        Assert.That(run.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task Backup_without_a_token_or_demo_needs_authentication()
    {
        using var temp = new TempFolder();
        var run = await CliRun.RunAsync(temp.Path, ["garmin", "backup", "--backup-dir", temp.Sub("b")]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.AuthenticationRequired), run.ToString());
        Assert.That(run.Error, Does.Contain("fitness garmin login"));
        Assert.That(run.Error, Does.Not.Contain("   at "));
    }
}

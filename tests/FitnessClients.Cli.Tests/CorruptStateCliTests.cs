namespace FitnessClients.Cli.Tests;

/// <summary>
/// A damaged manifest or sync record is a data problem, not bad usage: exit 9 with one line naming the file and the
/// way out. Before, repeated or missing ids exited 2 with "Value cannot be null. (Parameter 'source')" and garbage
/// exited 1 with a raw JsonException.
/// </summary>
public class CorruptStateCliTests
{
    private const string Activity = """{ "id": "1001", "startTime": "2025-01-01T07:30:00-06:00", "formats": {} }""";

    [TestCase("null")]
    [TestCase("{\"activities\": [")]
    [TestCase($$"""{ "activities": [ {{Activity}}, {{Activity}} ] }""")]
    [TestCase("""{ "activities": [ { "id": null, "formats": {} } ] }""")]
    public async Task A_backup_over_a_damaged_manifest_exits_9_naming_the_file(string content)
    {
        using var temp = new TempFolder();
        var folder = temp.Sub("backup");
        Directory.CreateDirectory(folder);
        var manifest = Path.Combine(folder, "backup-manifest.json");
        await File.WriteAllTextAsync(manifest, content);

        var run = await CliRun.RunAsync(temp.Path, ["garmin", "backup", "--demo", "--backup-dir", folder, "--config-dir", temp.Path, "--format", "gpx"]);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.CorruptState), run.ToString());
            Assert.That(run.Error, Does.StartWith("error: ").And.Contain(manifest).And.Contain("run the backup again"), run.ToString());
            Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "one line, no stack trace");
            Assert.That(File.ReadAllText(manifest), Is.EqualTo(content));
        });
    }

    [TestCase("null")]
    [TestCase("""{ "activities": [ { "sourceId": null, "status": "uploaded" } ] }""")]
    public async Task A_sync_over_a_damaged_record_exits_9_naming_the_file(string content)
    {
        using var temp = new TempFolder();
        var state = temp.Sub("state");
        Directory.CreateDirectory(state);
        var record = Path.Combine(state, "sync-garmin-to-fittrackee.json");
        await File.WriteAllTextAsync(record, content);

        var run = await CliRun.RunAsync(temp.Path, ["sync", "--from", "garmin", "--to", "fittrackee", "--demo", "--config-dir", temp.Path, "--state-dir", state]);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.CorruptState), run.ToString());
            Assert.That(run.Error, Does.Contain(record).And.Contain("run the sync again"), run.ToString());
            Assert.That(File.ReadAllText(record), Is.EqualTo(content));
        });
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace FitnessClients.Cli.Tests;

/// <summary><c>fitness sync</c> with both ends emulated in-process (<c>--demo</c>).</summary>
public class SyncCommandTests
{
    private static string[] Sync(TempFolder temp, params string[] more) =>
        ["sync", "--to", "fittrackee", "--demo", "--config-dir", temp.Path, "--state-dir", temp.Sub("state"), .. more];

    [Test]
    public async Task A_demo_sync_from_Garmin_uploads_writes_the_record_and_a_second_run_finds_nothing_new()
    {
        using var temp = new TempFolder();

        var first = await CliRun.RunAsync(temp.Path, Sync(temp, "--from", "garmin", "--json"));

        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Ok), first.ToString());
        using var json = JsonDocument.Parse(first.Out);
        var root = json.RootElement;
        var uploaded = root.GetProperty("uploaded");
        Assert.That(root.GetProperty("listed").GetInt32(), Is.GreaterThanOrEqualTo(25));
        Assert.That(uploaded.GetArrayLength(), Is.GreaterThan(10));
        Assert.That(root.GetProperty("failed").GetArrayLength(), Is.Zero, first.Out);
        Assert.That(root.GetProperty("demo").GetBoolean(), Is.True);
        Assert.That(root.GetProperty("to").GetString(), Is.EqualTo("fittrackee (fittrackee.example.com)"));
        Assert.That(uploaded[0].GetProperty("targetId").GetString(), Has.Length.EqualTo(22), "a FitTrackee short id");
        Assert.That(uploaded.EnumerateArray().Select(u => u.GetProperty("format").GetString()), Does.Contain("fit"));
        Assert.That(File.Exists(Path.Combine(temp.Sub("state"), "sync-garmin-to-fittrackee.json")), Is.True);
        Assert.That(File.ReadAllText(Path.Combine(temp.Sub("state"), "fitness.log")), Does.Contain("Uploaded activity"));
        Assert.That(Directory.GetFiles(temp.Sub("state"), ".fitness.lock*"), Is.Empty);

        var second = await CliRun.RunAsync(temp.Path, Sync(temp, "--from", "garmin", "--json"));

        Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.Ok), second.ToString());
        using var again = JsonDocument.Parse(second.Out);
        Assert.That(again.RootElement.GetProperty("uploaded").GetArrayLength(), Is.Zero);
        Assert.That(again.RootElement.GetProperty("listed").GetInt32(), Is.EqualTo(1), "stopped at the high-water mark");
    }

    [Test]
    public async Task A_dry_run_lists_what_would_go_and_leaves_no_state_behind()
    {
        using var temp = new TempFolder();

        var run = await CliRun.RunAsync(temp.Path, Sync(temp, "--from", "garmin", "--dry-run", "--since", "2000-01-01"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.Out, Does.Contain("Sync (dry run)").And.Contain("Would upload").And.Contain("would upload "));
        Assert.That(run.Out, Does.Match(@"would upload \d{4}-\d{2}-\d{2} \d{2}:\d{2} [+-]\d{2}:\d{2} garmin \d+ \(\w+\) as [A-Za-z ()]+ \((fit|gpx|tcx|manual)\)"));
        Assert.That(Directory.Exists(temp.Sub("state")), Is.False);
    }

    [Test]
    public async Task Strava_and_a_Runkeeper_export_sync_in_demo_mode_and_unmapped_types_are_reported_with_the_override_to_add()
    {
        using var temp = new TempFolder();

        var strava = await CliRun.RunAsync(temp.Path, Sync(temp, "--from", "strava"));
        var runkeeper = await CliRun.RunAsync(temp.Path, Sync(temp, "--from", "runkeeper", "--export"));

        Assert.That(strava.ExitCode, Is.EqualTo(ExitCodes.Ok), strava.ToString());
        Assert.That(strava.Out, Does.Contain("Uploaded"));
        Assert.That(runkeeper.ExitCode, Is.EqualTo(ExitCodes.Ok), runkeeper.ToString());
        Assert.That(runkeeper.Out, Does.Contain("runkeeper (export)"));
        Assert.That(File.Exists(Path.Combine(temp.Sub("state"), "sync-strava-to-fittrackee.json")), Is.True);
        Assert.That(File.Exists(Path.Combine(temp.Sub("state"), "sync-runkeeper-to-fittrackee.json")), Is.True);
        var output = strava.Out + runkeeper.Out;
        if (output.Contains("(no sport mapping)", StringComparison.Ordinal))
        {
            Assert.That(output, Does.Match("skipped \\d+ activit(y|ies) of type .+ \\(no sport mapping\\): add --sport-map \".+=<FitTrackee sport>\""));
        }
    }

    [Test]
    public async Task A_sport_map_override_is_applied_and_a_malformed_one_is_bad_usage()
    {
        using var temp = new TempFolder();

        var bad = await CliRun.RunAsync(temp.Path, Sync(temp, "--from", "garmin", "--sport-map", "Running"));
        Assert.That(bad.ExitCode, Is.EqualTo(ExitCodes.BadUsage), bad.ToString());
        Assert.That(bad.Error, Does.Contain("TYPE=LABEL"));

        var run = await CliRun.RunAsync(temp.Path, Sync(temp, "--from", "garmin", "--json", "--sport-map", "running=Trail", "--sport-map", "cycling="));
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var uploaded = json.RootElement.GetProperty("uploaded").EnumerateArray().ToList();
        Assert.That(uploaded.Where(u => u.GetProperty("sourceType").GetString() == "running").Select(u => u.GetProperty("sport").GetString()), Is.All.EqualTo("Trail"));
        Assert.That(uploaded.Select(u => u.GetProperty("sourceType").GetString()), Does.Not.Contain("cycling"));
        Assert.That(json.RootElement.GetProperty("skippedUnmapped").EnumerateArray().Select(s => s.GetProperty("sourceType").GetString()), Does.Contain("cycling").Or.Empty);
    }

    [TestCase("--export", "x.zip", "--export is for --from runkeeper")]
    [TestCase("--limit", "0", "--limit must be at least 1")]
    [TestCase("--since", "2026-02-01", "--since is after --until")]
    public async Task Bad_usage_is_explained(string option, string value, string message)
    {
        using var temp = new TempFolder();
        string[] extra = option == "--since" ? [option, value, "--until", "2026-01-01"] : [option, value];

        var run = await CliRun.RunAsync(temp.Path, Sync(temp, ["--from", "garmin", .. extra]));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadUsage), run.ToString());
        Assert.That(run.Error, Does.Contain(message));
    }

    [Test]
    public async Task Only_known_services_are_accepted()
    {
        using var temp = new TempFolder();

        var run = await CliRun.RunAsync(temp.Path, ["sync", "--from", "polar", "--to", "fittrackee", "--demo"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadUsage), run.ToString());
        Assert.That(run.Error, Does.Contain("polar"));
    }

    [Test]
    public async Task A_sync_on_a_state_folder_another_process_holds_is_refused_with_that_process_s_details()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/usr/bin/flock"))
        {
            Assert.Ignore("needs flock(1), which takes the same lock .NET takes on Unix");
        }

        using var temp = new TempFolder();
        var state = temp.Sub("state");
        Directory.CreateDirectory(state);
        var start = new ProcessStartInfo("/usr/bin/flock") { UseShellExecute = false };
        foreach (var arg in new[] { "-o", Path.Combine(state, ".fitness.lock"), "sleep", "60" })
        {
            start.ArgumentList.Add(arg);
        }

        using var holder = Process.Start(start)!;
        try
        {
            var startedAt = new DateTimeOffset(holder.StartTime.ToUniversalTime());
            File.WriteAllText(Path.Combine(state, ".fitness.lock.json"), JsonSerializer.Serialize(new
            {
                lockId = "other",
                processId = holder.Id,
                host = Environment.MachineName,
                processStartedAt = startedAt,
                startedAt = new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero),
                heartbeatAt = new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero),
                purpose = "sync strava to fittrackee",
            }));
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!IsLocked(Path.Combine(state, ".fitness.lock")) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            var run = await CliRun.RunAsync(temp.Path, Sync(temp, "--from", "garmin"));

            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Busy), run.ToString());
            Assert.That(run.Error, Does.Contain($"in use by sync strava to fittrackee (process {holder.Id.ToString(CultureInfo.InvariantCulture)} on host '{Environment.MachineName}', started 2026-03-01 06:00:00Z)"));
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
            await holder.WaitForExitAsync();
        }

        var after = await CliRun.RunAsync(temp.Path, Sync(temp, "--from", "garmin"));
        Assert.That(after.ExitCode, Is.EqualTo(ExitCodes.Ok), after.ToString());
    }

    private static bool IsLocked(string path)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }
}

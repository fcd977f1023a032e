using System.Globalization;
using System.Text.Json;

namespace FitnessClients.Cli.Tests;

public class FitTrackeeCommandTests
{
    private const string DemoHost = "fittrackee.example.com";

    private static string Gpx(DateTimeOffset start, string type) => string.Create(CultureInfo.InvariantCulture, $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
          <trk><name>Test</name><type>{type}</type><trkseg>
            <trkpt lat="48.8566" lon="2.3522"><ele>35</ele><time>{start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}</time></trkpt>
            <trkpt lat="48.8570" lon="2.3530"><ele>36</ele><time>{start.UtcDateTime.AddSeconds(30):yyyy-MM-ddTHH:mm:ssZ}</time></trkpt>
            <trkpt lat="48.8580" lon="2.3545"><ele>37</ele><time>{start.UtcDateTime.AddSeconds(60):yyyy-MM-ddTHH:mm:ssZ}</time></trkpt>
            <trkpt lat="48.8590" lon="2.3560"><ele>37</ele><time>{start.UtcDateTime.AddSeconds(90):yyyy-MM-ddTHH:mm:ssZ}</time></trkpt>
          </trkseg></trk>
        </gpx>
        """);

    [Test]
    public async Task Demo_login_status_and_logout()
    {
        using var temp = new TempFolder();

        var login = await CliRun.RunAsync(temp.Path, ["fittrackee", "login", "--demo", "--json"]);
        Assert.That(login.ExitCode, Is.EqualTo(ExitCodes.Ok), login.ToString());
        using (var json = JsonDocument.Parse(login.Out))
        {
            Assert.That(json.RootElement.GetProperty("username").GetString(), Is.EqualTo("sam"));
            Assert.That(json.RootElement.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()), Is.EquivalentTo(new[] { "workouts:read", "workouts:write", "profile:read" }));
        }

        var status = await CliRun.RunAsync(temp.Path, ["fittrackee", "status", "--demo"]);
        Assert.That(status.ExitCode, Is.EqualTo(ExitCodes.Ok), status.ToString());
        Assert.That(status.Out, Does.Contain("1.2.2").And.Contain("1048576 bytes").And.Contain("Europe/Paris"));

        var logout = await CliRun.RunAsync(temp.Path, ["fittrackee", "logout", "--demo"]);
        Assert.That(logout.ExitCode, Is.EqualTo(ExitCodes.Ok), logout.ToString());
        Assert.That(logout.Out, Does.Contain("revoked"));
    }

    [Test]
    public async Task Without_an_instance_address_the_commands_say_how_to_set_one()
    {
        using var temp = new TempFolder();
        var run = await CliRun.RunAsync(temp.Path, ["fittrackee", "status"]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadUsage), run.ToString());
        Assert.That(run.Error, Does.Contain("FITNESSCLIENTS_FITTRACKEE_URL"));
    }

    [Test]
    public async Task Plain_http_to_another_host_is_refused()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(Path.Combine(temp.Path, "config.json"), """{"fittrackee":{"url":"http://fittrackee.lan/","clientId":"id","clientSecret":"s"}}""");
        var run = await CliRun.RunAsync(temp.Path, ["fittrackee", "status"]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadUsage), run.ToString());
        Assert.That(run.Error, Does.Contain("http://").And.Contain("AllowInsecureHttp"));
    }

    [Test]
    public async Task Demo_backup_keeps_details_gpx_and_originals()
    {
        using var temp = new TempFolder();
        var run = await CliRun.RunAsync(temp.Path, ["fittrackee", "backup", "--demo", "--backup-dir", temp.Sub("backup"), "--json"], demoActivityCount: 6);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.That(json.RootElement.GetProperty("listed").GetInt32(), Is.EqualTo(6));
        Assert.That(json.RootElement.GetProperty("failed").GetInt32(), Is.Zero);
        var files = Directory.GetFiles(temp.Sub("backup"), "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.That(files, Has.Some.EndsWith(".gpx"));
        Assert.That(files, Has.Some.EndsWith(".details.json"));
    }

    [Test]
    public async Task Upload_sends_folders_of_files_maps_the_sport_and_skips_duplicates_and_unmapped_types()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Sub("rides"));
        var start = new DateTimeOffset(2025, 10, 4, 7, 0, 0, TimeSpan.Zero);
        await File.WriteAllTextAsync(temp.Sub("rides/a.gpx"), Gpx(start, "cycling"));
        await File.WriteAllTextAsync(temp.Sub("rides/b.gpx"), Gpx(start.AddDays(1), "running"));
        await File.WriteAllTextAsync(temp.Sub("rides/same-as-a.gpx"), Gpx(start, "cycling"));
        await File.WriteAllTextAsync(temp.Sub("rides/yoga.gpx"), Gpx(start.AddDays(2), "yoga"));
        await File.WriteAllTextAsync(temp.Sub("rides/notes.txt"), "not a workout");

        var run = await CliRun.RunAsync(temp.Path, ["fittrackee", "upload", "--demo", temp.Sub("rides"), "--json"], demoActivityCount: 0);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var outcomes = json.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => Path.GetFileName(f.GetProperty("path").GetString()!), f => (f.GetProperty("outcome").GetString(), f.GetProperty("detail").GetString()));
        Assert.That(outcomes.Keys, Is.EquivalentTo(new[] { "a.gpx", "b.gpx", "same-as-a.gpx", "yoga.gpx" }));
        Assert.That(outcomes["a.gpx"], Is.EqualTo(("uploaded", "as Cycling (Sport)")));
        Assert.That(outcomes["b.gpx"], Is.EqualTo(("uploaded", "as Running")));
        Assert.That(outcomes["same-as-a.gpx"].Item1, Is.EqualTo("skipped"));
        Assert.That(outcomes["yoga.gpx"].Item1, Is.EqualTo("skipped"));
        Assert.That(outcomes["yoga.gpx"].Item2, Does.Contain("--sport"));
    }

    [Test]
    public async Task Upload_with_an_unknown_sport_fails_before_sending()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.Sub("a.gpx"), Gpx(DateTimeOffset.UnixEpoch.AddYears(55), "running"));
        var run = await CliRun.RunAsync(temp.Path, ["fittrackee", "upload", "--demo", "--sport", "Quidditch", temp.Sub("a.gpx")], demoActivityCount: 0);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadUsage), run.ToString());
        Assert.That(run.Error, Does.Contain("Quidditch").And.Contain("Running"));
    }

    [Test]
    public async Task Delete_all_dry_run_lists_and_deletes_nothing()
    {
        using var temp = new TempFolder();
        var run = await CliRun.RunAsync(temp.Path, ["fittrackee", "delete", "--all", "--dry-run", "--demo"], demoActivityCount: 7);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.Out, Does.Contain($"7 workouts on {DemoHost} would be deleted"));
        Assert.That(run.Out.Split('\n').Count(l => l.StartsWith("would delete", StringComparison.Ordinal)), Is.EqualTo(7));
    }

    [Test]
    public async Task Delete_all_needs_the_host_typed_and_a_wrong_answer_deletes_nothing()
    {
        using var temp = new TempFolder();

        var refused = await CliRun.RunAsync(temp.Path, ["fittrackee", "delete", "--all", "--demo", "--json"], input: "yes\n", demoActivityCount: 7);
        Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.BadUsage), refused.ToString());
        Assert.That(refused.Error, Does.Contain("all 7 workouts").And.Contain("nothing was deleted"));

        var done = await CliRun.RunAsync(temp.Path, ["fittrackee", "delete", "--all", "--demo", "--json"], input: DemoHost + "\n", demoActivityCount: 7);
        Assert.That(done.ExitCode, Is.EqualTo(ExitCodes.Ok), done.ToString());
        using var json = JsonDocument.Parse(done.Out);
        Assert.That(json.RootElement.GetProperty("deleted").GetInt32(), Is.EqualTo(7));
    }

    [Test]
    public async Task Delete_without_all_is_a_usage_error()
    {
        using var temp = new TempFolder();
        var run = await CliRun.RunAsync(temp.Path, ["fittrackee", "delete", "--demo"]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadUsage), run.ToString());
    }
}

using System.Text.Json;
using FitnessClients.Testing;

namespace FitnessClients.Cli.Tests.Strava;

public class StravaBackupCommandTests
{
    private static readonly DateTimeOffset Morning = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Demo_backup_writes_gpx_photos_and_gear_and_a_second_run_costs_one_request()
    {
        using var temp = new TempFolder();
        var backup = temp.Sub("backup");
        StravaEmulator? emulator = null;
        var setup = new StravaCliSetup { DemoActivityCount = 30, ConfigureEmulator = e => emulator = e };
        string[] args = ["strava", "backup", "--demo", "--json", "--backup-dir", backup, "--format", "summary,gpx,photos,gear", "--config-dir", temp.Path];

        var first = await StravaCliRun.RunAsync(temp.Path, args, setup);

        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Ok), first.ToString());
        using var firstJson = JsonDocument.Parse(first.Out);
        var result = firstJson.RootElement.GetProperty("result");
        Assert.That(result.GetProperty("listed").GetInt32(), Is.EqualTo(30));
        Assert.That(result.GetProperty("failed").GetInt32(), Is.Zero);
        Assert.That(firstJson.RootElement.GetProperty("rateLimitWaits").GetInt32(), Is.Zero, "the demo's windows are wide");
        var files = Directory.GetFiles(backup, "*", SearchOption.AllDirectories);
        var gps = emulator!.Activities.Count(a => !a.IsManual && !a.IsTrainer);
        Assert.That(files.Count(f => f.EndsWith(".gpx", StringComparison.Ordinal)), Is.EqualTo(gps));
        Assert.That(files.Count(f => f.EndsWith(".summary.json", StringComparison.Ordinal)), Is.EqualTo(30));
        Assert.That(files.Count(f => f.Contains(".photo-", StringComparison.Ordinal)), Is.EqualTo(emulator.Activities.Sum(a => a.PhotoCount)));
        Assert.That(
            Directory.GetFiles(Path.Combine(backup, "gear")).Select(Path.GetFileNameWithoutExtension),
            Is.EquivalentTo(emulator.Activities.Select(a => a.GearId).Where(g => g is not null).Distinct()));
        Assert.That(File.ReadAllText(Path.Combine(backup, "fitness.log")), Does.Contain("Backup done"));

        var second = await StravaCliRun.RunAsync(temp.Path, args, setup);

        Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.Ok), second.ToString());
        using var secondJson = JsonDocument.Parse(second.Out);
        var again = secondJson.RootElement.GetProperty("result");
        Assert.That(again.GetProperty("downloaded").GetInt32(), Is.Zero);
        Assert.That(again.GetProperty("requestsMade").GetInt64(), Is.EqualTo(1));
    }

    [Test]
    public async Task Original_in_demo_uses_the_website_session_and_keeps_the_uploaded_extension()
    {
        using var temp = new TempFolder();
        var backup = temp.Sub("backup");
        var run = await StravaCliRun.RunAsync(temp.Path, ["strava", "backup", "--demo", "--backup-dir", backup, "--format", "original", "--count", "8"], new StravaCliSetup());

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var originals = Directory.GetFiles(backup).Where(f => f.EndsWith(".fit", StringComparison.Ordinal) || f.EndsWith(".fit.gz", StringComparison.Ordinal) || f.EndsWith(".gpx", StringComparison.Ordinal) || f.EndsWith(".tcx", StringComparison.Ordinal)).ToList();
        Assert.That(originals, Is.Not.Empty);
        Assert.That(run.Out, Does.Contain("Downloaded"));
    }

    [Test]
    public async Task Original_without_a_cookie_is_recorded_as_not_available_with_a_warning()
    {
        using var temp = new TempFolder();
        var emulator = new StravaEmulator(TimeProvider.System, new StravaEmulatorOptions { ActivityCount = 4 });
        using var handler = emulator.CreateHandler();
        var setup = new StravaCliSetup { Handler = handler, Variables = StravaCliRun.Credentials(emulator) };
        await SeedTokenAsync(temp, emulator);

        var run = await StravaCliRun.RunAsync(temp.Path, ["strava", "backup", "--backup-dir", temp.Sub("b"), "--format", "original", "--json"], setup);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.Error, Does.Contain("no strava_remember_token is configured"));
        using var json = JsonDocument.Parse(run.Out);
        Assert.That(json.RootElement.GetProperty("result").GetProperty("notAvailable").GetInt32(), Is.EqualTo(4));
        Assert.That(File.ReadAllText(Path.Combine(temp.Sub("b"), "backup-manifest.json")), Does.Contain("strava_remember_token"));
    }

    [Test]
    public async Task A_spent_15_minute_window_is_waited_out_with_a_message_and_the_backup_finishes_without_a_429()
    {
        using var temp = new TempFolder();
        var clock = new TimerTrackingTimeProvider(Morning);
        StravaEmulator? emulator = null;
        var setup = new StravaCliSetup
        {
            Clock = clock,
            DemoActivityCount = 30,
            ConfigureOptions = o => o.ReadFifteenMinuteLimit = 12,
            ConfigureEmulator = e => emulator = e,
        };
        var backup = temp.Sub("backup");

        var run = await ClockDriver.RunAsync(clock, StravaCliRun.RunAsync(
            temp.Path, ["strava", "backup", "--demo", "--json", "--backup-dir", backup, "--format", "summary,gpx", "--concurrency", "2"], setup), ClockDriver.BudgetSpent(() => emulator));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.Error, Does.Contain("Strava's 15-minute read budget is used up: waiting until").And.Contain("resuming by itself"));
        Assert.That(emulator!.RateLimits!.Responses429, Is.Zero);
        var gps = emulator.Activities.Count(a => !a.IsManual && !a.IsTrainer);
        Assert.That(Directory.GetFiles(backup, "*.gpx"), Has.Length.EqualTo(gps));
        using var json = JsonDocument.Parse(run.Out);
        var needed = emulator.Activities.Count(a => !a.IsManual) + 1;
        Assert.That(json.RootElement.GetProperty("rateLimitWaits").GetInt32(), Is.GreaterThanOrEqualTo((needed - 1) / 12));
        Assert.That(clock.GetUtcNow(), Is.GreaterThanOrEqualTo(Morning.AddMinutes(15 * ((needed - 1) / 12))), "the waits happened on the clock");
    }

    [Test]
    public async Task A_backup_stopped_at_the_daily_limit_continues_where_it_was_the_next_day()
    {
        using var temp = new TempFolder();
        var clock = new TimerTrackingTimeProvider(Morning);
        var backup = temp.Sub("backup");
        string[] args = ["strava", "backup", "--demo", "--json", "--backup-dir", backup, "--format", "summary,gpx", "--concurrency", "1"];
        StravaEmulator? first = null;
        using var stop = new CancellationTokenSource();
        var firstSetup = new StravaCliSetup { Clock = clock, DemoActivityCount = 40, ConfigureOptions = o => o.ReadDailyLimit = 20, ConfigureEmulator = e => first = e };

        // Day one: the daily read budget runs out; the backup waits for UTC midnight, and the user stops it.
        var running = StravaCliRun.RunAsync(temp.Path, args, firstSetup, stop.Token);
        await ClockDriver.RunUntilAsync(clock, running, () => false, () => clock.NextTimerDue is { } due && due - clock.GetUtcNow() > TimeSpan.FromHours(1));
        await stop.CancelAsync();
        var stopped = await running;

        Assert.That(stopped.ExitCode, Is.EqualTo(ExitCodes.Cancelled), stopped.ToString());
        Assert.That(stopped.Error, Does.Contain("Strava's daily read budget is used up: waiting until"));
        var dayOne = Directory.GetFiles(backup, "*.gpx").ToDictionary(f => f, File.GetLastWriteTimeUtc);
        Assert.That(dayOne, Is.Not.Empty);
        Assert.That(first!.RateLimits!.Responses429, Is.Zero);

        // Day two: a new process, a new day's budget; only what is missing is fetched.
        clock.SetUtcNow(Morning.AddDays(1));
        StravaEmulator? second = null;
        var secondSetup = firstSetup with { ConfigureEmulator = e => second = e };
        var rerun = await ClockDriver.RunAsync(clock, StravaCliRun.RunAsync(temp.Path, args, secondSetup), ClockDriver.BudgetSpent(() => second));

        Assert.That(rerun.ExitCode, Is.EqualTo(ExitCodes.Ok), rerun.ToString());
        var gps = second!.Activities.Count(a => !a.IsManual && !a.IsTrainer);
        var recorded = second.Activities.Count(a => !a.IsManual);
        Assert.That(Directory.GetFiles(backup, "*.gpx"), Has.Length.EqualTo(gps));
        foreach (var (file, written) in dayOne)
        {
            Assert.That(File.GetLastWriteTimeUtc(file), Is.EqualTo(written), $"{Path.GetFileName(file)} was not fetched again");
        }

        // Day two also spends its 20 reads and waits for the next midnight; the 6-hour token has expired by then, so
        // one request is answered 401 and repeated after the refresh. Every activity's streams arrive exactly once.
        var fetched = first.Requests.Where(HttpMethod.Get, "/api/v3/activities/").Concat(second.Requests.Where(HttpMethod.Get, "/api/v3/activities/"))
            .Where(r => r.StatusCode == System.Net.HttpStatusCode.OK)
            .Select(r => r.Path)
            .ToList();
        Assert.That(fetched, Is.Unique);
        Assert.That(fetched, Has.Count.EqualTo(recorded));
        Assert.That(second.RateLimits!.Responses429, Is.Zero);
        using var json = JsonDocument.Parse(rerun.Out);
        Assert.That(json.RootElement.GetProperty("result").GetProperty("failed").GetInt32(), Is.Zero);

    }

    [Test]
    public async Task An_unknown_format_is_bad_usage()
    {
        using var temp = new TempFolder();
        var run = await StravaCliRun.RunAsync(temp.Path, ["strava", "backup", "--demo", "--backup-dir", temp.Sub("b"), "--format", "fit"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadUsage), run.ToString());
        Assert.That(run.Error, Does.Contain("unknown format 'fit'"));
    }

    private static async Task SeedTokenAsync(TempFolder temp, StravaEmulator emulator)
    {
        var issued = emulator.IssueTokens();
        var store = new FitnessClients.Core.Tokens.FileTokenStore(temp.Sub("tokens"));
        await store.SaveAsync("strava", new FitnessClients.Core.Tokens.OAuthToken
        {
            AccessToken = issued.AccessToken,
            RefreshToken = issued.RefreshToken,
            TokenType = "Bearer",
            ExpiresAt = issued.ExpiresAt,
            Scopes = [.. issued.Scopes],
        });
    }
}

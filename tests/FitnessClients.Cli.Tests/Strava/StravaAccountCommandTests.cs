using System.Text.Json;
using FitnessClients.Testing;

namespace FitnessClients.Cli.Tests.Strava;

public class StravaAccountCommandTests
{
    /// <summary>Plays the athlete's browser: the emulator's consent page, then the redirect to the CLI's loopback listener.</summary>
    private static Action<Uri> Browser(StravaEmulator emulator, List<Task> visits) => uri =>
    {
        using var browser = emulator.CreateClient();
        using var consent = browser.GetAsync(uri).GetAwaiter().GetResult();
        var redirect = consent.Headers.Location ?? throw new InvalidOperationException($"no redirect from the consent page ({(int)consent.StatusCode})");
        visits.Add(Task.Run(async () =>
        {
            using var real = new HttpClient();
            using var _ = await real.GetAsync(redirect);
        }));
    };

    [Test]
    public async Task Browser_login_then_status_shows_athlete_scopes_and_budget_then_logout_revokes()
    {
        using var temp = new TempFolder();
        var emulator = new StravaEmulator(TimeProvider.System, new StravaEmulatorOptions { ActivityCount = 5 });
        using var handler = emulator.CreateHandler();
        var visits = new List<Task>();
        var setup = new StravaCliSetup { Handler = handler, Variables = StravaCliRun.Credentials(emulator), OpenBrowser = Browser(emulator, visits) };

        var login = await StravaCliRun.RunAsync(temp.Path, ["strava", "login"], setup);
        await Task.WhenAll(visits);

        Assert.That(login.ExitCode, Is.EqualTo(ExitCodes.Ok), login.ToString());
        Assert.That(login.Out, Does.Contain("Signed in as Demo Athlete").And.Contain("activity:read_all"));
        Assert.That(login.Out + login.Error, Does.Not.Contain(emulator.RegisteredClientSecret));
        Assert.That(Directory.GetFiles(temp.Sub("tokens")), Is.Not.Empty);

        var status = await StravaCliRun.RunAsync(temp.Path, ["strava", "status", "--json"], setup);
        Assert.That(status.ExitCode, Is.EqualTo(ExitCodes.Ok), status.ToString());
        using (var json = JsonDocument.Parse(status.Out))
        {
            var root = json.RootElement;
            Assert.That(root.GetProperty("athleteId").GetInt64(), Is.EqualTo(emulator.AthleteId));
            Assert.That(root.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()), Is.SupersetOf(new[] { "read", "activity:read_all", "profile:read_all" }));
            Assert.That(root.GetProperty("missingForBackup").GetArrayLength(), Is.Zero);
            var windows = root.GetProperty("rateLimit").EnumerateArray().ToDictionary(w => w.GetProperty("name").GetString()!, w => w.GetProperty("remaining").GetInt32());
            // Login's athlete request and status's own, as Strava's headers report them (the budget is the app's, across processes).
            Assert.That(windows["read-15m"], Is.EqualTo(98));
            Assert.That(windows["read-daily"], Is.EqualTo(998));
            Assert.That(windows["overall-15m"], Is.EqualTo(198));
        }

        var table = await StravaCliRun.RunAsync(temp.Path, ["strava", "status"], setup);
        Assert.That(table.Out, Does.Contain("15-minute read").And.Contain("daily read").And.Contain("left, resets"));

        var logout = await StravaCliRun.RunAsync(temp.Path, ["strava", "logout"], setup);
        Assert.That(logout.ExitCode, Is.EqualTo(ExitCodes.Ok), logout.ToString());
        Assert.That(logout.Out, Does.Contain("revoked"));
        Assert.That(emulator.Deauthorizations, Is.EqualTo(1));

        var after = await StravaCliRun.RunAsync(temp.Path, ["strava", "status"], setup);
        Assert.That(after.ExitCode, Is.EqualTo(ExitCodes.AuthenticationRequired), after.ToString());
        Assert.That(after.Error, Does.Contain("fitness strava login"));
    }

    [Test]
    public async Task Paste_login_reads_the_redirected_address_and_keeps_only_the_granted_scopes()
    {
        using var temp = new TempFolder();
        var emulator = new StravaEmulator(TimeProvider.System, new StravaEmulatorOptions { ActivityCount = 5, GrantedScopes = ["read", "profile:read_all"] });
        using var handler = emulator.CreateHandler();
        StringWriter? error = null;
        var input = new PasteReader(() =>
        {
            // The address the CLI printed, visited by "the browser"; the athlete copies where it ended.
            var shown = error!.ToString().Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("https://", StringComparison.Ordinal));
            using var browser = emulator.CreateClient();
            using var consent = browser.GetAsync(shown).GetAwaiter().GetResult();
            return consent.Headers.Location!.AbsoluteUri;
        });
        using var output = new StringWriter();
        error = new StringWriter();
        var env = new CliEnvironment
        {
            Out = output,
            Error = error,
            Console = CliEnvironment.CreatePlainConsole(output),
            ErrorConsole = CliEnvironment.CreatePlainConsole(error),
            ConfigDirectory = temp.Path,
            Variables = new Dictionary<string, string>(StravaCliRun.Credentials(emulator)) { ["HOME"] = temp.Path },
            Input = input,
            StravaHandler = handler,
        };

        var code = await CliApp.RunAsync(["strava", "login", "--paste", "--json"], env);

        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        Assert.That(json.RootElement.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()), Is.EquivalentTo(new[] { "read", "profile:read_all" }));
        Assert.That(json.RootElement.GetProperty("missingForBackup").EnumerateArray().Select(s => s.GetString()), Does.Contain("activity:read_all"));
        Assert.That(error.ToString(), Does.Contain("warning: a backup needs activity:read_all"));

        var backup = await StravaCliRun.RunAsync(temp.Path, ["strava", "backup", "--backup-dir", temp.Sub("b")], new StravaCliSetup { Handler = handler, Variables = StravaCliRun.Credentials(emulator) });
        Assert.That(backup.ExitCode, Is.EqualTo(ExitCodes.AuthenticationRequired), backup.ToString());
        Assert.That(backup.Error, Does.Contain("activity:read_all"));
        Assert.That(emulator.Requests.Count(HttpMethod.Get, "/api/v3/athlete/activities"), Is.Zero, "refused before a request, not a silently short list");
    }

    [Test]
    public async Task Demo_login_runs_the_whole_authorization_against_the_emulator()
    {
        using var temp = new TempFolder();
        var run = await StravaCliRun.RunAsync(temp.Path, ["strava", "login", "--demo"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.Out, Does.Contain("Signed in as Demo Athlete"));
        Assert.That(Directory.GetFiles(temp.Sub("demo-tokens")), Is.Not.Empty);
    }

    [Test]
    public async Task Without_app_credentials_login_is_bad_usage_naming_the_variables()
    {
        using var temp = new TempFolder();
        var run = await StravaCliRun.RunAsync(temp.Path, ["strava", "login"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadUsage), run.ToString());
        Assert.That(run.Error, Does.Contain("FITNESSCLIENTS_STRAVA_CLIENT_ID"));
        Assert.That(run.Error, Does.Not.Contain("   at "));
    }

    [TestCase("status")]
    [TestCase("login")]
    [TestCase("get-activity")]
    public async Task An_exhausted_budget_fails_fast_with_exit_4_and_the_time_to_resume(string command)
    {
        using var temp = new TempFolder();
        StravaEmulator? demo = null;
        var setup = new StravaCliSetup
        {
            ConfigureOptions = o => o.ReadFifteenMinuteLimit = 3,
            ConfigureEmulator = e =>
            {
                demo = e;
                StravaCliRun.SpendBudget(e, 3);
            },
        };
        string[] args = command == "get-activity"
            ? ["strava", "get-activity", "16181809560", "--demo", "--destination", temp.Sub("o")]
            : ["strava", command, "--demo"];

        var run = await StravaCliRun.RunAsync(temp.Path, args, setup);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.RateLimited), run.ToString());
        Assert.That(run.Error, Does.Contain("Try again after"));
        Assert.That(run.Error, Does.Not.Contain("   at "));
        Assert.That(demo!.RateLimits!.Responses429, Is.LessThanOrEqualTo(1), "no retries against a spent window");
    }

    [Test]
    public async Task Unknown_subcommand_is_bad_usage()
    {
        using var temp = new TempFolder();
        Assert.That((await StravaCliRun.RunAsync(temp.Path, ["strava", "frobnicate"])).ExitCode, Is.EqualTo(ExitCodes.BadUsage));
        Assert.That((await StravaCliRun.RunAsync(temp.Path, ["strava", "login", "--demo", "--scope", "everything"])).ExitCode, Is.EqualTo(ExitCodes.BadUsage));
    }

    /// <summary>Answers the paste prompt with what the callback computes at the moment the CLI asks.</summary>
    private sealed class PasteReader(Func<string> answer) : TextReader
    {
        public override string? ReadLine() => answer();
    }
}

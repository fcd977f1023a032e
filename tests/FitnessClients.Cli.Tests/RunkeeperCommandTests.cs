using System.Text.Json;
using FitnessClients.Testing;

namespace FitnessClients.Cli.Tests;

/// <summary><c>fitness runkeeper login|logout|backup</c>, in demo mode, against a loopback emulator, and from export ZIPs.</summary>
public class RunkeeperCommandTests
{
    private static async Task<CliRun> RunAsync(string configDir, string[] args, string? input = null, Dictionary<string, string>? variables = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var all = new Dictionary<string, string> { ["HOME"] = configDir };
        foreach (var (key, value) in variables ?? [])
        {
            all[key] = value;
        }

        var env = new CliEnvironment
        {
            Out = output,
            Error = error,
            Console = CliEnvironment.CreatePlainConsole(output),
            ErrorConsole = CliEnvironment.CreatePlainConsole(error),
            ConfigDirectory = configDir,
            Variables = all,
            Input = input is null ? null : new StringReader(input),
            DemoActivityCount = 20,
        };
        var code = await CliApp.RunAsync(args, env);
        return new CliRun { ExitCode = code, Out = output.ToString(), Error = error.ToString() };
    }

    private static JsonElement Result(CliRun run)
    {
        using var json = JsonDocument.Parse(run.Out);
        return json.RootElement.GetProperty("result").Clone();
    }

    [Test]
    public async Task Demo_api_backup_saves_summaries_details_and_gpx_and_a_rerun_costs_two_requests()
    {
        using var temp = new TempFolder();
        string[] args = ["runkeeper", "backup", "--demo", "--json", "--backup-dir", temp.Sub("b"), "--config-dir", temp.Path];

        var first = await RunAsync(temp.Path, args);
        var second = await RunAsync(temp.Path, args);

        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Ok), first.ToString());
        var result = Result(first);
        Assert.That(result.GetProperty("listed").GetInt32(), Is.EqualTo(20));
        Assert.That(result.GetProperty("failed").GetInt32(), Is.Zero);
        var files = Directory.GetFiles(temp.Sub("b"));
        Assert.That(files.Count(f => f.EndsWith(".gpx", StringComparison.Ordinal)), Is.GreaterThan(5));
        Assert.That(files.Count(f => f.EndsWith(".details.json", StringComparison.Ordinal)), Is.EqualTo(20));
        Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.Ok), second.ToString());
        var again = Result(second);
        Assert.That(again.GetProperty("downloaded").GetInt32(), Is.Zero);
        Assert.That(again.GetProperty("requestsMade").GetInt64(), Is.EqualTo(2), "/user and the first feed page");
    }

    [Test]
    public async Task The_demo_export_zip_is_kept_in_the_config_folder_and_reused_not_left_in_the_system_temp_folder()
    {
        using var temp = new TempFolder();
        string[] backup = ["runkeeper", "backup", "--demo", "--export", "--backup-dir", temp.Sub("e"), "--config-dir", temp.Path];

        var first = await RunAsync(temp.Path, backup);
        var zips = Directory.Exists(temp.Sub("demo-runkeeper")) ? Directory.GetFiles(temp.Sub("demo-runkeeper")) : [];
        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Ok), first.ToString());
        Assert.That(zips, Has.Length.EqualTo(1), "one complete ZIP, no temporary file beside it");
        Assert.That(zips[0], Does.EndWith(".zip"));
        var written = File.GetLastWriteTimeUtc(zips[0]);

        var sync = await RunAsync(temp.Path, ["sync", "--from", "runkeeper", "--to", "fittrackee", "--demo", "--export", "--config-dir", temp.Path]);

        Assert.That(sync.ExitCode, Is.EqualTo(ExitCodes.Ok), sync.ToString());
        Assert.That(Directory.GetFiles(temp.Sub("demo-runkeeper")), Is.EqualTo(zips), "sync reads the same ZIP");
        Assert.That(File.GetLastWriteTimeUtc(zips[0]), Is.EqualTo(written), "not written again");
    }

    [Test]
    public async Task Demo_export_backup_reads_a_synthetic_zip_without_a_token()
    {
        using var temp = new TempFolder();

        var run = await RunAsync(temp.Path, ["runkeeper", "backup", "--demo", "--export", "--backup-dir", temp.Sub("e"), "--config-dir", temp.Path]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.Out, Does.Contain("Runkeeper export backup").And.Contain("Listed"));
        Assert.That(Directory.GetFiles(temp.Sub("e"), "*.gpx"), Is.Not.Empty);
        Assert.That(Directory.GetFiles(temp.Sub("e"), "*.details.json"), Is.Empty);
    }

    [Test]
    public async Task An_export_zip_is_backed_up_with_no_token_at_all_and_the_gpx_are_the_zips_own()
    {
        using var temp = new TempFolder();
        var zip = temp.Sub("runkeeper-export.zip");
        RunkeeperExportZip.WriteFile(zip, new RunkeeperEmulatorOptions { ActivityCount = 12 });

        var run = await RunAsync(temp.Path, ["runkeeper", "backup", "--export", zip, "--format", "gpx", "--json", "--backup-dir", temp.Sub("b"), "--config-dir", temp.Path]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var gpx = Directory.GetFiles(temp.Sub("b"), "*.gpx");
        Assert.That(gpx, Is.Not.Empty);
        Assert.That(File.ReadAllText(gpx[0]), Does.Contain("creator=\"Runkeeper - http://www.runkeeper.com\""));
        Assert.That(Directory.GetFiles(temp.Sub("b"), "*.summary.json"), Is.Empty);
    }

    [Test]
    public async Task Login_stores_an_existing_token_and_backup_then_uses_it_through_the_api()
    {
        using var temp = new TempFolder();
        var emulator = new RunkeeperEmulator(TimeProvider.System, new RunkeeperEmulatorOptions { ActivityCount = 9, StrictMediaTypes = true, TrailingCommas = true });
        await using var server = await emulator.StartLoopbackAsync();
        var variables = new Dictionary<string, string> { ["FITNESSCLIENTS_RUNKEEPER_BASE_URL"] = server.BaseAddress.AbsoluteUri };
        var token = emulator.IssueAccessToken();

        var login = await RunAsync(temp.Path, ["runkeeper", "login", "--config-dir", temp.Path], input: token + "\n", variables: variables);
        var backup = await RunAsync(temp.Path, ["runkeeper", "backup", "--json", "--backup-dir", temp.Sub("b"), "--config-dir", temp.Path], variables: variables);

        Assert.That(login.ExitCode, Is.EqualTo(ExitCodes.Ok), login.ToString());
        Assert.That(login.Out, Does.Contain("Runkeeper user 42240902"));
        Assert.That(login.ToString(), Does.Not.Contain(token));
        Assert.That(File.Exists(Path.Combine(temp.Path, "tokens", "runkeeper.json")) || Directory.GetFiles(Path.Combine(temp.Path, "tokens")).Length > 0, Is.True);
        Assert.That(backup.ExitCode, Is.EqualTo(ExitCodes.Ok), backup.ToString());
        Assert.That(Result(backup).GetProperty("listed").GetInt32(), Is.EqualTo(9));
        Assert.That(backup.ToString(), Does.Not.Contain(token));
    }

    [Test]
    public async Task A_refused_token_is_not_kept_and_never_printed()
    {
        using var temp = new TempFolder();
        var emulator = new RunkeeperEmulator(TimeProvider.System, new RunkeeperEmulatorOptions { ActivityCount = 1 });
        await using var server = await emulator.StartLoopbackAsync();
        var bad = "rk-wrong-" + Guid.NewGuid().ToString("N");

        var run = await RunAsync(
            temp.Path,
            ["runkeeper", "login", "--token", bad, "--config-dir", temp.Path],
            variables: new() { ["FITNESSCLIENTS_RUNKEEPER_BASE_URL"] = server.BaseAddress.AbsoluteUri });

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.AuthenticationRequired), run.ToString());
        Assert.That(run.Error, Does.Contain("not kept"));
        Assert.That(run.ToString(), Does.Not.Contain(bad));
        var tokens = Path.Combine(temp.Path, "tokens");
        Assert.That(!Directory.Exists(tokens) || Directory.GetFiles(tokens, "*.json").Length == 0, Is.True);
    }

    [Test]
    public async Task Backup_without_a_token_says_how_to_store_one_or_use_the_export()
    {
        using var temp = new TempFolder();

        var run = await RunAsync(temp.Path, ["runkeeper", "backup", "--backup-dir", temp.Sub("b"), "--config-dir", temp.Path]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.AuthenticationRequired), run.ToString());
        Assert.That(run.Error, Does.Contain("fitness runkeeper login").And.Contain("--export"));
        Assert.That(run.Error, Does.Not.Contain("   at "));
    }

    [TestCase("--export")]
    [TestCase("--format", "details", "--export", "x.zip")]
    [TestCase("--format", "mp3")]
    public async Task Bad_usage_is_reported_in_one_line(params string[] extra)
    {
        using var temp = new TempFolder();
        File.WriteAllText(Path.Combine(temp.Path, "x.zip"), "not used");

        var run = await RunAsync(temp.Path, ["runkeeper", "backup", "--backup-dir", temp.Sub("b"), "--config-dir", temp.Path, .. extra]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadUsage), run.ToString());
        Assert.That(run.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task Demo_code_exchange_and_revoking_logout_work_end_to_end()
    {
        using var temp = new TempFolder();

        var login = await RunAsync(temp.Path, ["runkeeper", "login", "--demo", "--code-exchange", "--json", "--config-dir", temp.Path]);
        var logout = await RunAsync(temp.Path, ["runkeeper", "logout", "--demo", "--revoke", "--json", "--config-dir", temp.Path]);

        Assert.That(login.ExitCode, Is.EqualTo(ExitCodes.Ok), login.ToString());
        using var json = JsonDocument.Parse(login.Out);
        Assert.That(json.RootElement.GetProperty("route").GetString(), Is.EqualTo("code-exchange"));
        Assert.That(json.RootElement.GetProperty("userId").GetInt64(), Is.EqualTo(42240902));
        Assert.That(logout.ExitCode, Is.EqualTo(ExitCodes.Ok), logout.ToString());
        using var revoked = JsonDocument.Parse(logout.Out);
        Assert.That(revoked.RootElement.GetProperty("revoked").GetBoolean(), Is.True);
    }
}

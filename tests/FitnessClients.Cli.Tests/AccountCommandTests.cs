using System.Text.Json;
using FitnessClients.Testing;

namespace FitnessClients.Cli.Tests;

public class AccountCommandTests
{
    [Test]
    public async Task Login_with_a_ticket_then_status_then_logout()
    {
        using var temp = new TempFolder();
        var emulator = new GarminConnectEmulator(TimeProvider.System, new GarminConnectEmulatorOptions { ActivityCount = 5 });
        using var handler = emulator.CreateHandler();

        var login = await CliRun.RunAsync(temp.Path, ["garmin", "login", "--ticket", emulator.IssueServiceTicket()], garminHandler: handler);
        Assert.That(login.ExitCode, Is.EqualTo(ExitCodes.Ok), login.ToString());
        Assert.That(login.Out, Does.Contain("Signed in as demo-athlete"));
        Assert.That(File.Exists(Path.Combine(temp.Path, "tokens", "garmin.json")) || Directory.GetFiles(Path.Combine(temp.Path, "tokens")).Length > 0, Is.True);

        var status = await CliRun.RunAsync(temp.Path, ["garmin", "status", "--json"], garminHandler: handler);
        Assert.That(status.ExitCode, Is.EqualTo(ExitCodes.Ok), status.ToString());
        using (var json = JsonDocument.Parse(status.Out))
        {
            Assert.That(json.RootElement.GetProperty("displayName").GetString(), Is.EqualTo("demo-athlete"));
            Assert.That(json.RootElement.GetProperty("expiresAt").GetDateTimeOffset(), Is.GreaterThan(DateTimeOffset.UtcNow));
            Assert.That(json.RootElement.GetProperty("rateLimit").GetArrayLength(), Is.GreaterThan(0));
        }

        var logout = await CliRun.RunAsync(temp.Path, ["garmin", "logout"], garminHandler: handler);
        Assert.That(logout.ExitCode, Is.EqualTo(ExitCodes.Ok), logout.ToString());
        Assert.That(logout.Out, Does.Contain("Signed out"));

        var after = await CliRun.RunAsync(temp.Path, ["garmin", "status"], garminHandler: handler);
        Assert.That(after.ExitCode, Is.EqualTo(ExitCodes.AuthenticationRequired), after.ToString());
    }

    [Test]
    public async Task Password_login_reads_the_password_and_mfa_code_from_input()
    {
        using var temp = new TempFolder();
        var emulator = new GarminConnectEmulator(TimeProvider.System, new GarminConnectEmulatorOptions { ActivityCount = 5, MfaEnabled = true });
        emulator.Sso.MfaCode = "123456";
        using var handler = emulator.CreateHandler();

        var login = await CliRun.RunAsync(
            temp.Path, ["garmin", "login", "--email", emulator.Sso.Email], input: emulator.Sso.Password + "\n123456\n", garminHandler: handler);

        Assert.That(login.ExitCode, Is.EqualTo(ExitCodes.Ok), login.ToString());
        Assert.That(login.Out + login.Error, Does.Not.Contain(emulator.Sso.Password));
        Assert.That(emulator.Sso.SuccessfulLogins, Is.EqualTo(1));
    }

    [Test]
    public async Task Throttled_sso_login_exits_rate_limited_with_the_time_to_resume()
    {
        using var temp = new TempFolder();
        var run = await CliRun.RunAsync(
            temp.Path, ["garmin", "login", "--demo", "--email", "athlete@example.com"], input: "whatever\n",
            configureDemo: e => e.Sso.Mode = GarminSsoMode.RateLimited);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.RateLimited), run.ToString());
        Assert.That(run.Error, Does.Contain("Try again after"));
        Assert.That(run.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task Exhausted_data_api_budget_exits_rate_limited()
    {
        using var temp = new TempFolder();
        var run = await CliRun.RunAsync(temp.Path, ["garmin", "status", "--demo"], configureDemoOptions: o => o.DataApiRateLimit = 1);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.RateLimited), run.ToString());
    }

    [Test]
    public async Task Unknown_command_and_option_are_bad_usage()
    {
        using var temp = new TempFolder();
        Assert.That((await CliRun.RunAsync(temp.Path, ["garmin", "frobnicate"])).ExitCode, Is.EqualTo(ExitCodes.BadUsage));
        Assert.That((await CliRun.RunAsync(temp.Path, ["garmin", "status", "--no-such-option"])).ExitCode, Is.EqualTo(ExitCodes.BadUsage));
        Assert.That((await CliRun.RunAsync(temp.Path, ["garmin", "login", "--ticket", "ST-1", "--email", "a@b.c"])).ExitCode, Is.EqualTo(ExitCodes.BadUsage));
    }
}

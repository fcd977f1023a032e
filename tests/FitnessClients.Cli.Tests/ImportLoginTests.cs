using System.Text.Json;
using System.Text.Json.Nodes;
using FitnessClients.Testing;

namespace FitnessClients.Cli.Tests;

/// <summary><c>garmin login --import-garminconnect</c> and <c>--import-garth</c> with tokens the emulator issued.</summary>
public class ImportLoginTests
{
    [Test]
    public async Task Import_garminconnect_tokens_file_signs_in_without_a_new_login()
    {
        using var temp = new TempFolder();
        var emulator = new GarminConnectEmulator(TimeProvider.System, new GarminConnectEmulatorOptions { ActivityCount = 5 });
        using var handler = emulator.CreateHandler();
        var issued = emulator.IssueTokens();
        var tokensFolder = temp.Sub("garminconnect");
        Directory.CreateDirectory(tokensFolder);
        File.WriteAllText(Path.Combine(tokensFolder, "garmin_tokens.json"), new JsonObject
        {
            ["di_token"] = issued.AccessToken,
            ["di_refresh_token"] = issued.RefreshToken,
            ["di_client_id"] = issued.ClientId,
        }.ToJsonString());

        var login = await CliRun.RunAsync(temp.Path, ["garmin", "login", "--import-garminconnect", tokensFolder, "--json"], garminHandler: handler);

        Assert.That(login.ExitCode, Is.EqualTo(ExitCodes.Ok), login.ToString());
        using (var json = JsonDocument.Parse(login.Out))
        {
            Assert.That(json.RootElement.GetProperty("displayName").GetString(), Is.EqualTo("demo-athlete"));
            Assert.That(json.RootElement.GetProperty("source").GetString(), Is.EqualTo("garminconnect_import"));
            Assert.That(json.RootElement.GetProperty("expiresAt").GetDateTimeOffset(), Is.EqualTo(issued.ExpiresAt).Within(TimeSpan.FromSeconds(1)));
        }

        Assert.That(login.Out + login.Error, Does.Not.Contain(issued.AccessToken).And.Not.Contain(issued.RefreshToken));
        Assert.That(emulator.ServiceTicketExchanges, Is.Zero);
        Assert.That(emulator.Sso.SuccessfulLogins, Is.Zero);

        var status = await CliRun.RunAsync(temp.Path, ["garmin", "status"], garminHandler: handler);
        Assert.That(status.ExitCode, Is.EqualTo(ExitCodes.Ok), status.ToString());
        Assert.That(status.Out, Does.Contain("demo-athlete"));
    }

    [Test]
    public async Task Import_garth_session_folder_with_a_valid_oauth2_token_signs_in()
    {
        using var temp = new TempFolder();
        var emulator = new GarminConnectEmulator(TimeProvider.System, new GarminConnectEmulatorOptions { ActivityCount = 5 });
        using var handler = emulator.CreateHandler();
        var issued = emulator.IssueTokens();
        var garth = temp.Sub("garth");
        Directory.CreateDirectory(garth);
        File.WriteAllText(Path.Combine(garth, "oauth1_token.json"), new JsonObject
        {
            ["oauth_token"] = "oauth1-" + Guid.NewGuid().ToString("N"),
            ["oauth_token_secret"] = "secret-" + Guid.NewGuid().ToString("N"),
            ["mfa_token"] = null,
            ["mfa_expiration_timestamp"] = null,
            ["domain"] = "garmin.com",
        }.ToJsonString());
        File.WriteAllText(Path.Combine(garth, "oauth2_token.json"), new JsonObject
        {
            ["scope"] = string.Join(' ', issued.Scopes),
            ["jti"] = Guid.NewGuid().ToString(),
            ["token_type"] = "Bearer",
            ["access_token"] = issued.AccessToken,
            ["refresh_token"] = issued.RefreshToken,
            ["expires_in"] = (long)(issued.ExpiresAt - DateTimeOffset.UtcNow).TotalSeconds,
            ["expires_at"] = issued.ExpiresAt.ToUnixTimeSeconds(),
            ["refresh_token_expires_in"] = 2591999,
            ["refresh_token_expires_at"] = issued.ExpiresAt.AddDays(29).ToUnixTimeSeconds(),
        }.ToJsonString());

        var login = await CliRun.RunAsync(temp.Path, ["garmin", "login", "--import-garth", garth, "--json"], garminHandler: handler);

        Assert.That(login.ExitCode, Is.EqualTo(ExitCodes.Ok), login.ToString());
        using (var json = JsonDocument.Parse(login.Out))
        {
            Assert.That(json.RootElement.GetProperty("displayName").GetString(), Is.EqualTo("demo-athlete"));
            Assert.That(json.RootElement.GetProperty("source").GetString(), Is.EqualTo("garth_import"));
        }

        Assert.That(login.Out + login.Error, Does.Not.Contain(issued.AccessToken));
        Assert.That(emulator.ServiceTicketExchanges, Is.Zero);

        var backup = await CliRun.RunAsync(temp.Path, ["garmin", "backup", "--backup-dir", temp.Sub("backup"), "--format", "json", "--json"], garminHandler: handler);
        Assert.That(backup.ExitCode, Is.EqualTo(ExitCodes.Ok), backup.ToString());
    }

    [Test]
    public async Task Import_from_a_missing_location_fails_without_a_stack_trace()
    {
        using var temp = new TempFolder();
        var emulator = new GarminConnectEmulator(TimeProvider.System, new GarminConnectEmulatorOptions { ActivityCount = 5 });
        using var handler = emulator.CreateHandler();

        var garminconnect = await CliRun.RunAsync(temp.Path, ["garmin", "login", "--import-garminconnect", temp.Sub("nothing-here")], garminHandler: handler);
        var garth = await CliRun.RunAsync(temp.Path, ["garmin", "login", "--import-garth", temp.Sub("nothing-here")], garminHandler: handler);

        Assert.That(garminconnect.ExitCode, Is.Not.EqualTo(ExitCodes.Ok), garminconnect.ToString());
        Assert.That(garth.ExitCode, Is.Not.EqualTo(ExitCodes.Ok), garth.ToString());
        Assert.That(garminconnect.Error + garth.Error, Does.Not.Contain("   at "));
        Assert.That(Directory.Exists(Path.Combine(temp.Path, "tokens")) ? Directory.GetFiles(Path.Combine(temp.Path, "tokens")) : [], Is.Empty);
    }
}

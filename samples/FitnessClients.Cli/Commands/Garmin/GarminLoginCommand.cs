using Spectre.Console;
using System.CommandLine;
using System.Globalization;
using FitnessClients.Cli.Garmin;
using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect.Auth;

namespace FitnessClients.Cli.Commands.Garmin;

/// <summary><c>fitness garmin login</c>: gets a token by one of the four routes and stores it.</summary>
public static class GarminLoginCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(GarminCommandSet app)
    {
        var ticket = new Option<string?>("--ticket") { Description = "A service ticket (ST-...) copied from the browser's sign-in response" };
        var importGarminConnect = new Option<string?>("--import-garminconnect") { Description = "Import python-garminconnect tokens (a folder, garmin_tokens.json, or the JSON)" };
        var importGarth = new Option<string?>("--import-garth") { Description = "Import a garth session (a folder like ~/.garth, or GARTH_TOKEN's base64)" };
        var email = new Option<string?>("--email") { Description = "Sign in with email and password (prompted; best effort, Garmin usually blocks it)" };
        var serviceUrl = new Option<string?>("--service-url") { Description = "The SSO service the ticket was issued for (default: the mobile app's)" };
        var command = new Command("login", "Sign in to Garmin Connect and store the token")
        {
            ticket, importGarminConnect, importGarth, email, serviceUrl,
        };

        command.SetAction((parseResult, cancellationToken) => app.RunAsync(parseResult, interactive: true, async (context, garmin) =>
        {
            var routes = new[] { ticket, importGarminConnect, importGarth, email }.Where(o => parseResult.GetValue(o) is not null).ToList();
            if (routes.Count > 1)
            {
                throw new CliUsageException($"choose one of --ticket, --import-garminconnect, --import-garth, --email (got {string.Join(", ", routes.Select(r => r.Name))})");
            }

            var authOptions = new GarminAuthenticatorOptions();
            if (parseResult.GetValue(serviceUrl) is { } url)
            {
                authOptions.ServiceUrl = new Uri(url);
            }

            using var auth = new GarminAuthenticator(garmin.Options, authOptions);
            OAuthToken token;
            if (parseResult.GetValue(importGarminConnect) is { } gc)
            {
                token = await auth.ImportGarminConnectTokensAsync(ConfigPathsExpand(app, gc), cancellationToken);
            }
            else if (parseResult.GetValue(importGarth) is { } garth)
            {
                token = await auth.ImportGarthSessionAsync(ConfigPathsExpand(app, garth), cancellationToken);
            }
            else if (parseResult.GetValue(email) is { } address)
            {
                if (garmin.IsDemo)
                {
                    app.Environment.Error.WriteLine($"demo: the emulator's account is {garmin.Emulator!.Sso.Email}, password '{garmin.Emulator.Sso.Password}'");
                }

                var password = app.Prompt("Password:", secret: true);
                token = await auth.LoginAsync(address, password, _ => ValueTask.FromResult(app.Prompt("MFA code:", secret: true)), cancellationToken);
            }
            else
            {
                var value = parseResult.GetValue(ticket)
                    ?? (garmin.IsDemo ? garmin.Emulator!.IssueServiceTicket() : app.Prompt("Paste the service ticket (ST-...):", secret: true));
                token = await auth.LoginWithTicketAsync(value, cancellationToken);
            }

            using var client = garmin.CreateClient();
            var me = await client.Profile.GetSocialProfileAsync(cancellationToken);
            var result = new LoginResult(
                me.DisplayName, garmin.Options.TokenKey, garmin.TokenDirectory, token.ExpiresAt,
                token.Extras.GetValueOrDefault("source"), garmin.IsDemo);
            if (context.Json)
            {
                app.WriteJson(result);
            }
            else
            {
                app.Environment.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Signed in as {me.DisplayName}. Token '{result.TokenKey}' stored in {result.TokenDirectory}, expires {token.ExpiresAt:yyyy-MM-dd HH:mm zzz}."));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string ConfigPathsExpand(GarminCommandSet app, string value) =>
        Configuration.ConfigPaths.ExpandHome(value, app.Environment);

    /// <summary>What <c>login --json</c> prints.</summary>
    public sealed record LoginResult(string? DisplayName, string TokenKey, string TokenDirectory, DateTimeOffset? ExpiresAt, string? Source, bool Demo);
}

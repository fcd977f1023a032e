using System.CommandLine;
using FitnessClients.Strava.Auth;
using Spectre.Console;

namespace FitnessClients.Cli.Commands.Strava;

/// <summary>
/// <c>fitness strava logout</c>: revokes the application's access (<c>POST /oauth/deauthorize</c>, which ends every token
/// of the grant) and deletes the stored token; <c>--local</c> only deletes the local copy.
/// </summary>
public static class StravaLogoutCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(StravaCommandSet app)
    {
        var local = new Option<bool>("--local") { Description = "Only delete the stored token; leave the app authorized on Strava" };
        var command = new Command("logout", "Revoke the app's access on Strava and delete the stored token") { local };
        command.SetAction((parseResult, cancellationToken) => app.RunAsync(parseResult, interactive: true, async (context, strava) =>
        {
            var store = strava.Options.TokenStore!;
            bool existed;
            var revoked = false;
            if (parseResult.GetValue(local))
            {
                existed = await store.LoadAsync(strava.Options.TokenKey, cancellationToken) is not null;
                await store.DeleteAsync(strava.Options.TokenKey, cancellationToken);
            }
            else
            {
                strava.RequireAppCredentials();
                existed = await store.LoadAsync(strava.Options.TokenKey, cancellationToken) is not null;
                using var auth = new StravaAuthenticator(strava.Options);
                revoked = await auth.DeauthorizeAsync(cancellationToken);
            }

            if (context.Json)
            {
                app.WriteJson(new LogoutResult(existed, revoked, strava.Options.TokenKey, strava.TokenDirectory));
            }
            else if (!existed)
            {
                app.Environment.Console.WriteLine($"No token '{strava.Options.TokenKey}' in {strava.TokenDirectory}; nothing to do.");
            }
            else
            {
                app.Environment.Console.WriteLine(revoked
                    ? $"Signed out: Strava revoked the app's access and token '{strava.Options.TokenKey}' was deleted from {strava.TokenDirectory}."
                    : $"Signed out: token '{strava.Options.TokenKey}' deleted from {strava.TokenDirectory}" +
                      (parseResult.GetValue(local) ? " (the app stays authorized on Strava)." : " (Strava no longer accepted it)."));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>What <c>logout --json</c> prints.</summary>
    public sealed record LogoutResult(bool Deleted, bool Revoked, string TokenKey, string TokenDirectory);
}

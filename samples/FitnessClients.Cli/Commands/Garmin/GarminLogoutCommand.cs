using Spectre.Console;
using System.CommandLine;
using FitnessClients.GarminConnect.Auth;

namespace FitnessClients.Cli.Commands.Garmin;

/// <summary><c>fitness garmin logout</c>: deletes the stored token (Garmin has no revocation for these tokens).</summary>
public static class GarminLogoutCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(GarminCommandSet app)
    {
        var command = new Command("logout", "Delete the stored Garmin token");
        command.SetAction((parseResult, cancellationToken) => app.RunAsync(parseResult, interactive: true, async (context, garmin) =>
        {
            using var auth = new GarminAuthenticator(garmin.Options);
            var deleted = await auth.LogoutAsync(cancellationToken);
            if (context.Json)
            {
                app.WriteJson(new LogoutResult(deleted, garmin.Options.TokenKey, garmin.TokenDirectory));
            }
            else
            {
                app.Environment.Console.WriteLine(deleted
                    ? $"Signed out: token '{garmin.Options.TokenKey}' deleted from {garmin.TokenDirectory}."
                    : $"No token '{garmin.Options.TokenKey}' in {garmin.TokenDirectory}; nothing to do.");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>What <c>logout --json</c> prints.</summary>
    public sealed record LogoutResult(bool Deleted, string TokenKey, string TokenDirectory);
}

using Spectre.Console;
using System.CommandLine;
using FitnessClients.FitTrackee.Auth;

namespace FitnessClients.Cli.Commands.FitTrackee;

/// <summary><c>fitness fittrackee logout</c>: revokes the token at the instance and deletes it locally.</summary>
public static class FitTrackeeLogoutCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(FitTrackeeCommandSet app)
    {
        var command = new Command("logout", "Revoke the FitTrackee token at the instance and delete it");
        command.SetAction((parseResult, cancellationToken) => app.RunAsync(parseResult, interactive: true, async (context, fittrackee) =>
        {
            await fittrackee.EnsureDemoSignedInAsync(cancellationToken);
            using var auth = new FitTrackeeAuthenticator(fittrackee.Options);
            var revoked = await auth.RevokeAsync(cancellationToken);
            if (context.Json)
            {
                app.WriteJson(new LogoutResult(revoked, fittrackee.Options.TokenKey, fittrackee.TokenDirectory));
            }
            else
            {
                app.Environment.Console.WriteLine(revoked
                    ? $"Signed out: token '{fittrackee.Options.TokenKey}' revoked and deleted from {fittrackee.TokenDirectory}."
                    : $"No token '{fittrackee.Options.TokenKey}' in {fittrackee.TokenDirectory}; nothing to do.");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>What <c>logout --json</c> prints.</summary>
    public sealed record LogoutResult(bool Revoked, string TokenKey, string TokenDirectory);
}

using Spectre.Console;
using System.CommandLine;

namespace FitnessClients.Cli.Commands.Runkeeper;

/// <summary><c>fitness runkeeper logout</c>: deletes the stored token, and with <c>--revoke</c> disconnects the app at Runkeeper first.</summary>
public static class RunkeeperLogoutCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(RunkeeperCommandSet app)
    {
        var revoke = new Option<bool>("--revoke") { Description = "Also disconnect the app at Runkeeper (POST /apps/de-authorize); needs the token's own app" };
        var command = new Command("logout", "Delete the stored Runkeeper token") { revoke };
        command.SetAction((parseResult, cancellationToken) => app.RunAsync(parseResult, interactive: true, async (context, runkeeper) =>
        {
            bool deleted;
            var revoked = false;
            if (parseResult.GetValue(revoke))
            {
                await runkeeper.EnsureDemoSignedInAsync(cancellationToken);
                using var auth = runkeeper.CreateAuthenticator();
                revoked = await auth.DeauthorizeAsync(cancellationToken);
                deleted = true;
            }
            else
            {
                deleted = await runkeeper.Options.TokenStore!.DeleteAsync(runkeeper.Options.TokenKey, cancellationToken);
            }

            if (context.Json)
            {
                app.WriteJson(new LogoutResult(deleted, revoked, runkeeper.Options.TokenKey, runkeeper.TokenDirectory));
            }
            else
            {
                app.Environment.Console.WriteLine(revoked
                    ? $"Disconnected at Runkeeper; token '{runkeeper.Options.TokenKey}' deleted."
                    : deleted ? $"Token '{runkeeper.Options.TokenKey}' deleted from {runkeeper.TokenDirectory}." : $"No token '{runkeeper.Options.TokenKey}' in {runkeeper.TokenDirectory}; nothing to do.");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>What <c>logout --json</c> prints.</summary>
    public sealed record LogoutResult(bool Deleted, bool Revoked, string TokenKey, string TokenDirectory);
}

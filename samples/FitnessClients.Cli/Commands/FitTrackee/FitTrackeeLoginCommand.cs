using Spectre.Console;
using System.CommandLine;
using System.Globalization;
using FitnessClients.Core.Tokens;
using FitnessClients.FitTrackee.Auth;

namespace FitnessClients.Cli.Commands.FitTrackee;

/// <summary><c>fitness fittrackee login</c>: OAuth sign-in on the instance (browser with a loopback redirect, or paste the address).</summary>
public static class FitTrackeeLoginCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(FitTrackeeCommandSet app)
    {
        var paste = new Option<bool>("--paste") { Description = "Do not listen for the redirect: print the address, then paste the address the browser ends on" };
        var noBrowser = new Option<bool>("--no-browser") { Description = "Print the address instead of opening a browser (the redirect is still caught on the loopback URI)" };
        var command = new Command("login", "Sign in to your FitTrackee instance (OAuth app registered under Settings → Apps) and store the token") { paste, noBrowser };
        command.SetAction((parseResult, cancellationToken) => app.RunAsync(parseResult, interactive: true, async (context, fittrackee) =>
        {
            using var auth = new FitTrackeeAuthenticator(fittrackee.Options);
            OAuthToken token;
            if (fittrackee.IsDemo)
            {
                token = await fittrackee.SignInThroughDemoPageAsync(auth, cancellationToken);
            }
            else if (parseResult.GetValue(paste) || fittrackee.Options.RedirectUri is not { IsLoopback: true })
            {
                var pending = auth.BeginLogin();
                app.Environment.Error.WriteLine("Open this address, sign in and press Authorize:");
                app.Environment.Error.WriteLine(pending.AuthorizationUrl.AbsoluteUri);
                app.Environment.Error.WriteLine("FitTrackee then sends the browser to the app's first registered redirect URI; the page may fail to load.");
                var landed = app.Prompt("Paste the address the browser ended on:", secret: true);
                token = await auth.CompleteLoginAsync(pending, landed, cancellationToken);
            }
            else
            {
                var quiet = parseResult.GetValue(noBrowser);
                token = await auth.LoginWithBrowserAsync(
                    url =>
                    {
                        if (quiet || !app.TryOpenBrowser(url))
                        {
                            app.Environment.Error.WriteLine("Open this address in a browser on this machine, sign in and press Authorize:");
                            app.Environment.Error.WriteLine(url.AbsoluteUri);
                        }
                    },
                    cancellationToken: cancellationToken);
            }

            using var client = fittrackee.CreateClient();
            var profile = await client.Profile.GetAsync(cancellationToken);
            var result = new LoginResult(profile.Username, fittrackee.Options.EffectiveBaseAddress.AbsoluteUri, fittrackee.Options.TokenKey, fittrackee.TokenDirectory, token.ExpiresAt, [.. token.Scopes], fittrackee.IsDemo);
            if (context.Json)
            {
                app.WriteJson(result);
            }
            else
            {
                app.Environment.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Signed in to {result.Instance} as {profile.Username}. Token '{result.TokenKey}' stored in {result.TokenDirectory}, expires {token.ExpiresAt:yyyy-MM-dd HH:mm zzz}; use the SDK at least every 20 days to keep the sign-in alive."));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>What <c>login --json</c> prints.</summary>
    public sealed record LoginResult(string? Username, string Instance, string TokenKey, string TokenDirectory, DateTimeOffset? ExpiresAt, IReadOnlyList<string> Scopes, bool Demo);
}

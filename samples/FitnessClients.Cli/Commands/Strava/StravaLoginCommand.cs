using System.CommandLine;
using System.Globalization;
using FitnessClients.Cli.Strava;
using FitnessClients.Core;
using FitnessClients.Core.OAuth;
using FitnessClients.Core.Tokens;
using FitnessClients.Strava.Auth;
using Spectre.Console;

namespace FitnessClients.Cli.Commands.Strava;

/// <summary>
/// <c>fitness strava login</c>: authorizes the API application in a browser (Core's loopback listener catches the
/// redirect), or with <c>--paste</c> on a machine without one (the athlete pastes the address the browser ended on).
/// </summary>
public static class StravaLoginCommand
{
    private static readonly string[] KnownScopes =
    [
        StravaScopes.Read, StravaScopes.ReadAll, StravaScopes.ProfileReadAll, StravaScopes.ActivityRead, StravaScopes.ActivityReadAll, StravaScopes.ActivityWrite,
    ];

    /// <summary>Builds the command.</summary>
    public static Command Create(StravaCommandSet app)
    {
        var paste = new Option<bool>("--paste") { Description = "No browser on this machine: print the address to open elsewhere, then paste the address the browser ends on" };
        var scope = new Option<string[]>("--scope")
        {
            Description = $"Scopes to ask for, comma-separated or repeated (default: {string.Join(",", StravaScopes.Backup)}; add activity:write to upload)",
            AllowMultipleArgumentsPerToken = true,
        };
        var force = new Option<bool>("--force-prompt") { Description = "Show Strava's consent page even if the app is already authorized (to change the ticked scopes)" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the browser's redirect (default 300)", DefaultValueFactory = _ => 300 };
        var command = new Command("login", "Authorize the Strava API application and store the token") { paste, scope, force, timeout };

        command.SetAction((parseResult, cancellationToken) => app.RunAsync(parseResult, interactive: true, async (context, strava) =>
        {
            strava.RequireAppCredentials();
            var scopes = Scopes(parseResult.GetValue(scope));
            var prompt = parseResult.GetValue(force) ? StravaApprovalPrompt.Force : StravaApprovalPrompt.Auto;
            var seconds = parseResult.GetValue(timeout);
            if (seconds < 1)
            {
                throw new CliUsageException("--timeout must be at least 1 second");
            }

            using var auth = new StravaAuthenticator(strava.Options);
            OAuthToken token;
            try
            {
                token = strava.IsDemo
                    ? await DemoLoginAsync(app, strava, auth, scopes, prompt, cancellationToken)
                    : parseResult.GetValue(paste)
                        ? await PasteLoginAsync(app, auth, scopes, prompt, cancellationToken)
                        : await BrowserLoginAsync(app, auth, scopes, prompt, TimeSpan.FromSeconds(seconds), cancellationToken);
            }
            catch (OAuthCallbackException ex) when (ex.Reason == OAuthCallbackFailure.AccessDenied)
            {
                throw new AuthenticationRequiredException("Strava reports that the authorization was declined on its page; run login again and press Authorize.", ex) { Service = "strava" };
            }

            using var client = strava.CreateClient();
            var athlete = await client.Athlete.GetAsync(cancellationToken);
            var missing = StravaScopeCheck.Missing(token, StravaScopes.Backup);
            var result = new LoginResult(
                athlete.Id, $"{athlete.Firstname} {athlete.Lastname}".Trim(), strava.Options.TokenKey, strava.TokenDirectory, token.ExpiresAt,
                [.. token.Scopes], [.. missing], strava.IsDemo);
            if (context.Json)
            {
                app.WriteJson(result);
            }
            else
            {
                app.Environment.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Signed in as {result.Athlete} (athlete {result.AthleteId}). Granted scopes: {string.Join(",", result.Scopes)}. Token '{result.TokenKey}' stored in {result.TokenDirectory}."));
            }

            if (missing.Count > 0)
            {
                app.Warn($"a backup needs {string.Join(",", missing)}, which was not granted: private activities or the profile will be missing. Run 'fitness strava login --force-prompt' and tick every box.");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static List<string> Scopes(string[]? given)
    {
        var scopes = BackupCommandHelpers.Split(given);
        if (scopes.Count == 0)
        {
            return [.. StravaScopes.Backup];
        }

        foreach (var s in scopes.Where(s => !KnownScopes.Contains(s, StringComparer.Ordinal)))
        {
            throw new CliUsageException($"unknown Strava scope '{s}' (use {string.Join(", ", KnownScopes)})");
        }

        return scopes;
    }

    private static async Task<OAuthToken> BrowserLoginAsync(
        StravaCommandSet app, StravaAuthenticator auth, List<string> scopes, StravaApprovalPrompt prompt, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await auth.LoginWithBrowserAsync(
                uri =>
                {
                    if (!app.TryOpenBrowser(uri))
                    {
                        throw new BrowserUnavailableException();
                    }

                    app.Environment.Error.WriteLine("Approve the access in the browser window that opened. If none opened, open this address on this machine:");
                    app.Environment.Error.WriteLine(uri.AbsoluteUri);
                    app.Environment.Error.WriteLine("(If the browser runs on another machine, stop and use 'fitness strava login --paste'.)");
                },
                scopes,
                timeout,
                prompt,
                cancellationToken);
        }
        catch (BrowserUnavailableException)
        {
            app.Environment.Error.WriteLine("No browser could be started here; falling back to copy and paste.");
            return await PasteLoginAsync(app, auth, scopes, prompt, cancellationToken);
        }
    }

    private static async Task<OAuthToken> PasteLoginAsync(
        StravaCommandSet app, StravaAuthenticator auth, List<string> scopes, StravaApprovalPrompt prompt, CancellationToken cancellationToken)
    {
        var url = auth.CreateHeadlessAuthorizationUrl(scopes, approvalPrompt: prompt);
        app.Environment.Error.WriteLine("1. Open this address in any browser and press Authorize:");
        app.Environment.Error.WriteLine(url.AbsoluteUri);
        app.Environment.Error.WriteLine("2. The browser then tries to load http://localhost/?state=...&code=... and fails; that is expected.");
        app.Environment.Error.WriteLine("   Copy that whole address from the address bar and paste it here.");
        var pasted = app.Prompt("Address the browser ended on:", secret: true);
        return await auth.LoginWithPastedUrlAsync(url, pasted, cancellationToken);
    }

    /// <summary>The whole sign-in against the in-process emulator, with the emulator's consent page approving by itself.</summary>
    private static async Task<OAuthToken> DemoLoginAsync(
        StravaCommandSet app, StravaContext strava, StravaAuthenticator auth, List<string> scopes, StravaApprovalPrompt prompt, CancellationToken cancellationToken)
    {
        var url = auth.CreateHeadlessAuthorizationUrl(scopes, approvalPrompt: prompt);
        using var browser = strava.Emulator!.CreateClient();
        using var response = await browser.GetAsync(url, cancellationToken);
        var redirect = response.Headers.Location
            ?? throw new InvalidOperationException($"the demo emulator answered the authorization with {(int)response.StatusCode} instead of a redirect");
        app.Environment.Error.WriteLine("demo: the emulator's consent page approved the request; exchanging the code");
        return await auth.LoginWithPastedUrlAsync(url, redirect.AbsoluteUri, cancellationToken);
    }

    /// <summary>What <c>login --json</c> prints.</summary>
    public sealed record LoginResult(
        long? AthleteId, string Athlete, string TokenKey, string TokenDirectory, DateTimeOffset? ExpiresAt,
        IReadOnlyList<string> Scopes, IReadOnlyList<string> MissingForBackup, bool Demo);

    private sealed class BrowserUnavailableException : Exception
    {
        public BrowserUnavailableException()
            : base("no browser could be started")
        {
        }
    }
}

using Spectre.Console;
using System.CommandLine;
using FitnessClients.Cli.Runkeeper;
using FitnessClients.Core;
using FitnessClients.Core.OAuth;
using FitnessClients.Runkeeper;

namespace FitnessClients.Cli.Commands.Runkeeper;

/// <summary>
/// <c>fitness runkeeper login</c>: stores a bearer token the user already has (the usual route: Runkeeper registers no new
/// API apps), or runs the authorization-code exchange for owners of a Health Graph app; then checks it with <c>/user</c>.
/// </summary>
public static class RunkeeperLoginCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(RunkeeperCommandSet app)
    {
        var token = new Option<string?>("--token") { Description = "An access token you already have (prompted, hidden, when neither --token nor --code-exchange is given)" };
        var codeExchange = new Option<bool>("--code-exchange") { Description = "Authorize your own Health Graph app: prints the address to open, then asks for the redirected URL" };
        var clientId = new Option<string?>("--client-id") { Description = "Your app's client id (env FITNESSCLIENTS_RUNKEEPER_CLIENT_ID; the secret comes from FITNESSCLIENTS_RUNKEEPER_CLIENT_SECRET or a prompt)" };
        var redirectUri = new Option<string?>("--redirect-uri") { Description = "A redirect URI registered for your app (default http://localhost/)" };
        var command = new Command("login", "Store a Runkeeper token (an existing one, or through your own app's code exchange) and check it")
        {
            token, codeExchange, clientId, redirectUri,
        };

        command.SetAction((parseResult, cancellationToken) => app.RunAsync(parseResult, interactive: true, async (context, runkeeper) =>
        {
            if (parseResult.GetValue(token) is not null && parseResult.GetValue(codeExchange))
            {
                throw new CliUsageException("choose one of --token and --code-exchange");
            }

            using var auth = runkeeper.CreateAuthenticator();
            string route;
            if (parseResult.GetValue(codeExchange))
            {
                route = "code-exchange";
                if (parseResult.GetValue(clientId) is { } id)
                {
                    runkeeper.Options.ClientId = id;
                }

                if (string.IsNullOrWhiteSpace(runkeeper.Options.ClientId))
                {
                    throw new CliUsageException("--code-exchange needs your app's client id: --client-id, FITNESSCLIENTS_RUNKEEPER_CLIENT_ID or runkeeper.clientId in config.json");
                }

                if (string.IsNullOrWhiteSpace(runkeeper.Options.ClientSecret))
                {
                    runkeeper.Options.ClientSecret = app.Prompt("Client secret:", secret: true);
                }

                var redirect = parseResult.GetValue(redirectUri) is { } r
                    ? Uri.TryCreate(r, UriKind.Absolute, out var parsed) ? parsed : throw new CliUsageException($"--redirect-uri must be an absolute URL, not '{r}'")
                    : new Uri("http://localhost/");
                var request = auth.CreateAuthorizationRequest(redirect);
                var address = request.BuildUri();
                app.Environment.Error.WriteLine("Open this address, allow access, then paste the address the browser was sent to (it may fail to load; copy it anyway):");
                app.Environment.Error.WriteLine(address.AbsoluteUri);
                var pasted = runkeeper.Emulator is { } emulator ? await DemoBrowserAsync(emulator, address, cancellationToken) : app.Prompt("Redirected URL:", secret: true);
                var callback = AuthorizationCallback.ParseRedirectUrl(pasted, request.State);
                await auth.ExchangeCodeAsync(callback, redirect, cancellationToken);
            }
            else
            {
                route = "token";
                var value = parseResult.GetValue(token)
                    ?? (runkeeper.Emulator is { } emulator ? emulator.IssueAccessToken() : app.Prompt("Runkeeper access token:", secret: true));
                await auth.StoreAccessTokenAsync(value, cancellationToken);
            }

            long? userId;
            try
            {
                using var client = runkeeper.CreateClient();
                userId = (await client.User.GetAsync(cancellationToken)).UserId;
            }
            catch (AuthenticationRequiredException)
            {
                await runkeeper.Options.TokenStore!.DeleteAsync(runkeeper.Options.TokenKey, cancellationToken);
                throw new AuthenticationRequiredException("Runkeeper refused the token (401); it was not kept. Check that it is the access token, not a client secret, and that the app is still connected.")
                {
                    Service = "runkeeper",
                };
            }

            var result = new LoginResult(userId, runkeeper.Options.TokenKey, runkeeper.TokenDirectory, route, runkeeper.IsDemo);
            if (context.Json)
            {
                app.WriteJson(result);
            }
            else
            {
                app.Environment.Console.WriteLine($"Runkeeper user {userId}: token '{result.TokenKey}' stored in {result.TokenDirectory} (Runkeeper tokens do not expire).");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>In demo mode the emulator's authorize page stands in for the browser: its redirect is the "pasted" URL.</summary>
    private static async Task<string> DemoBrowserAsync(FitnessClients.Testing.RunkeeperEmulator emulator, Uri address, CancellationToken cancellationToken)
    {
        using var browser = emulator.CreateClient();
        using var response = await browser.GetAsync(address, cancellationToken);
        return response.Headers.Location?.AbsoluteUri ?? throw new CliUsageException("the demo authorize page did not redirect");
    }

    /// <summary>What <c>login --json</c> prints.</summary>
    public sealed record LoginResult(long? UserId, string TokenKey, string TokenDirectory, string Route, bool Demo);
}

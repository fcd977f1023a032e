using System.CommandLine;
using System.Globalization;
using FitnessClients.Cli.Strava;
using FitnessClients.Strava.Auth;
using FitnessClients.Strava.RateLimits;
using Spectre.Console;

namespace FitnessClients.Cli.Commands.Strava;

/// <summary>
/// <c>fitness strava status</c>: the signed-in athlete, the granted scopes, the token's expiry, and what is left of the
/// application's 15-minute and daily budgets (read from Strava's headers on the one request status makes).
/// </summary>
public static class StravaStatusCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(StravaCommandSet app)
    {
        var command = new Command("status", "Show the signed-in athlete, the granted scopes and the remaining 15-minute and daily request budget");
        command.SetAction((parseResult, cancellationToken) => app.RunAsync(parseResult, interactive: true, async (context, strava) =>
        {
            await strava.EnsureDemoSignedInAsync(cancellationToken);
            var stored = await strava.LoadTokenAsync(cancellationToken);
            using var client = strava.CreateClient();
            var athlete = await client.Athlete.GetAsync(cancellationToken);
            var token = await strava.Options.TokenStore!.LoadAsync(strava.Options.TokenKey, cancellationToken) ?? stored;   // a refresh may have rotated it
            var rate = strava.RateLimitPolicy.GetStatus();
            var windows = rate.Windows.Select(w => new RateWindow(w.Name, StravaRateWait.WindowText(w.Name), w.Limit, w.Used, w.Remaining, w.ResetsAt)).ToList();
            var result = new StatusResult(
                athlete.Id, $"{athlete.Firstname} {athlete.Lastname}".Trim(), strava.Options.TokenKey, strava.TokenDirectory, token.ExpiresAt,
                [.. token.Scopes], [.. StravaScopeCheck.Missing(token, StravaScopes.Backup)], windows, rate.CooldownUntil, strava.IsDemo);
            if (context.Json)
            {
                app.WriteJson(result);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumn("Strava").AddColumn("");
            table.AddRow("Athlete", Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{result.Athlete} (id {result.AthleteId})")));
            table.AddRow("Token", Markup.Escape($"'{result.TokenKey}' in {result.TokenDirectory}"));
            table.AddRow("Access token expires", Markup.Escape(Local(token.ExpiresAt) + " (refreshed by itself)"));
            table.AddRow("Granted scopes", Markup.Escape(result.Scopes.Count == 0 ? "none recorded" : string.Join(",", result.Scopes)));
            if (result.MissingForBackup.Count > 0)
            {
                table.AddRow("Missing for a backup", Markup.Escape(string.Join(",", result.MissingForBackup) + " (fitness strava login --force-prompt)"));
            }

            foreach (var window in OrderForDisplay(windows))
            {
                table.AddRow(
                    Markup.Escape($"Budget, {window.Description}"),
                    Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{window.Remaining} of {window.Limit} left, resets {Local(window.ResetsAt)}")));
            }

            if (rate.CooldownUntil is { } until)
            {
                table.AddRow("Paused after a 429 until", Markup.Escape(Local(until)));
            }

            app.Environment.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static IEnumerable<RateWindow> OrderForDisplay(IEnumerable<RateWindow> windows) =>
        windows.OrderBy(w => w.Name switch
        {
            StravaRateLimits.Read15Minutes => 0,
            StravaRateLimits.ReadDaily => 1,
            StravaRateLimits.Overall15Minutes => 2,
            _ => 3,
        });

    private static string Local(DateTimeOffset? at) =>
        at?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) ?? "unknown";

    /// <summary>What <c>status --json</c> prints.</summary>
    public sealed record StatusResult(
        long? AthleteId, string Athlete, string TokenKey, string TokenDirectory, DateTimeOffset? ExpiresAt, IReadOnlyList<string> Scopes,
        IReadOnlyList<string> MissingForBackup, IReadOnlyList<RateWindow> RateLimit, DateTimeOffset? CooldownUntil, bool Demo);

    /// <summary>One rate-limit window of <see cref="StatusResult"/>.</summary>
    public sealed record RateWindow(string Name, string Description, int Limit, int Used, int Remaining, DateTimeOffset ResetsAt);
}

using System.CommandLine;
using System.Globalization;
using FitnessClients.Core;
using Spectre.Console;

namespace FitnessClients.Cli.Commands.Garmin;

/// <summary><c>fitness garmin status</c>: who is signed in, when the token expires, and the rate budget.</summary>
public static class GarminStatusCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(GarminCommandSet app)
    {
        var command = new Command("status", "Show the signed-in account, the token's expiry and the rate budget");
        command.SetAction((parseResult, cancellationToken) => app.RunAsync(parseResult, interactive: true, async (context, garmin) =>
        {
            await garmin.EnsureDemoSignedInAsync(cancellationToken);
            var store = garmin.Options.TokenStore!;
            var stored = await store.LoadAsync(garmin.Options.TokenKey, cancellationToken)
                ?? throw new AuthenticationRequiredException($"no Garmin token '{garmin.Options.TokenKey}' in {garmin.TokenDirectory}") { Service = "garmin" };

            using var client = garmin.CreateClient();
            var me = await client.Profile.GetSocialProfileAsync(cancellationToken);
            var token = await store.LoadAsync(garmin.Options.TokenKey, cancellationToken) ?? stored;   // a refresh may have rotated it
            var rate = garmin.Options.RateLimitPolicy!.GetStatus();
            var result = new StatusResult(
                me.DisplayName, me.FullName, garmin.Options.TokenKey, garmin.TokenDirectory, token.ExpiresAt,
                token.Extras.GetValueOrDefault("source"), token.Extras.GetValueOrDefault("di_client_id"),
                [.. rate.Windows.Select(w => new RateWindow(w.Name, w.Limit, w.Used, w.Remaining, w.ResetsAt))], rate.CooldownUntil, garmin.IsDemo);
            if (context.Json)
            {
                app.WriteJson(result);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumn("Garmin").AddColumn("");
            table.AddRow("Account", Markup.Escape($"{me.DisplayName} ({me.FullName})"));
            table.AddRow("Token", Markup.Escape($"'{result.TokenKey}' in {result.TokenDirectory}"));
            table.AddRow("Expires", Markup.Escape(token.ExpiresAt?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) ?? "unknown"));
            table.AddRow("Source", Markup.Escape(result.Source ?? "unknown"));
            foreach (var window in result.RateLimit)
            {
                table.AddRow(Markup.Escape($"Rate '{window.Name}'"), string.Create(CultureInfo.InvariantCulture, $"{window.Remaining} of {window.Limit} left"));
            }

            if (rate.CooldownUntil is { } until)
            {
                table.AddRow("Cooldown until", until.ToString("u", CultureInfo.InvariantCulture));
            }

            app.Environment.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>What <c>status --json</c> prints.</summary>
    public sealed record StatusResult(
        string? DisplayName, string? FullName, string TokenKey, string TokenDirectory, DateTimeOffset? ExpiresAt, string? Source,
        string? DiClientId, IReadOnlyList<RateWindow> RateLimit, DateTimeOffset? CooldownUntil, bool Demo);

    /// <summary>One rate-limit window of <see cref="StatusResult"/>.</summary>
    public sealed record RateWindow(string Name, int Limit, int Used, int Remaining, DateTimeOffset ResetsAt);
}

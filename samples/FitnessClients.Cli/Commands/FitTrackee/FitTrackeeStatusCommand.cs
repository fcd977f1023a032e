using System.CommandLine;
using System.Globalization;
using FitnessClients.Core;
using Spectre.Console;

namespace FitnessClients.Cli.Commands.FitTrackee;

/// <summary><c>fitness fittrackee status</c>: the instance's version and limits, the signed-in user, the token.</summary>
public static class FitTrackeeStatusCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(FitTrackeeCommandSet app)
    {
        var command = new Command("status", "Show the instance's version and upload limit, the signed-in user and the token's expiry");
        command.SetAction((parseResult, cancellationToken) => app.RunAsync(parseResult, interactive: true, async (context, fittrackee) =>
        {
            await fittrackee.EnsureDemoSignedInAsync(cancellationToken);
            var store = fittrackee.Options.TokenStore!;
            _ = await store.LoadAsync(fittrackee.Options.TokenKey, cancellationToken)
                ?? throw new AuthenticationRequiredException($"no FitTrackee token '{fittrackee.Options.TokenKey}' in {fittrackee.TokenDirectory}; run 'fitness fittrackee login'") { Service = "fittrackee" };

            using var client = fittrackee.CreateClient();
            var config = await client.Config.GetAsync(cancellationToken: cancellationToken);
            var profile = await client.Profile.GetAsync(cancellationToken);
            var token = (await store.LoadAsync(fittrackee.Options.TokenKey, cancellationToken))!;   // a refresh may have rotated it
            var result = new StatusResult(
                fittrackee.Options.EffectiveBaseAddress.AbsoluteUri, config.Version, config.MaxSingleFileSize, profile.Username, profile.Timezone, profile.NbWorkouts,
                fittrackee.Options.TokenKey, fittrackee.TokenDirectory, token.ExpiresAt, [.. token.Scopes], fittrackee.IsDemo);
            if (context.Json)
            {
                app.WriteJson(result);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumn("FitTrackee").AddColumn("");
            table.AddRow("Instance", Markup.Escape($"{result.Instance} (version {config.Version ?? "unknown"})"));
            table.AddRow("Upload limit", Markup.Escape(config.MaxSingleFileSize is { } max ? string.Create(CultureInfo.InvariantCulture, $"{max} bytes per request") : "unknown"));
            table.AddRow("User", Markup.Escape($"{profile.Username} ({profile.NbWorkouts} workouts, timezone {profile.Timezone ?? "UTC"})"));
            table.AddRow("Token", Markup.Escape($"'{result.TokenKey}' in {result.TokenDirectory}"));
            table.AddRow("Expires", Markup.Escape(token.ExpiresAt?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) ?? "unknown"));
            table.AddRow("Scopes", Markup.Escape(string.Join(' ', token.Scopes)));
            app.Environment.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>What <c>status --json</c> prints.</summary>
    public sealed record StatusResult(
        string Instance, string? Version, long? MaxSingleFileSize, string? Username, string? Timezone, int? Workouts,
        string TokenKey, string TokenDirectory, DateTimeOffset? ExpiresAt, IReadOnlyList<string> Scopes, bool Demo);
}

using Spectre.Console;
using System.CommandLine;
using FitnessClients.Backup;
using FitnessClients.Cli.Configuration;
using FitnessClients.Core.Activities;
using FitnessClients.FitTrackee;

namespace FitnessClients.Cli.Commands.FitTrackee;

/// <summary><c>fitness fittrackee backup</c>: an incremental backup of the FitTrackee account on the backup engine.</summary>
public static class FitTrackeeBackupCommand
{
    /// <summary>The accepted <c>--format</c> values.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["json", "details", "gpx", "original"];

    /// <summary>Builds the command.</summary>
    public static Command Create(FitTrackeeCommandSet app)
    {
        var backupDir = new Option<string?>("--backup-dir", "-d") { Description = "The backup folder (env FITNESSCLIENTS_FITTRACKEE_BACKUP_DIR, config fittrackee.backupDir)" };
        var format = new Option<string[]>("--format", "-f")
        {
            Description = "Formats to keep, comma-separated or repeated: json (list summary), details (full workout with notes), gpx, original (default: details,gpx,original)",
            AllowMultipleArgumentsPerToken = true,
        };
        var fullScan = new Option<bool>("--full-scan") { Description = "List everything again (catches workouts added late with old dates)" };
        var command = new Command("backup", "Back up workouts into a folder, incrementally") { backupDir, format, fullScan };
        command.SetAction((parseResult, cancellationToken) => app.RunAsync(parseResult, interactive: false, async (context, fittrackee) =>
        {
            var folder = parseResult.GetValue(backupDir) ?? context.Setting("FITNESSCLIENTS_FITTRACKEE_BACKUP_DIR", context.Config.FitTrackee.BackupDir)
                ?? throw new CliUsageException("--backup-dir is required (or set FITNESSCLIENTS_FITTRACKEE_BACKUP_DIR, or fittrackee.backupDir in config.json)");
            folder = Path.GetFullPath(ConfigPaths.ExpandHome(folder, app.Environment));
            var names = (parseResult.GetValue(format) ?? []).SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            var formats = (names.Count > 0 ? names : ["details", "gpx", "original"]).Select(ToFormat).Distinct().ToList();

            await fittrackee.EnsureDemoSignedInAsync(cancellationToken);
            BackupCommandHelpers.CreateFolder(folder);
            context.AddFileLog(folder);
            using var client = fittrackee.CreateClient();
            var engine = new BackupEngine(new FitTrackeeActivitySource(client), app.Environment.TimeProvider, null);
            var result = await engine.RunAsync(
                new BackupOptions
                {
                    BackupDirectory = folder,
                    Formats = formats,
                    FullScan = parseResult.GetValue(fullScan),
                    RequestCounter = fittrackee.Emulator is { } emulator ? () => emulator.Requests.Count() : null,
                },
                null,
                cancellationToken);
            if (context.Json)
            {
                app.WriteJson(new BackupRunResult(folder, fittrackee.IsDemo, result.Listed, result.Downloaded, result.Skipped, result.NotAvailable, result.Failed));
            }
            else
            {
                app.Environment.Console.WriteLine(
                    $"Backup of {fittrackee.Options.EffectiveBaseAddress.Host} in {folder}: {result.Listed} listed, {result.Downloaded} downloaded, {result.Skipped} already there, {result.NotAvailable} not available, {result.Failed} failed.");
            }

            return result.Failed > 0 ? ExitCodes.PartialSuccess : ExitCodes.Ok;
        }));
        return command;
    }

    private static ActivityFormat ToFormat(string name) => name.ToLowerInvariant() switch
    {
        "json" or "summary" => ActivityFormat.SummaryJson,
        "details" => ActivityFormat.DetailsJson,
        "gpx" => ActivityFormat.Gpx,
        "original" => ActivityFormat.Original,
        _ => throw new CliUsageException($"unknown format '{name}'; use {string.Join(", ", Formats)}"),
    };

    /// <summary>What <c>backup --json</c> prints.</summary>
    public sealed record BackupRunResult(string Folder, bool Demo, int Listed, int Downloaded, int Skipped, int NotAvailable, int Failed);
}

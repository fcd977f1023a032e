using System.CommandLine;
using System.Globalization;
using FitnessClients.Backup;
using FitnessClients.Cli.Configuration;
using FitnessClients.Cli.Garmin;
using FitnessClients.Core.Activities;
using FitnessClients.GarminConnect;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace FitnessClients.Cli.Commands.Garmin;

/// <summary>
/// <c>fitness garmin backup</c>: an incremental backup on the backup engine (garminbackup.py and gcexport.py in one).
/// </summary>
public static class GarminBackupCommand
{
    /// <summary>The accepted <c>--format</c> values.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["original", "fit", "gpx", "tcx", "kml", "csv", "json", "details"];

    /// <summary>Builds the command.</summary>
    public static Command Create(GarminCommandSet app)
    {
        var backupDir = new Option<string?>("--backup-dir", "-d") { Description = "The backup folder (env FITNESSCLIENTS_GARMIN_BACKUP_DIR, config garmin.backupDir)" };
        var format = new Option<string[]>("--format", "-f")
        {
            Description = "Formats to keep, comma-separated or repeated: original, fit, gpx, tcx, kml, csv, json (summary), details (default: original)",
            AllowMultipleArgumentsPerToken = true,
        };
        var keepZip = new Option<bool>("--keep-zip") { Description = "Keep originals as Garmin's ZIP (the default)" };
        var unzip = new Option<bool>("--unzip") { Description = "Keep the FIT/GPX/TCX file inside the original ZIP instead of the ZIP" };
        var backup = new BackupCommandOptions("Garmin", "running, cycling");
        var command = new Command("backup", "Back up activities into a folder, incrementally")
        {
            backupDir, format, keepZip, unzip,
        };
        backup.AddTo(command);

        command.SetAction((parseResult, cancellationToken) => app.RunAsync(parseResult, interactive: false, async (context, garmin) =>
        {
            var folder = parseResult.GetValue(backupDir) ?? context.Setting("FITNESSCLIENTS_GARMIN_BACKUP_DIR", context.Config.Garmin.BackupDir)
                ?? throw new CliUsageException("--backup-dir is required (or set FITNESSCLIENTS_GARMIN_BACKUP_DIR, or garmin.backupDir in config.json)");
            folder = Path.GetFullPath(ConfigPaths.ExpandHome(folder, app.Environment));
            if (parseResult.GetValue(keepZip) && parseResult.GetValue(unzip))
            {
                throw new CliUsageException("--keep-zip and --unzip exclude each other");
            }

            var formatNames = BackupCommandHelpers.Split(parseResult.GetValue(format)) is { Count: > 0 } given ? given : context.Config.Garmin.Formats ?? ["original"];
            var formats = formatNames.Select(f => ToFormat(f, parseResult.GetValue(unzip))).Distinct().ToList();
            var options = backup.CreateBackupOptions(parseResult, folder, formats, context.Config.Garmin.Concurrency, garmin.Emulator is { } emulator ? () => emulator.Requests.LongCount() : null, app.Environment);

            // Signed in before the folder is touched: a run that cannot sign in leaves no folder, log or lock behind.
            await garmin.EnsureSignedInAsync(cancellationToken);
            BackupCommandHelpers.CreateFolder(folder);
            context.AddFileLog(folder);
            var log = context.LoggerFactory.CreateLogger("fitness.backup");
            log.LogInformation("Backup of Garmin{Demo} into {Folder}, formats {Formats}", garmin.IsDemo ? " (demo)" : "", folder, string.Join(",", formats.Select(f => f.Name)));

            garmin.Options.ExpandMultisport = true;
            using var client = garmin.CreateClient();
            var engine = new BackupEngine(new GarminActivitySource(client), app.Environment.TimeProvider, context.LoggerFactory.CreateLogger<BackupEngine>());
            var result = context.Json || !app.Environment.Console.Profile.Capabilities.Interactive
                ? await engine.RunAsync(options, null, cancellationToken)
                : await RunWithProgressAsync(app.Environment.Console, engine, options, cancellationToken);
            log.LogInformation(
                "Backup done: {Listed} listed, {Downloaded} downloaded, {Skipped} skipped, {NotAvailable} not available, {Failed} failed, {Requests} requests",
                result.Listed, result.Downloaded, result.Skipped, result.NotAvailable, result.Failed, result.RequestsMade);
            foreach (var error in result.Errors)
            {
                log.LogWarning("{Activity} {Format}: {Type} {Message}", error.ActivityId, error.Format, error.ErrorType, error.Message);
            }

            if (context.Json)
            {
                app.WriteJson(new BackupRunResult(folder, garmin.IsDemo, result));
            }
            else
            {
                BackupCommandHelpers.WriteSummary(app.Environment.Console, folder, result);
            }

            return result.Failed > 0 ? ExitCodes.PartialSuccess : ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<BackupResult> RunWithProgressAsync(IAnsiConsole console, BackupEngine engine, BackupOptions options, CancellationToken cancellationToken)
    {
        BackupResult? result = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progressContext =>
            {
                var task = progressContext.AddTask("Listing", maxValue: 1);
                var progress = new Progress<BackupProgress>(p =>
                {
                    task.Description = p.Phase switch
                    {
                        BackupPhase.Listing => string.Create(CultureInfo.InvariantCulture, $"Listing ({p.Listed})"),
                        BackupPhase.Downloading => string.Create(CultureInfo.InvariantCulture, $"Downloading {p.Completed}/{p.Total}"),
                        _ => p.Phase.ToString(),
                    };
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Phase == BackupPhase.Completed ? task.MaxValue : p.Completed;
                });
                result = await engine.RunAsync(options, progress, cancellationToken);
                task.Value = task.MaxValue;
            });
        return result!;
    }

    private static ActivityFormat ToFormat(string name, bool unzip) => name.ToUpperInvariant() switch
    {
        "ORIGINAL" => unzip ? GarminActivityFormats.Fit : GarminActivityFormats.Original,
        "FIT" => GarminActivityFormats.Fit,
        "GPX" => GarminActivityFormats.Gpx,
        "TCX" => GarminActivityFormats.Tcx,
        "KML" => GarminActivityFormats.Kml,
        "CSV" => GarminActivityFormats.Csv,
        "JSON" or "SUMMARY.JSON" => GarminActivityFormats.SummaryJson,
        "DETAILS" or "DETAILS.JSON" => GarminActivityFormats.DetailsJson,
        _ => throw new CliUsageException($"unknown format '{name}' (use {string.Join(", ", Formats)})"),
    };

    /// <summary>What <c>backup --json</c> prints: the engine's result and where it went.</summary>
    public sealed record BackupRunResult(string BackupDirectory, bool Demo, BackupResult Result);
}

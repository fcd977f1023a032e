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
        var count = new Option<string?>("--count", "-c") { Description = "The newest N activities, or 'all' (default: all)" };
        var startDate = new Option<DateOnly?>("--start-date") { Description = "Only activities on or after this local date (yyyy-MM-dd)" };
        var endDate = new Option<DateOnly?>("--end-date") { Description = "Only activities on or before this local date (yyyy-MM-dd)" };
        var type = new Option<string[]>("--type", "-t") { Description = "Only these activity types (running, cycling, ...), comma-separated or repeated", AllowMultipleArgumentsPerToken = true };
        var exclude = new Option<string?>("--exclude") { Description = "A JSON file {\"ids\": [...]} of activities to leave out" };
        var skipNewest = new Option<int>("--skip-newest") { Description = "Leave out the newest N activities (e.g. still being edited)" };
        var subdir = new Option<string?>("--subdir") { Description = "Sub-folder template, e.g. '{YYYY}/{MM}'" };
        var localPrefix = new Option<bool>("--local-prefix") { Description = "Prefix file names with the local start time" };
        var appendName = new Option<bool>("--append-name") { Description = "Append the activity name to file names" };
        var appendDesc = new Option<bool>("--append-desc") { Description = "Append the activity description to file names" };
        var keepZip = new Option<bool>("--keep-zip") { Description = "Keep originals as Garmin's ZIP (the default)" };
        var unzip = new Option<bool>("--unzip") { Description = "Keep the FIT/GPX/TCX file inside the original ZIP instead of the ZIP" };
        var fullScan = new Option<bool>("--full-scan") { Description = "List everything again (catches activities uploaded late with old dates)" };
        var retryNotAvailable = new Option<bool>("--retry-not-available") { Description = "Ask again for formats Garmin did not have last time" };
        var concurrency = new Option<int?>("--concurrency") { Description = "Parallel downloads (default 4)" };
        var csvTemplate = new Option<string?>("--csv-template") { Description = "activities.csv columns: 'default', 'all', or the path of a .properties template" };
        var noCsv = new Option<bool>("--no-csv") { Description = "Do not write activities.csv" };
        var command = new Command("backup", "Back up activities into a folder, incrementally")
        {
            backupDir, format, count, startDate, endDate, type, exclude, skipNewest, subdir, localPrefix, appendName, appendDesc,
            keepZip, unzip, fullScan, retryNotAvailable, concurrency, csvTemplate, noCsv,
        };

        command.SetAction((parseResult, cancellationToken) => app.RunAsync(parseResult, interactive: false, async (context, garmin) =>
        {
            var folder = parseResult.GetValue(backupDir) ?? context.Setting("FITNESSCLIENTS_GARMIN_BACKUP_DIR", context.Config.Garmin.BackupDir)
                ?? throw new CliUsageException("--backup-dir is required (or set FITNESSCLIENTS_GARMIN_BACKUP_DIR, or garmin.backupDir in config.json)");
            folder = Path.GetFullPath(ConfigPaths.ExpandHome(folder, app.Environment));
            if (parseResult.GetValue(appendName) && parseResult.GetValue(appendDesc))
            {
                throw new CliUsageException("--append-name and --append-desc exclude each other");
            }

            if (parseResult.GetValue(keepZip) && parseResult.GetValue(unzip))
            {
                throw new CliUsageException("--keep-zip and --unzip exclude each other");
            }

            if (parseResult.GetValue(noCsv) && parseResult.GetValue(csvTemplate) is not null)
            {
                throw new CliUsageException("--no-csv and --csv-template exclude each other");
            }

            var formatNames = BackupCommandHelpers.Split(parseResult.GetValue(format)) is { Count: > 0 } given ? given : context.Config.Garmin.Formats ?? ["original"];
            var formats = formatNames.Select(f => ToFormat(f, parseResult.GetValue(unzip))).Distinct().ToList();
            var options = new BackupOptions
            {
                BackupDirectory = folder,
                Formats = formats,
                Filter = new BackupFilter
                {
                    Count = BackupCommandHelpers.ParseCount(parseResult.GetValue(count)),
                    StartDate = parseResult.GetValue(startDate),
                    EndDate = parseResult.GetValue(endDate),
                    ActivityTypes = BackupCommandHelpers.Split(parseResult.GetValue(type)),
                    ExcludeIds = parseResult.GetValue(exclude) is { } file ? BackupCommandHelpers.ReadExclude(ConfigPaths.ExpandHome(file, app.Environment)) : [],
                    SkipNewest = parseResult.GetValue(skipNewest),
                },
                Layout = new BackupLayout
                {
                    SubfolderTemplate = parseResult.GetValue(subdir),
                    LocalTimePrefix = parseResult.GetValue(localPrefix),
                    NameSuffix = parseResult.GetValue(appendName) ? BackupNameSuffix.ActivityName
                        : parseResult.GetValue(appendDesc) ? BackupNameSuffix.Description : BackupNameSuffix.None,
                },
                FullScan = parseResult.GetValue(fullScan),
                RetryNotAvailable = parseResult.GetValue(retryNotAvailable),
                WriteCsv = !parseResult.GetValue(noCsv),
                CsvTemplate = BackupCommandHelpers.ReadCsvTemplate(parseResult.GetValue(csvTemplate), app.Environment),
                MaxConcurrency = parseResult.GetValue(concurrency) ?? context.Config.Garmin.Concurrency ?? 4,
                RequestCounter = garmin.Emulator is { } emulator ? () => emulator.Requests.Count() : null,
            };
            if (options.MaxConcurrency < 1)
            {
                throw new CliUsageException("--concurrency must be at least 1");
            }

            Directory.CreateDirectory(folder);
            context.AddFileLog(folder);
            var log = context.LoggerFactory.CreateLogger("fitness.backup");
            log.LogInformation("Backup of Garmin{Demo} into {Folder}, formats {Formats}", garmin.IsDemo ? " (demo)" : "", folder, string.Join(",", formats.Select(f => f.Name)));

            await garmin.EnsureDemoSignedInAsync(cancellationToken);
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

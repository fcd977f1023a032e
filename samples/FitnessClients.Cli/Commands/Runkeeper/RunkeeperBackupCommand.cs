using System.CommandLine;
using System.Globalization;
using FitnessClients.Backup;
using FitnessClients.Cli.Configuration;
using FitnessClients.Core.Activities;
using FitnessClients.Runkeeper;
using FitnessClients.Testing;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace FitnessClients.Cli.Commands.Runkeeper;

/// <summary>
/// <c>fitness runkeeper backup</c>: an incremental backup through the API (a stored token), or from the data export ZIP
/// with <c>--export</c> (no token needed: the practical route since Runkeeper closed its API to new apps).
/// </summary>
public static class RunkeeperBackupCommand
{
    /// <summary>The accepted <c>--format</c> values.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["summary", "details", "gpx"];

    /// <summary>Builds the command.</summary>
    public static Command Create(RunkeeperCommandSet app)
    {
        var backupDir = new Option<string?>("--backup-dir", "-d") { Description = "The backup folder (env FITNESSCLIENTS_RUNKEEPER_BACKUP_DIR, config runkeeper.backupDir)" };
        var export = new Option<string?>("--export")
        {
            Description = "Read this Runkeeper data export ZIP instead of the API (env FITNESSCLIENTS_RUNKEEPER_EXPORT); with --demo the ZIP may be left out for a synthetic one",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = new Option<string[]>("--format", "-f")
        {
            Description = "Formats to keep, comma-separated or repeated: summary, details (API only), gpx (default: all the source has)",
            AllowMultipleArgumentsPerToken = true,
        };
        var timeZone = new Option<string?>("--time-zone") { Description = "IANA zone assumed for activities without an offset (manual export rows, pre-2013 API data)" };
        var fullScan = new Option<bool>("--full-scan") { Description = "List everything again instead of stopping at the last backup" };
        var retryNotAvailable = new Option<bool>("--retry-not-available") { Description = "Ask again for formats that were not available last time" };
        var concurrency = new Option<int?>("--concurrency") { Description = "Parallel downloads (default 2; the API budget is small)" };
        var command = new Command("backup", "Back up Runkeeper activities into a folder, incrementally (API, or --export ZIP)")
        {
            backupDir, export, format, timeZone, fullScan, retryNotAvailable, concurrency,
        };

        command.SetAction((parseResult, cancellationToken) => app.RunAsync(
            parseResult,
            interactive: false,
            async (context, runkeeper) =>
            {
                var folder = parseResult.GetValue(backupDir) ?? context.Setting("FITNESSCLIENTS_RUNKEEPER_BACKUP_DIR", context.Config.Runkeeper.BackupDir)
                    ?? throw new CliUsageException("--backup-dir is required (or set FITNESSCLIENTS_RUNKEEPER_BACKUP_DIR, or runkeeper.backupDir in config.json)");
                folder = Path.GetFullPath(ConfigPaths.ExpandHome(folder, app.Environment));
                var zip = parseResult.GetValue(export) ?? context.Setting("FITNESSCLIENTS_RUNKEEPER_EXPORT", context.Config.Runkeeper.Export);
                var exportGiven = parseResult.GetResult(export) is not null;
                if (exportGiven && parseResult.GetValue(export) is null && !runkeeper.IsDemo)
                {
                    throw new CliUsageException("--export needs the path of the ZIP (request it at https://runkeeper.com/exportData), or add --demo for a synthetic one");
                }

                var fromExport = zip is not null || exportGiven;
                var available = fromExport ? RunkeeperActivityFormats.Export : RunkeeperActivityFormats.Api;
                var names = Split(parseResult.GetValue(format));
                var formats = names.Count == 0 ? available : [.. names.Select(n => ToFormat(n, available, fromExport)).Distinct()];
                var workers = parseResult.GetValue(concurrency) ?? 2;
                if (workers < 1)
                {
                    throw new CliUsageException("--concurrency must be at least 1");
                }

                BackupCommandHelpers.CreateFolder(folder);
                context.AddFileLog(folder);
                var log = context.LoggerFactory.CreateLogger("fitness.backup");
                IActivitySource source;
                RunkeeperClient? client = null;
                if (fromExport)
                {
                    if (runkeeper.IsDemo && zip is null)
                    {
                        zip = FitnessClients.Cli.Runkeeper.RunkeeperDemoExport.GetOrCreate(context.ConfigDirectory, runkeeper.DemoActivities);
                    }

                    var path = Path.GetFullPath(ConfigPaths.ExpandHome(zip!, app.Environment));
                    if (!File.Exists(path))
                    {
                        throw new CliUsageException($"--export {path}: no such file (request the export at https://runkeeper.com/exportData)");
                    }

                    source = new RunkeeperExportSource(path, new RunkeeperExportOptions { AssumedTimeZone = runkeeper.Options.AssumedTimeZone });
                    log.LogInformation("Backup of the Runkeeper export {Zip} into {Folder}, formats {Formats}", Path.GetFileName(path), folder, string.Join(",", formats.Select(f => f.Name)));
                }
                else
                {
                    await runkeeper.EnsureDemoSignedInAsync(cancellationToken);
                    client = runkeeper.CreateClient();
                    source = new RunkeeperActivitySource(client);
                    log.LogInformation("Backup of Runkeeper{Demo} into {Folder}, formats {Formats}", runkeeper.IsDemo ? " (demo)" : "", folder, string.Join(",", formats.Select(f => f.Name)));
                }

                using var _ = client;
                var options = new BackupOptions
                {
                    BackupDirectory = folder,
                    Formats = formats,
                    FullScan = parseResult.GetValue(fullScan),
                    RetryNotAvailable = parseResult.GetValue(retryNotAvailable),
                    MaxConcurrency = workers,
                    RequestCounter = !fromExport && runkeeper.Emulator is { } emulator ? () => emulator.Requests.Count() : null,
                };
                var engine = new BackupEngine(source, app.Environment.TimeProvider, context.LoggerFactory.CreateLogger<BackupEngine>());
                var result = context.Json || !app.Environment.Console.Profile.Capabilities.Interactive
                    ? await engine.RunAsync(options, null, cancellationToken)
                    : await RunWithProgressAsync(app.Environment.Console, engine, options, cancellationToken);
                log.LogInformation(
                    "Backup done: {Listed} listed, {Downloaded} downloaded, {Skipped} skipped, {NotAvailable} not available, {Failed} failed",
                    result.Listed, result.Downloaded, result.Skipped, result.NotAvailable, result.Failed);
                if (context.Json)
                {
                    app.WriteJson(new BackupRunResult(folder, fromExport ? "export" : "api", runkeeper.IsDemo, result));
                }
                else
                {
                    WriteSummary(app.Environment.Console, folder, fromExport, result);
                }

                return result.Failed > 0 ? ExitCodes.PartialSuccess : ExitCodes.Ok;
            },
            parseResult.GetValue(timeZone)));
        return command;
    }

    private static async Task<BackupResult> RunWithProgressAsync(IAnsiConsole console, BackupEngine engine, BackupOptions options, CancellationToken cancellationToken)
    {
        BackupResult? result = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async progressContext =>
            {
                var task = progressContext.AddTask("Listing", maxValue: 1);
                var progress = new Progress<BackupProgress>(p =>
                {
                    task.Description = p.Phase == BackupPhase.Downloading
                        ? string.Create(CultureInfo.InvariantCulture, $"Saving {p.Completed}/{p.Total}")
                        : string.Create(CultureInfo.InvariantCulture, $"{p.Phase} ({p.Listed})");
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Phase == BackupPhase.Completed ? task.MaxValue : p.Completed;
                });
                result = await engine.RunAsync(options, progress, cancellationToken);
                task.Value = task.MaxValue;
            });
        return result!;
    }

    private static void WriteSummary(IAnsiConsole console, string folder, bool fromExport, BackupResult result)
    {
        var table = new Table().AddColumn(fromExport ? "Runkeeper export backup" : "Runkeeper backup").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("Folder", Markup.Escape(folder));
        table.AddRow("Listed", Count(result.Listed));
        table.AddRow("Saved", Count(result.Downloaded));
        table.AddRow("Already there", Count(result.Skipped));
        table.AddRow("Not available", Count(result.NotAvailable));
        table.AddRow("Failed", Count(result.Failed));
        table.AddRow("Elapsed", result.Elapsed.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture));
        console.Write(table);
        if (result.Downloaded == 0 && result.Failed == 0)
        {
            console.WriteLine("Nothing new.");
        }

        foreach (var error in result.Errors.Take(10))
        {
            console.WriteLine($"failed: {error.ActivityId} {error.Format}: {error.Message}");
        }
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static List<string> Split(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    private static ActivityFormat ToFormat(string name, IReadOnlyList<ActivityFormat> available, bool fromExport)
    {
        var format = name.ToUpperInvariant() switch
        {
            "SUMMARY" or "JSON" or "SUMMARY.JSON" => RunkeeperActivityFormats.SummaryJson,
            "DETAILS" or "DETAILS.JSON" => RunkeeperActivityFormats.DetailsJson,
            "GPX" => RunkeeperActivityFormats.Gpx,
            _ => throw new CliUsageException($"unknown format '{name}' (use {string.Join(", ", Formats)})"),
        };
        return available.Contains(format)
            ? format
            : throw new CliUsageException($"'{name}' is not in a Runkeeper {(fromExport ? "export (it has summary and gpx)" : "API backup")}");
    }

    /// <summary>What <c>backup --json</c> prints: the engine's result, the source and where it went.</summary>
    public sealed record BackupRunResult(string BackupDirectory, string Source, bool Demo, BackupResult Result);
}

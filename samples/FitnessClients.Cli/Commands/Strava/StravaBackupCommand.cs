using System.CommandLine;
using System.Globalization;
using FitnessClients.Backup;
using FitnessClients.Cli.Configuration;
using FitnessClients.Cli.Strava;
using FitnessClients.Core.Activities;
using FitnessClients.Strava;
using FitnessClients.Strava.Auth;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace FitnessClients.Cli.Commands.Strava;

/// <summary>
/// <c>fitness strava backup</c>: an incremental backup on the backup engine (strava-backup and the Strava half of
/// strava-to-fittrackee), planned on Strava's windows: when a 15-minute or daily budget is spent it waits for the window
/// to reopen, says so, and resumes by itself; stopped, it continues where it was on the next run.
/// </summary>
public static class StravaBackupCommand
{
    /// <summary>The accepted <c>--format</c> values.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["summary", "detail", "streams", "gpx", "tcx", "original", "photos", "gear"];

    /// <summary>The formats of a backup when neither the command line nor config.json names any: one streams request per activity.</summary>
    public static IReadOnlyList<string> DefaultFormats { get; } = ["summary", "gpx"];

    /// <summary>Builds the command.</summary>
    public static Command Create(StravaCommandSet app)
    {
        var backupDir = new Option<string?>("--backup-dir", "-d") { Description = "The backup folder (env FITNESSCLIENTS_STRAVA_BACKUP_DIR, config strava.backupDir)" };
        var format = new Option<string[]>("--format", "-f")
        {
            Description = "Formats to keep, comma-separated or repeated: summary, detail, streams, gpx, tcx, original (needs the website cookie), photos, gear (default: summary,gpx)",
            AllowMultipleArgumentsPerToken = true,
        };
        var backup = new BackupCommandOptions("Strava", "Run, Ride, TrailRun", "e.g. originals after adding the cookie");
        var command = new Command("backup", "Back up activities into a folder, incrementally, within Strava's rate limits")
        {
            backupDir, format,
        };
        backup.AddTo(command);

        command.SetAction((parseResult, cancellationToken) => app.RunAsync(parseResult, interactive: false, async (context, strava) =>
        {
            var folder = parseResult.GetValue(backupDir) ?? context.Setting("FITNESSCLIENTS_STRAVA_BACKUP_DIR", context.Config.Strava.BackupDir)
                ?? throw new CliUsageException("--backup-dir is required (or set FITNESSCLIENTS_STRAVA_BACKUP_DIR, or strava.backupDir in config.json)");
            folder = Path.GetFullPath(ConfigPaths.ExpandHome(folder, app.Environment));
            var formatNames = BackupCommandHelpers.Split(parseResult.GetValue(format)) is { Count: > 0 } given ? given : context.Config.Strava.Formats ?? [.. DefaultFormats];
            var formats = formatNames.Select(ToFormat).Distinct().ToList();
            var options = backup.CreateBackupOptions(parseResult, folder, formats, context.Config.Strava.Concurrency, strava.Emulator is { } emulator ? () => emulator.Requests.LongCount() : null, app.Environment);

            strava.RequireAppCredentials();
            // Signed in before the folder is touched: a run that cannot sign in leaves no folder, log or lock behind.
            await strava.EnsureDemoSignedInAsync(cancellationToken);
            var token = await strava.LoadTokenAsync(cancellationToken);
            BackupCommandHelpers.CreateFolder(folder);
            context.AddFileLog(folder);
            var log = context.LoggerFactory.CreateLogger("fitness.backup");
            log.LogInformation("Backup of Strava{Demo} into {Folder}, formats {Formats}", strava.IsDemo ? " (demo)" : "", folder, string.Join(",", formats.Select(f => f.Name)));
            using var web = formats.Contains(StravaActivityFormats.Original) ? strava.CreateWebExporter(app.Warn) : null;
            if (formats.Contains(StravaActivityFormats.Original) && web is null)
            {
                app.Warn("no strava_remember_token is configured (FITNESSCLIENTS_STRAVA_REMEMBER_TOKEN or strava.rememberToken): originals are recorded as not available; add the cookie and rerun with --retry-not-available");
            }

            if (web?.Session.AthleteId is { } webAthlete && token.Extras.GetValueOrDefault(StravaTokenExtras.AthleteId) is { } apiAthlete && webAthlete != apiAthlete)
            {
                throw new CliUsageException($"the strava_remember_token belongs to athlete {webAthlete} but the API token to athlete {apiAthlete}; a backup must not mix two accounts");
            }

            using var client = strava.CreateClient();
            var engine = new BackupEngine(new StravaActivitySource(client, web), app.Environment.TimeProvider, context.LoggerFactory.CreateLogger<BackupEngine>());
            var progressBar = !context.Json && app.Environment.Console.Profile.Capabilities.Interactive;
            var errorGate = new Lock();
            using var waits = new StravaRateWait(strava.RateLimitPolicy, app.Environment.TimeProvider, wait =>
            {
                var text = wait.Describe();
                log.LogInformation("{Wait}", text);
                if (!progressBar)
                {
                    lock (errorGate)
                    {
                        app.Environment.Error.WriteLine(text);
                    }
                }
            });
            var result = progressBar
                ? await RunWithProgressAsync(app.Environment.Console, engine, options, waits, cancellationToken)
                : await engine.RunAsync(options, null, cancellationToken);
            log.LogInformation(
                "Backup done: {Listed} listed, {Downloaded} downloaded, {Skipped} skipped, {NotAvailable} not available, {Failed} failed, {Requests} requests, {Waits} window waits",
                result.Listed, result.Downloaded, result.Skipped, result.NotAvailable, result.Failed, result.RequestsMade, waits.Waits);
            foreach (var error in result.Errors)
            {
                log.LogWarning("{Activity} {Format}: {Type} {Message}", error.ActivityId, error.Format, error.ErrorType, error.Message);
            }

            if (context.Json)
            {
                app.WriteJson(new BackupRunResult(folder, strava.IsDemo, waits.Waits, result));
            }
            else
            {
                BackupCommandHelpers.WriteSummary(app.Environment.Console, folder, result);
                if (waits.Waits > 0)
                {
                    app.Environment.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Waited for Strava's rate windows {waits.Waits} time(s)."));
                }
            }

            return result.Failed > 0 ? ExitCodes.PartialSuccess : ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<BackupResult> RunWithProgressAsync(
        IAnsiConsole console, BackupEngine engine, BackupOptions options, StravaRateWait waits, CancellationToken cancellationToken)
    {
        BackupResult? result = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progressContext =>
            {
                var task = progressContext.AddTask("Listing", maxValue: 1);
                var last = "Listing";
                void Show()
                {
                    // A wait shows instead of the counts until the next request is granted (which clears it).
                    task.Description = Markup.Escape(waits.ResumeAt is not null ? $"{last} - {waits.Describe()}" : last);
                }

                waits.Changed += Show;
                var progress = new Progress<BackupProgress>(p =>
                {
                    last = p.Phase switch
                    {
                        BackupPhase.Listing => string.Create(CultureInfo.InvariantCulture, $"Listing ({p.Listed})"),
                        BackupPhase.Downloading => string.Create(CultureInfo.InvariantCulture, $"Downloading {p.Completed}/{p.Total}"),
                        _ => p.Phase.ToString(),
                    };
                    Show();
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Phase == BackupPhase.Completed ? task.MaxValue : p.Completed;
                });
                try
                {
                    result = await engine.RunAsync(options, progress, cancellationToken);
                }
                finally
                {
                    waits.Changed -= Show;
                }

                task.Value = task.MaxValue;
            });
        return result!;
    }

    private static ActivityFormat ToFormat(string name) => name.ToUpperInvariant() switch
    {
        "SUMMARY" or "JSON" or "SUMMARY.JSON" => StravaActivityFormats.SummaryJson,
        "DETAIL" or "DETAILS" or "DETAIL.JSON" or "DETAILS.JSON" => StravaActivityFormats.DetailJson,
        "STREAMS" or "STREAMS.JSON" => StravaActivityFormats.StreamsJson,
        "GPX" => StravaActivityFormats.Gpx,
        "TCX" => StravaActivityFormats.Tcx,
        "ORIGINAL" => StravaActivityFormats.Original,
        "PHOTOS" => StravaActivityFormats.Photos,
        "GEAR" => StravaActivityFormats.Gear,
        _ => throw new CliUsageException($"unknown format '{name}' (use {string.Join(", ", Formats)})"),
    };

    /// <summary>What <c>backup --json</c> prints: the engine's result, where it went, and how often it waited for a window.</summary>
    public sealed record BackupRunResult(string BackupDirectory, bool Demo, int RateLimitWaits, BackupResult Result);
}

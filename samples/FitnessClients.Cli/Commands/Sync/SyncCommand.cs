using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FitnessClients.Backup.Sync;
using FitnessClients.Cli.Configuration;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace FitnessClients.Cli.Commands.Sync;

/// <summary>
/// <c>fitness sync --from strava|garmin|runkeeper --to fittrackee</c>: the sync engine with a record in a state folder,
/// so it can run from cron or a systemd timer and never upload anything twice.
/// </summary>
public static class SyncCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The accepted <c>--from</c> values.</summary>
    public static IReadOnlyList<string> Sources { get; } = ["strava", "garmin", "runkeeper"];

    /// <summary>The accepted <c>--to</c> values.</summary>
    public static IReadOnlyList<string> Targets { get; } = ["fittrackee"];

    /// <summary>Builds the command.</summary>
    public static Command Create(CliEnvironment environment, GlobalOptions globals)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(globals);
        var from = new Option<string>("--from") { Description = "Where activities come from: strava, garmin or runkeeper", Required = true };
        from.AcceptOnlyFromAmong([.. Sources]);
        var to = new Option<string>("--to") { Description = "Where they go: fittrackee", Required = true };
        to.AcceptOnlyFromAmong([.. Targets]);
        var since = DateOption.Create("--since", [], "Only activities on or after this local date (yyyy-MM-dd)");
        var until = DateOption.Create("--until", [], "Only activities on or before this local date (yyyy-MM-dd)");
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be uploaded; upload, record and lock nothing" };
        var sportMap = new Option<string[]>("--sport-map")
        {
            Description = "Map a source type to a FitTrackee sport, repeatable: 'VirtualRun=Running', 'strava:Swim=Open Water Swimming', 'Swim=' to skip",
        };
        var limit = new Option<int?>("--limit") { Description = "Upload at most N activities in this run, newest first" };
        var fullScan = new Option<bool>("--full-scan") { Description = "List the whole history (catches late uploads and types mapped since)" };
        var stateDir = new Option<string?>("--state-dir") { Description = "The record and lock folder (env FITNESSCLIENTS_SYNC_STATE_DIR; default <config dir>/sync)" };
        var export = new Option<string?>("--export")
        {
            Description = "Runkeeper: read this data export ZIP instead of the API (with --demo the ZIP may be left out for a synthetic one)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var timeZone = new Option<string?>("--time-zone") { Description = "Runkeeper: IANA zone assumed for activities without an offset" };
        var demo = new Option<bool>("--demo") { Description = "Both ends are built-in emulators with demo accounts (no account, no network)" };
        var command = new Command("sync", "Copy activities into FitTrackee, newest unsynced first, never twice (safe to schedule)")
        {
            from, to, since, until, dryRun, sportMap, limit, fullScan, stateDir, export, timeZone, demo,
        };

        command.SetAction((parseResult, cancellationToken) => CliApp.ExecuteAsync(parseResult, globals, environment, async context =>
        {
            var source = parseResult.GetValue(from)!;
            var target = parseResult.GetValue(to)!;
            var exportGiven = parseResult.GetResult(export) is not null;
            if (exportGiven && source != "runkeeper")
            {
                throw new CliUsageException("--export is for --from runkeeper (a Runkeeper data export ZIP)");
            }

            if (parseResult.GetValue(limit) is < 1)
            {
                throw new CliUsageException("--limit must be at least 1");
            }

            var isDemo = parseResult.GetValue(demo);
            var options = new SyncOptions
            {
                StateDirectory = StateDirectory(parseResult.GetValue(stateDir), context, isDemo),
                Since = parseResult.GetValue(since),
                Until = parseResult.GetValue(until),
                DryRun = parseResult.GetValue(dryRun),
                FullScan = parseResult.GetValue(fullScan),
                MaxActivities = parseResult.GetValue(limit),
                SportMapping = Mapping(parseResult.GetValue(sportMap)),
            };
            if (options.Since > options.Until)
            {
                throw new CliUsageException("--since is after --until");
            }

            if (!options.DryRun)
            {
                Directory.CreateDirectory(options.StateDirectory);
                context.AddFileLog(options.StateDirectory);
            }

            var log = context.LoggerFactory.CreateLogger("fitness.sync");
            using var sides = await SyncSides.CreateAsync(
                new SyncSidesRequest(source, target, isDemo, parseResult.GetValue(export), exportGiven, parseResult.GetValue(timeZone)), context, cancellationToken);
            log.LogInformation(
                "Sync {Source} into {Target} at {Host}{Demo}{DryRun}, state in {Folder}",
                sides.SourceDescription, target, sides.TargetHost, isDemo ? " (demo)" : "", options.DryRun ? " (dry run)" : "", options.StateDirectory);
            var engine = new SyncEngine(sides.Source, sides.Sink, environment.TimeProvider, context.LoggerFactory.CreateLogger<SyncEngine>());
            var result = context.Json || !environment.Console.Profile.Capabilities.Interactive
                ? await engine.RunAsync(options, null, cancellationToken)
                : await RunWithProgressAsync(environment.Console, engine, options, cancellationToken);

            if (context.Json)
            {
                environment.Out.WriteLine(JsonSerializer.Serialize(SyncRunOutput.Of(result, sides.SourceDescription, $"{target} ({sides.TargetHost})", options.StateDirectory, isDemo), JsonOptions));
            }
            else
            {
                SyncSummary.Write(environment.Console, sides, target, options, result);
            }

            return result.Failed.Count > 0 ? ExitCodes.PartialSuccess : ExitCodes.Ok;
        }));
        return command;
    }

    private static string StateDirectory(string? given, CliContext context, bool demo)
    {
        var folder = given ?? context.Setting("FITNESSCLIENTS_SYNC_STATE_DIR", null)
            // Demo runs keep their own record: each run's emulators start from the same demo accounts.
            ?? Path.Combine(context.ConfigDirectory, demo ? "demo-sync" : "sync");
        return Path.GetFullPath(ConfigPaths.ExpandHome(folder, context.Environment));
    }

    private static SportMapping Mapping(string[]? overrides)
    {
        var parsed = new List<KeyValuePair<string, string?>>();
        foreach (var text in overrides ?? [])
        {
            try
            {
                parsed.Add(SportMapping.ParseOverride(text));
            }
            catch (FormatException exception)
            {
                throw new CliUsageException($"--sport-map {exception.Message}");
            }
        }

        return SportMapping.Default.WithOverrides(parsed);
    }

    private static async Task<SyncResult> RunWithProgressAsync(IAnsiConsole console, SyncEngine engine, SyncOptions options, CancellationToken cancellationToken)
    {
        SyncResult? result = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async progressContext =>
            {
                var task = progressContext.AddTask("Listing", maxValue: 1);
                var progress = new Progress<SyncProgress>(p =>
                {
                    task.Description = p.Phase switch
                    {
                        SyncPhase.Listing => string.Create(CultureInfo.InvariantCulture, $"Listing ({p.Listed})"),
                        SyncPhase.Syncing => string.Create(CultureInfo.InvariantCulture, $"{(options.DryRun ? "Checking" : "Syncing")} {p.Completed}/{p.Total}"),
                        _ => p.Phase.ToString(),
                    };
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Phase == SyncPhase.Completed ? task.MaxValue : p.Completed;
                });
                result = await engine.RunAsync(options, progress, cancellationToken);
                task.Value = task.MaxValue;
            });
        return result!;
    }
}

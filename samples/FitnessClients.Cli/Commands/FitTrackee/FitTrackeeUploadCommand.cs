using Spectre.Console;
using System.CommandLine;
using FitnessClients.Cli.FitTrackee;
using FitnessClients.Core;
using FitnessClients.Core.Activities;
using FitnessClients.FitTrackee;

namespace FitnessClients.Cli.Commands.FitTrackee;

/// <summary>
/// <c>fitness fittrackee upload PATH...</c>: uploads GPX/TCX/FIT/KML files (or every such file under folders), with the
/// sport given or read from the file, skipping files already on the instance (strava-to-fittrackee's --upload-gpx).
/// </summary>
public static class FitTrackeeUploadCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(FitTrackeeCommandSet app)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Workout files (.gpx .tcx .fit .kml .kmz) or folders to search", Arity = ArgumentArity.OneOrMore };
        var sport = new Option<string?>("--sport", "-s") { Description = "The FitTrackee sport label for every file, e.g. Running (default: from the file's type, see fittrackee.sportMap)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be uploaded and what skipped; change nothing" };
        var visibility = new Option<string?>("--visibility") { Description = "private, followers_only or public (default: your FitTrackee default)" };
        var command = new Command("upload", "Upload workout files, skipping ones already on the instance") { paths, sport, dryRun, visibility };
        command.SetAction((parseResult, cancellationToken) => app.RunAsync(parseResult, interactive: false, async (context, fittrackee) =>
        {
            var files = WorkoutFileInfo.Expand(parseResult.GetValue(paths) ?? []);
            if (files.Count == 0)
            {
                throw new CliUsageException("no .gpx, .tcx, .fit, .kml or .kmz files found");
            }

            var map = new Dictionary<string, string>(WorkoutFileInfo.DefaultSportMap.ToDictionary(), StringComparer.OrdinalIgnoreCase);
            foreach (var (from, to) in context.Config.FitTrackee.SportMap ?? new Dictionary<string, string>())
            {
                map[from] = to;
            }

            await fittrackee.EnsureDemoSignedInAsync(cancellationToken);
            using var client = fittrackee.CreateClient();
            if (parseResult.GetValue(sport) is { } given)
            {
                await client.Sports.ResolveAsync(given, cancellationToken);   // a typo fails before anything is sent
            }

            var results = new List<FileResult>();
            foreach (var path in files)
            {
                var info = await WorkoutFileInfo.ReadAsync(path, cancellationToken);
                var label = parseResult.GetValue(sport) ?? (info.ActivityType is { } type && map.TryGetValue(type, out var mapped) ? mapped : null);
                if (label is null)
                {
                    results.Add(new FileResult(path, "skipped", null, info.ActivityType is null
                        ? "the file names no activity type; give --sport"
                        : $"type '{info.ActivityType}' has no FitTrackee sport; give --sport or add it to fittrackee.sportMap"));
                    continue;
                }

                var sink = new FitTrackeeActivitySink(client, new FitTrackeeSinkOptions
                {
                    WorkoutVisibility = parseResult.GetValue(visibility),
                    // Without a start read from the file, only the content marker can find a duplicate.
                    MatchStartTimeWithoutMarker = info.StartTime is not null,
                    SkipDuplicates = true,
                });
                var activity = new ActivitySummary
                {
                    Service = "file",
                    Id = info.ContentHash,
                    StartTime = info.StartTime ?? File.GetLastWriteTimeUtc(path),
                    Name = null,
                    HasGpsTrack = true,
                };
                try
                {
                    if (parseResult.GetValue(dryRun))
                    {
                        var existing = await sink.FindDuplicateAsync(activity, cancellationToken);
                        results.Add(new FileResult(path, existing is null ? "would upload" : "skipped", existing, existing is null ? $"as {label}" : "already on the instance"));
                        continue;
                    }

                    await using var stream = File.OpenRead(path);
                    var result = await sink.UploadAsync(new ActivityUpload
                    {
                        Activity = activity,
                        Sport = label,
                        File = stream,
                        FileFormat = new ActivityFormat(info.Extension, info.Extension),
                        Notes = "file: " + Path.GetFileName(path),
                    }, cancellationToken);
                    results.Add(new FileResult(path, result.WasDuplicate ? "skipped" : "uploaded", result.TargetId, result.WasDuplicate ? "already on the instance" : $"as {label}"));
                }
                catch (Exception ex) when (ex is FitnessApiException or ArgumentException && ex is not AuthenticationRequiredException and not RateLimitExceededException)
                {
                    results.Add(new FileResult(path, "failed", null, ex.Message));
                }
            }

            if (context.Json)
            {
                app.WriteJson(new UploadRunResult(fittrackee.IsDemo, results));
            }
            else
            {
                foreach (var r in results)
                {
                    app.Environment.Console.WriteLine($"{r.Outcome,-12} {r.Path}{(r.WorkoutId is null ? "" : " → " + r.WorkoutId)}: {r.Detail}");
                }

                app.Environment.Console.WriteLine(
                    $"{results.Count(r => r.Outcome == "uploaded")} uploaded, {results.Count(r => r.Outcome == "skipped")} skipped, {results.Count(r => r.Outcome == "failed")} failed" +
                    (parseResult.GetValue(dryRun) ? $", {results.Count(r => r.Outcome == "would upload")} would be uploaded (dry run)" : "") + ".");
            }

            return results.Any(r => r.Outcome == "failed") ? ExitCodes.PartialSuccess : ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>One file's outcome: <c>uploaded</c>, <c>skipped</c>, <c>would upload</c> or <c>failed</c>.</summary>
    public sealed record FileResult(string Path, string Outcome, string? WorkoutId, string Detail);

    /// <summary>What <c>upload --json</c> prints.</summary>
    public sealed record UploadRunResult(bool Demo, IReadOnlyList<FileResult> Files);
}

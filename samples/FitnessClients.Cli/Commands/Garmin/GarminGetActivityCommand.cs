using Spectre.Console;
using System.CommandLine;
using FitnessClients.Core;
using FitnessClients.Core.Activities;
using FitnessClients.GarminConnect;

namespace FitnessClients.Cli.Commands.Garmin;

/// <summary><c>fitness garmin get-activity ID --format ...</c>: one activity's file, as get_activity.py does.</summary>
public static class GarminGetActivityCommand
{
    /// <summary>The accepted <c>--format</c> values.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["fit", "original", "gpx", "tcx", "kml", "csv", "json"];

    /// <summary>Builds the command.</summary>
    public static Command Create(GarminCommandSet app)
    {
        var id = new Argument<long>("ID") { Description = "The activity id (the number in connect.garmin.com/modern/activity/ID)" };
        var format = new Option<string>("--format", "-f") { Description = "fit (the original file unpacked), original (the ZIP), gpx, tcx, kml, csv, json (the summary)", DefaultValueFactory = _ => "fit" };
        format.AcceptOnlyFromAmong([.. Formats]);
        var destination = new Option<string>("--destination", "-d") { Description = "The folder to write into (default: the current folder)", DefaultValueFactory = _ => "." };
        var command = new Command("get-activity", "Download one activity") { id, format, destination };

        command.SetAction((parseResult, cancellationToken) => app.RunAsync(parseResult, interactive: true, async (context, garmin) =>
        {
            await garmin.EnsureDemoSignedInAsync(cancellationToken);
            var activityId = parseResult.GetValue(id);
            var chosen = parseResult.GetValue(format)!;
            var folder = Path.GetFullPath(parseResult.GetValue(destination)!);
            Directory.CreateDirectory(folder);

            using var client = garmin.CreateClient();
            GetActivityResult result;
            if (chosen == "json")
            {
                await using var content = await client.Downloads.OpenSummaryJsonAsync(activityId, cancellationToken);
                result = await WriteAsync(activityId, chosen, content, Path.Combine(folder, $"{activityId}_summary.json"), cancellationToken);
            }
            else
            {
                var download = await client.Downloads.DownloadToFileAsync(
                    activityId, ToDownloadFormat(chosen), folder + Path.DirectorySeparatorChar,
                    new GarminDownloadOptions { UnpackOriginal = chosen == "fit" }, cancellationToken);
                result = new GetActivityResult(activityId, chosen, download.IsAvailable, download.FilePath, download.Length, download.UnavailableReason);
            }

            if (!result.Available && chosen != "json")
            {
                // Garmin answers 404 both for a manual activity's missing file and for an id that does not exist: the
                // summary tells them apart, so a mistyped id is bad usage (2), not "no such file" (7).
                await ThrowIfUnknownAsync(client, activityId, cancellationToken);
            }

            if (context.Json)
            {
                app.WriteJson(result);
            }
            else if (result.Available)
            {
                app.Environment.Console.WriteLine($"{result.Path} ({result.Length} bytes)");
            }

            if (!result.Available)
            {
                app.Environment.Error.WriteLine($"activity {activityId} has no {chosen} file: {result.UnavailableReason}");
                return ExitCodes.NotAvailable;
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task ThrowIfUnknownAsync(GarminConnectClient client, long activityId, CancellationToken cancellationToken)
    {
        try
        {
            await using var summary = await client.Downloads.OpenSummaryJsonAsync(activityId, cancellationToken);
        }
        catch (ResourceNotFoundException exception)
        {
            throw new CliUsageException($"activity {activityId} does not exist in this Garmin account (check the id in connect.garmin.com/modern/activity/ID)", exception);
        }
    }

    private static GarminDownloadFormat ToDownloadFormat(string format) => format switch
    {
        "fit" or "original" => GarminDownloadFormat.Original,
        "gpx" => GarminDownloadFormat.Gpx,
        "tcx" => GarminDownloadFormat.Tcx,
        "kml" => GarminDownloadFormat.Kml,
        "csv" => GarminDownloadFormat.Csv,
        _ => throw new CliUsageException($"unknown format '{format}'"),
    };

    private static async Task<GetActivityResult> WriteAsync(long activityId, string format, ActivityContent content, string path, CancellationToken cancellationToken)
    {
        if (!content.IsAvailable)
        {
            return new GetActivityResult(activityId, format, false, null, 0, content.UnavailableReason);
        }

        // Temp name in the same folder, renamed when complete: never a partial file under the final name.
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = File.Create(temp))
            {
                await content.Stream!.CopyToAsync(file, cancellationToken);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return new GetActivityResult(activityId, format, true, path, new FileInfo(path).Length, null);
    }

    /// <summary>What <c>get-activity --json</c> prints.</summary>
    public sealed record GetActivityResult(long ActivityId, string Format, bool Available, string? Path, long Length, string? UnavailableReason);
}

using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FitnessClients.Core.Activities;
using FitnessClients.Strava;
using Spectre.Console;

namespace FitnessClients.Cli.Commands.Strava;

/// <summary><c>fitness strava get-activity ID --format ...</c>: one activity's file(s), into a folder or onto stdout.</summary>
public static class StravaGetActivityCommand
{
    /// <summary>The accepted <c>--format</c> values.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["gpx", "tcx", "detail", "streams", "original", "photos", "gear"];

    private static readonly string[] TextFormats = ["gpx", "tcx", "detail", "streams"];

    /// <summary>Builds the command.</summary>
    public static Command Create(StravaCommandSet app)
    {
        var id = new Argument<long>("ID") { Description = "The activity id (the number in strava.com/activities/ID)" };
        var format = new Option<string>("--format", "-f")
        {
            Description = "gpx or tcx (built from the streams), detail (the activity's JSON), streams (JSON), original (the uploaded file; needs the website cookie), photos, gear",
            DefaultValueFactory = _ => "gpx",
        };
        format.AcceptOnlyFromAmong([.. Formats]);
        var destination = new Option<string>("--destination", "-d") { Description = "The folder to write into, or - for stdout (gpx, tcx, detail, streams) (default: the current folder)", DefaultValueFactory = _ => "." };
        var command = new Command("get-activity", "Download one activity") { id, format, destination };

        command.SetAction((parseResult, cancellationToken) => app.RunAsync(parseResult, interactive: true, async (context, strava) =>
        {
            var activityId = parseResult.GetValue(id);
            if (activityId <= 0)
            {
                throw new CliUsageException($"'{activityId}' is not a Strava activity id");
            }

            var chosen = parseResult.GetValue(format)!;
            var target = parseResult.GetValue(destination)!;
            var toStdout = target == "-";
            if (toStdout && !TextFormats.Contains(chosen, StringComparer.Ordinal))
            {
                throw new CliUsageException($"--destination - (stdout) takes {string.Join(", ", TextFormats)}; write {chosen} into a folder");
            }

            await strava.EnsureDemoSignedInAsync(cancellationToken);
            using var client = strava.CreateClient();
            using var web = chosen == "original" ? strava.CreateWebExporter(app.Warn) : null;
            var source = new StravaActivitySource(client, web);
            var activity = await source.GetActivityAsync(activityId, cancellationToken);
            await using var content = chosen == "detail"
                ? Detail(activity)
                : await source.OpenAsync(activity, ToFormat(chosen), cancellationToken);

            if (!content.IsAvailable)
            {
                if (context.Json)
                {
                    app.WriteJson(new GetActivityResult(activityId, chosen, false, [], 0, content.UnavailableReason));
                }

                app.Environment.Error.WriteLine($"activity {activityId} has no {chosen}: {content.UnavailableReason}");
                return ExitCodes.NotAvailable;
            }

            if (toStdout)
            {
                using var reader = new StreamReader(content.Stream!, Encoding.UTF8);
                app.Environment.Out.Write(await reader.ReadToEndAsync(cancellationToken));
                return ExitCodes.Ok;
            }

            var folder = Path.GetFullPath(Configuration.ConfigPaths.ExpandHome(target, app.Environment));
            Directory.CreateDirectory(folder);
            var written = new List<string>();
            long length = 0;
            if (content.Files.Count > 0)
            {
                foreach (var file in content.Files)
                {
                    var path = file.IsShared ? Path.Combine(folder, file.Name) : Path.Combine(folder, $"{activityId.ToString(CultureInfo.InvariantCulture)}.{file.Name}");
                    length += await WriteAsync(file.Stream, path, cancellationToken);
                    written.Add(path);
                }
            }
            else
            {
                var path = Path.Combine(folder, $"{activityId.ToString(CultureInfo.InvariantCulture)}.{content.FileExtension}");
                length += await WriteAsync(content.Stream!, path, cancellationToken);
                written.Add(path);
            }

            if (context.Json)
            {
                app.WriteJson(new GetActivityResult(activityId, chosen, true, written, length, null));
            }
            else
            {
                foreach (var path in written)
                {
                    app.Environment.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path} ({new FileInfo(path).Length} bytes)"));
                }
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static ActivityFormat ToFormat(string format) => format switch
    {
        "gpx" => StravaActivityFormats.Gpx,
        "tcx" => StravaActivityFormats.Tcx,
        "streams" => StravaActivityFormats.StreamsJson,
        "original" => StravaActivityFormats.Original,
        "photos" => StravaActivityFormats.Photos,
        "gear" => StravaActivityFormats.Gear,
        _ => throw new CliUsageException($"unknown format '{format}'"),
    };

    /// <summary>The detail was fetched to describe the activity: hand it out instead of asking again.</summary>
    private static ActivityContent Detail(ActivitySummary activity)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(activity.Raw!.Value);
        return ActivityContent.Available(new MemoryStream(bytes, writable: false), StravaActivityFormats.DetailJson.FileExtension!, bytes.Length);
    }

    private static async Task<long> WriteAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Temp name in the same folder, renamed when complete: never a partial file under the final name.
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = File.Create(temp))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return new FileInfo(path).Length;
    }

    /// <summary>What <c>get-activity --json</c> prints.</summary>
    public sealed record GetActivityResult(long ActivityId, string Format, bool Available, IReadOnlyList<string> Paths, long Length, string? UnavailableReason);
}

using System.IO.Compression;
using System.Net;
using FitnessClients.Core;
using FitnessClients.Core.Activities;
using FitnessClients.GarminConnect.Http;
using Refit;

namespace FitnessClients.GarminConnect.Clients;

/// <summary>
/// Downloads as streams (never buffered in memory) and files: the original ZIP, the GPX, TCX, KML and CSV exports,
/// and the summary and details JSON as Garmin sent them. A format Garmin does not have for an activity (204, 404, a
/// TCX of a GPX upload) is an <see cref="ActivityContent.NotAvailable"/> answer, not an exception.
/// </summary>
public class GarminDownloadsClient
{
    private readonly GarminClientContext? _context;

    internal GarminDownloadsClient(GarminClientContext context)
    {
        _context = context;
    }

    /// <summary>For mocking frameworks; a client made this way only works where its members are overridden.</summary>
    protected GarminDownloadsClient()
    {
    }

    private GarminClientContext Context => _context ?? throw new InvalidOperationException("This client was created for mocking; override the member you call.");

    /// <summary>Opens a download as a stream read straight from the connection.</summary>
    /// <param name="activityId">The activity.</param>
    /// <param name="format">What to download; <see cref="GarminDownloadFormat.Original"/> is a ZIP (<see cref="ActivityContent.FileExtension"/> <c>zip</c>).</param>
    /// <param name="cancellationToken">Cancels the request; reading the stream takes its own token.</param>
    /// <returns>
    /// The content (dispose it), or not available for a 204, an empty body, a 404 (manual activity, no GPS, or an
    /// activity that no longer exists) and a 500 on a TCX export (Garmin's answer for GPX uploads, taken as final
    /// without retries).
    /// </returns>
    public virtual async Task<ActivityContent> OpenAsync(long activityId, GarminDownloadFormat format, CancellationToken cancellationToken = default)
    {
        var api = Context.Api;
        var attemptTimeout = Context.Options.DownloadAttemptTimeout;
        IApiResponse<Stream> response;
        try
        {
            response = format == GarminDownloadFormat.Original
                ? await api.DownloadOriginalAsync(activityId, attemptTimeout, cancellationToken).ConfigureAwait(false)
                : await api.DownloadExportAsync(ExportKey(format), activityId, attemptTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceNotFoundException)
        {
            return ActivityContent.NotAvailable(format == GarminDownloadFormat.Original
                ? $"Garmin has no original file for activity {activityId} (404): a manual activity, or one that no longer exists."
                : $"Garmin has no {Name(format)} for activity {activityId} (404): no GPS track, or the activity no longer exists.");
        }
        catch (ServiceUnavailableException exception) when (format == GarminDownloadFormat.Tcx && exception.StatusCode == HttpStatusCode.InternalServerError)
        {
            // Only reached when the pipeline lacks GarminExportUnavailableHandler (a custom chain): the 500 was retried first.
            return TcxUnavailable(activityId);
        }

        if (format == GarminDownloadFormat.Tcx && response.Headers?.Contains(GarminExportUnavailableHandler.MarkerHeader) == true)
        {
            response.Dispose();
            return TcxUnavailable(activityId);
        }

        return ToContent(
            response,
            format == GarminDownloadFormat.Original ? "zip" : ExportKey(format),
            format == GarminDownloadFormat.Original
                ? $"Garmin sent no original file for activity {activityId} ({(int?)response.StatusCode}, empty)."
                : $"Garmin has no {Name(format)} for activity {activityId} ({(int?)response.StatusCode}, empty): it has no GPS track.");
    }

    /// <summary>
    /// Opens the activity file inside the original ZIP (<c>{id}_ACTIVITY.fit</c>, or .gpx/.tcx for uploaded files).
    /// The ZIP is streamed to a private temp file (a ZIP cannot be read from a forward-only stream without buffering
    /// it), which is deleted when the returned content is disposed.
    /// </summary>
    /// <param name="activityId">The activity.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The entry, with its own extension (<c>fit</c>, <c>gpx</c> or <c>tcx</c>), or not available as for <see cref="OpenAsync"/>.</returns>
    /// <exception cref="InvalidDataException">The ZIP is damaged or holds no acceptable activity entry.</exception>
    public virtual async Task<ActivityContent> OpenOriginalFileAsync(long activityId, CancellationToken cancellationToken = default)
    {
        var zip = await OpenAsync(activityId, GarminDownloadFormat.Original, cancellationToken).ConfigureAwait(false);
        if (!zip.IsAvailable)
        {
            return zip;
        }

        var tempPath = AtomicFile.CreateTempPath(Path.GetTempPath(), $"fitnessclients-garmin-{activityId}.zip");
        FileStream? file = null;
        ZipArchive? archive = null;
        try
        {
            file = AtomicFile.OpenNew(tempPath, deleteOnClose: true, isPrivate: true);
            await using (zip.ConfigureAwait(false))
            {
                await zip.Stream!.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            if (file.Length == 0)
            {
                await file.DisposeAsync().ConfigureAwait(false);
                return ActivityContent.NotAvailable($"Garmin sent an empty original file for activity {activityId}.");
            }

            file.Position = 0;
            archive = await ZipArchive.CreateAsync(file, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
            var entry = GarminZip.SelectActivityEntry(archive, activityId);
            var entryStream = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
            return ActivityContent.Available(new OwningReadStream(entryStream, null, archive, file), GarminZip.ExtensionOf(entry), entry.Length);
        }
        catch
        {
            archive?.Dispose();
            file?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Downloads to a file. The bytes go to a temp file in the target folder, renamed to the final name only when the
    /// download is complete, so the final name never holds a partial file.
    /// </summary>
    /// <param name="activityId">The activity.</param>
    /// <param name="format">What to download.</param>
    /// <param name="path">
    /// The file to write, or an existing folder (or one ending in a separator) to write <c>{id}.{ext}</c> into
    /// (<c>{id}.zip</c>, <c>{id}.gpx</c>, ...; the entry's own name, e.g. <c>{id}_ACTIVITY.fit</c>, when unpacking).
    /// </param>
    /// <param name="options">Unpacking and overwriting; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the download; the temp file is removed.</param>
    /// <returns>Where the file went, or why Garmin has no such file.</returns>
    /// <exception cref="IOException">The target exists and <see cref="GarminDownloadOptions.Overwrite"/> is off.</exception>
    /// <exception cref="InvalidDataException">Unpacking: the ZIP is damaged or holds no acceptable activity entry.</exception>
    /// <example>
    /// <code>
    /// var result = await client.Downloads.DownloadToFileAsync(id, GarminDownloadFormat.Original, "backup/", new GarminDownloadOptions { UnpackOriginal = true });
    /// Console.WriteLine(result.IsAvailable ? result.FilePath : result.UnavailableReason);
    /// </code>
    /// </example>
    public virtual async Task<GarminDownloadResult> DownloadToFileAsync(
        long activityId, GarminDownloadFormat format, string path, GarminDownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new GarminDownloadOptions();
        var isDirectory = Directory.Exists(path) || Path.EndsInDirectorySeparator(path);
        var directory = Path.GetFullPath(isDirectory ? path : Path.GetDirectoryName(Path.GetFullPath(path))!);
        var unpack = options.UnpackOriginal && format == GarminDownloadFormat.Original;
        var extension = format == GarminDownloadFormat.Original ? "zip" : ExportKey(format);
        var target = isDirectory ? null : Path.GetFullPath(path);
        if (!unpack)
        {
            target ??= Path.Combine(directory, $"{activityId}.{extension}");
            ThrowIfExists(target, options);
        }
        else if (target is not null)
        {
            ThrowIfExists(target, options);
        }

        var content = await OpenAsync(activityId, format, cancellationToken).ConfigureAwait(false);
        await using (content.ConfigureAwait(false))
        {
            if (!content.IsAvailable)
            {
                return new GarminDownloadResult { UnavailableReason = content.UnavailableReason };
            }

            Directory.CreateDirectory(directory);
            if (!unpack)
            {
                var length = await AtomicFile.WriteAsync(content.Stream!, target!, options.Overwrite, cancellationToken).ConfigureAwait(false);
                return new GarminDownloadResult { FilePath = target, FileExtension = extension, Length = length };
            }

            return await UnpackToFileAsync(activityId, content.Stream!, directory, target, options, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Opens the summary JSON exactly as Garmin sent it (<c>activity-service/activity/{id}</c>), for backups.</summary>
    /// <param name="activityId">The activity.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ResourceNotFoundException">No such activity.</exception>
    public virtual async Task<ActivityContent> OpenSummaryJsonAsync(long activityId, CancellationToken cancellationToken = default)
    {
        var response = await Context.Api.GetActivityJsonAsync(activityId, cancellationToken).ConfigureAwait(false);
        return ToContent(response, "summary.json", $"Garmin sent an empty summary for activity {activityId}.");
    }

    /// <summary>Opens the details JSON (samples) exactly as Garmin sent it (<c>/details</c>), for backups.</summary>
    /// <param name="activityId">The activity.</param>
    /// <param name="maxChartSize">The most sample rows Garmin returns.</param>
    /// <param name="maxPolylineSize">The most track points of the polyline.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ResourceNotFoundException">No such activity.</exception>
    public virtual async Task<ActivityContent> OpenDetailsJsonAsync(long activityId, int maxChartSize = 2000, int maxPolylineSize = 4000, CancellationToken cancellationToken = default)
    {
        var response = await Context.Api.GetActivityDetailsJsonAsync(activityId, maxChartSize, maxPolylineSize, cancellationToken).ConfigureAwait(false);
        return ToContent(response, "details.json", $"Garmin sent no details for activity {activityId}.");
    }

    private static async Task<GarminDownloadResult> UnpackToFileAsync(
        long activityId, Stream zipStream, string directory, string? target, GarminDownloadOptions options, CancellationToken cancellationToken)
    {
        var zipTemp = AtomicFile.CreateTempPath(directory, $"{activityId}.zip");
        var file = AtomicFile.OpenNew(zipTemp, deleteOnClose: true);
        await using (file.ConfigureAwait(false))
        {
            await zipStream.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            if (file.Length == 0)
            {
                return new GarminDownloadResult { UnavailableReason = $"Garmin sent an empty original file for activity {activityId}." };
            }

            file.Position = 0;
            var archive = await ZipArchive.CreateAsync(file, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
            await using (archive.ConfigureAwait(false))
            {
                var entry = GarminZip.SelectActivityEntry(archive, activityId);
                var path = target ?? GarminZip.CombineInside(directory, entry.FullName);
                ThrowIfExists(path, options);
                var entryStream = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (entryStream.ConfigureAwait(false))
                {
                    var length = await AtomicFile.WriteAsync(entryStream, path, options.Overwrite, cancellationToken).ConfigureAwait(false);
                    return new GarminDownloadResult { FilePath = path, FileExtension = GarminZip.ExtensionOf(entry), Length = length };
                }
            }
        }
    }

    /// <summary>
    /// The body as content that releases the response when disposed. Garmin's 204 and an empty 200 are "not available";
    /// Refit gives both as an empty stream, so the status and length decide.
    /// </summary>
    private static ActivityContent ToContent(IApiResponse<Stream> response, string extension, string emptyReason)
    {
        var length = response.ContentHeaders?.ContentLength;
        if (response.StatusCode == HttpStatusCode.NoContent || length == 0 || response.Content is not { } body)
        {
            response.Dispose();
            return ActivityContent.NotAvailable(emptyReason);
        }

        // The wrapper also turns a connection lost mid-body into the SDK's ServiceUnavailableException.
        return ActivityContent.Available(new OwningReadStream(body, response.RequestMessage, response), extension, length);
    }

    private static ActivityContent TcxUnavailable(long activityId) =>
        ActivityContent.NotAvailable($"Garmin could not build a TCX for activity {activityId} (500): it answers so when the original is a GPX upload.");

    private static void ThrowIfExists(string path, GarminDownloadOptions options)
    {
        if (!options.Overwrite && File.Exists(path))
        {
            throw new IOException($"'{path}' already exists and overwriting is off.");
        }
    }

    private static string ExportKey(GarminDownloadFormat format) => format switch
    {
        GarminDownloadFormat.Gpx => "gpx",
        GarminDownloadFormat.Tcx => "tcx",
        GarminDownloadFormat.Kml => "kml",
        GarminDownloadFormat.Csv => "csv",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not an export format."),
    };

    private static string Name(GarminDownloadFormat format) => ExportKey(format).ToUpperInvariant();
}

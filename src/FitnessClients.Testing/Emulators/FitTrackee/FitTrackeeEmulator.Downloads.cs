using System.Net;
using System.Net.Http.Headers;

namespace FitnessClients.Testing;

// GPX and original-file downloads (download_workout_file): the stored file as an attachment, or a GPX generated from
// the track for other formats.
public sealed partial class FitTrackeeEmulator
{
    private static readonly Dictionary<string, string> FileMediaTypes = new(StringComparer.Ordinal)
    {
        ["fit"] = "application/vnd.ant.fit",
        ["gpx"] = "application/gpx+xml",
        ["kml"] = "application/vnd.google-earth.kml+xml",
        ["kmz"] = "application/vnd.google-earth.kmz",
        ["tcx"] = "application/vnd.garmin.tcx+xml",
    };

    private void MapDownloadRoutes()
    {
        Router.MapGet(ApiBasePath + "/workouts/{id}/gpx/download", Protected(WorkoutsRead, request => Download(request, asGpx: true)));
        if (SupportsOriginalDownload)
        {
            Router.MapGet(ApiBasePath + "/workouts/{id}/original/download", Protected(WorkoutsRead, request => Download(request, asGpx: false)));
        }
    }

    private HttpResponseMessage Download(EmulatorRequest request, bool asGpx)
    {
        var id = request.GetRouteValue("id");
        if (!FitTrackeeShortId.IsWellFormed(id))
        {
            return HtmlErrorPages.FlaskInternalServerError();
        }

        byte[]? original;
        string? name;
        FitTrackeeWorkout? workout;
        FitTrackeeTrack? track;
        lock (SyncRoot)
        {
            workout = _workouts.Find(w => w.Id == id);
            original = _originals.GetValueOrDefault(id);
            name = _originalNames.GetValueOrDefault(id);
            track = _tracks.GetValueOrDefault(id);
        }

        if (workout is null)
        {
            return FitTrackeeJson.DataNotFound("workout", $"workout not found (id: {id})");
        }

        if (original is null || name is null)
        {
            return FitTrackeeJson.DataNotFound("original_file", $"no original file for workout (id: {id})");
        }

        var extension = workout.OriginalFileExtension!;
        if (!asGpx || extension == "gpx")
        {
            return Attachment(original, FileMediaTypes[extension], name, sendFile: true);
        }

        var gpx = FitTrackeeGpxWriter.Write("FitTrackee", workout.Title, workout.Description, track?.ValidSegments ?? []);
        return Attachment(gpx, FileMediaTypes["gpx"], name.Replace(extension, "gpx", StringComparison.Ordinal), sendFile: false);
    }

    private static HttpResponseMessage Attachment(byte[] content, string mediaType, string fileName, bool sendFile)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(content) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = mediaType.EndsWith("xml", StringComparison.Ordinal) ? "utf-8" : null };
        response.Content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName };
        if (sendFile)
        {
            response.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true }; // send_from_directory's conditional-response headers
        }

        return response;
    }
}

using System.Globalization;
using System.Net;

namespace FitnessClients.Testing;

// The original ZIP and the GPX/TCX/KML/CSV exports.
public sealed partial class GarminConnectEmulator
{
    private HttpResponseMessage DownloadOriginal(EmulatorRequest request)
    {
        var (activity, _) = FindWithChildren(Id(request));
        if (activity is null || activity.OriginalFormat == GarminOriginalFormat.None)
        {
            return NotFound(); // unknown, or a manual activity: no file
        }

        if (activity.ParentId is { } parentId)
        {
            // A multisport leg's original is the parent's combined file.
            (activity, _) = FindWithChildren(parentId);
            if (activity is null)
            {
                return NotFound();
            }
        }

        long largeSize;
        bool large;
        lock (SyncRoot)
        {
            large = _largeOriginalId == activity.Id;
            largeSize = _largeOriginalSize;
        }

        var id = activity.Id;
        var entryName = string.Create(CultureInfo.InvariantCulture, $"{id}_ACTIVITY.{Extension(activity.OriginalFormat)}");
        HttpResponseMessage response;
        if (large)
        {
            var modified = activity.Start.DateTime;
            var seed = activity.Seed;
            var length = new StoredZipStream(entryName, largeSize, modified, _ => 0).Length;
            response = EmulatorResponses.Stream(
                () =>
                {
                    var entry = new LargeFitEntry(largeSize, seed);
                    return new StoredZipStream(entryName, largeSize, modified, entry.Read, count => Interlocked.Add(ref _largeOriginalBytesProduced, count));
                },
                "application/x-zip-compressed",
                length);
        }
        else
        {
            var zip = GarminOriginalZip.Build(entryName, OriginalFile(activity).Span, activity.Start.DateTime);
            response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(zip) };
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-zip-compressed");
        }

        return response.WithHeader("Content-Disposition", string.Create(CultureInfo.InvariantCulture, $"attachment; filename=\"{id}.zip\""));
    }

    private HttpResponseMessage DownloadExport(EmulatorRequest request)
    {
        var format = request.GetRouteValue("format");
        if (format is not ("gpx" or "tcx" or "kml" or "csv"))
        {
            return NotFound();
        }

        var (activity, children) = FindWithChildren(Id(request));
        if (activity is null)
        {
            return NotFound();
        }

        if (format == "tcx" && activity.OriginalFormat == GarminOriginalFormat.Gpx)
        {
            // Garmin cannot turn an imported GPX into TCX (pe-st saw 500, garminexport 404).
            return EmulatorResponses.Json(HttpStatusCode.InternalServerError, """{"message":"HTTP 500 Internal Server Error","error":"InternalServerErrorException"}""");
        }

        if (activity.IsManual || (format != "csv" && !activity.HasGps))
        {
            return EmulatorResponses.Empty(HttpStatusCode.NoContent);
        }

        var track = GarminTrack.For(activity, children);
        var (bytes, type) = format switch
        {
            "gpx" => (GarminGpxWriter.Write(activity, track), "application/gpx+xml"),
            "tcx" => (GarminTcxWriter.Write(activity, track, GarminLaps.Compute(activity, track, children)), "application/vnd.garmin.tcx+xml"),
            "kml" => (GarminKmlWriter.Write(activity, track), "application/vnd.google-earth.kml+xml"),
            _ => (GarminCsvWriter.Write(activity, GarminLaps.Compute(activity, track, children)), "text/csv"),
        };
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) };
        response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        return response.WithHeader("Content-Disposition", string.Create(CultureInfo.InvariantCulture, $"attachment; filename=\"activity_{activity.Id}.{format}\""));
    }

    /// <summary>The file inside the original ZIP: the uploaded bytes, or a generated FIT, GPX or TCX.</summary>
    private ReadOnlyMemory<byte> OriginalFile(GarminEmulatedActivity activity)
    {
        if (activity.UploadedFile is { } uploaded)
        {
            return uploaded;
        }

        var (_, children) = FindWithChildren(activity.Id);
        var track = GarminTrack.For(activity, children);
        return activity.OriginalFormat switch
        {
            GarminOriginalFormat.Gpx => GarminGpxWriter.Write(activity, track, creator: "Imported GPX (synthetic)"),
            GarminOriginalFormat.Tcx => GarminTcxWriter.Write(activity, track, GarminLaps.Compute(activity, track, children)),
            _ => GarminFitWriter.Write(activity, track, activity.IsMultisportParent ? children : [activity]),
        };
    }

    private static string Extension(GarminOriginalFormat format) => format switch
    {
        GarminOriginalFormat.Gpx => "gpx",
        GarminOriginalFormat.Tcx => "tcx",
        _ => "fit",
    };
}

using System.Globalization;
using System.Net;
using System.Security.Cryptography;

namespace FitnessClients.Testing;

// POST /upload-service/upload: multipart field "file" → 202 with the new activity, or 409 for a file seen before.
public sealed partial class GarminConnectEmulator
{
    private HttpResponseMessage Upload(EmulatorRequest request)
    {
        MultipartPart? file;
        try
        {
            file = request.ReadMultipart().GetPart("file");
        }
        catch (FormatException)
        {
            return BadRequest("The request is not multipart/form-data");
        }

        if (file is null || file.Data.IsEmpty)
        {
            return BadRequest("Required request part 'file' is not present");
        }

        var fileName = file.FileName ?? "upload";
        var format = Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".FIT" => GarminOriginalFormat.Fit,
            ".GPX" => GarminOriginalFormat.Gpx,
            ".TCX" => GarminOriginalFormat.Tcx,
            _ => GarminOriginalFormat.None,
        };
        var info = format switch
        {
            GarminOriginalFormat.Fit => GarminFitReader.TryRead(file.Data.Span),
            GarminOriginalFormat.Gpx or GarminOriginalFormat.Tcx => GarminXmlFileReader.TryRead(file.Data, format),
            _ => null,
        };
        if (info is null)
        {
            return EmulatorResponses.Json(HttpStatusCode.UnsupportedMediaType, """{"message":"Unsupported or unreadable file; send a .fit, .gpx or .tcx file","error":"UnsupportedMediaTypeException"}""");
        }

        var hash = Convert.ToHexString(SHA256.HashData(file.Data.Span));
        var now = TimeProvider.GetUtcNow();
        var uploadId = 212_157_427_938 + Interlocked.Increment(ref _uploadSequence);
        var uuid = GarminJson.Uuid((ulong)uploadId);
        lock (SyncRoot)
        {
            var duplicate = _uploadedHashes.TryGetValue(hash, out var existing) && _byId.ContainsKey(existing)
                ? existing
                : FindSameRecording(info);
            if (duplicate is { } duplicateId)
            {
                return EmulatorResponses.Json(HttpStatusCode.Conflict, GarminUploadResultWriter.Write(uploadId, uuid, _account.ProfileId, fileName, file.Data.Length, now, duplicateId, duplicate: true));
            }

            var id = NextIdLocked();
            var startUtc = info.StartUtc ?? (now - TimeSpan.FromHours(1)).UtcDateTime;
            var zone = GarminTimeZones.Home;
            var start = new DateTimeOffset(DateTime.SpecifyKind(startUtc, DateTimeKind.Unspecified), TimeSpan.Zero).ToOffset(zone.GetOffset(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc)));
            var type = GarminActivityTypes.Find(info.TypeKey) ?? GarminActivityTypes.Get("other");
            var duration = info.ElapsedSeconds is > 0 ? TimeSpan.FromSeconds(info.ElapsedSeconds.Value) : (TimeSpan?)null;
            var kind = format switch
            {
                GarminOriginalFormat.Gpx => GarminActivityKind.GpxImport,
                GarminOriginalFormat.Tcx => GarminActivityKind.TcxImport,
                _ => GarminActivityKind.Device,
            };
            var device = info.SerialNumber is { } serial ? GarminDevices.ByUnitId(serial) : null;
            var generated = GarminActivityGenerator.CreateSingle(id, type, kind, start, zone, info.Name ?? Path.GetFileNameWithoutExtension(fileName), duration, (ulong)id ^ 0xC3A5C85C97CB3127UL);
            var activity = generated with
            {
                OriginalFormat = format,
                IsUploaded = true,
                UploadedFile = file.Data.ToArray(),
                HasGps = info.HasPosition && !type.Indoor,
                Distance = info.Distance ?? generated.Distance,
                Duration = duration ?? generated.Duration,
                MovingDuration = duration ?? generated.MovingDuration,
                ElapsedDuration = duration ?? generated.ElapsedDuration,
                DeviceId = device?.UnitId,
                DeviceApplicationInstallationId = device?.ApplicationInstallationId,
            };
            if (!activity.HasGps)
            {
                activity = activity with { StartLatitude = null, StartLongitude = null, ElevationGain = null, ElevationLoss = null, MinElevation = null, MaxElevation = null };
            }

            AddLocked(activity);
            _uploadedHashes[hash] = id;
            Interlocked.Increment(ref _uploads);
            var created = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            return EmulatorResponses.Json(HttpStatusCode.Accepted, GarminUploadResultWriter.Write(uploadId, uuid, _account.ProfileId, fileName, file.Data.Length, now, id, duplicate: false))
                .WithHeader("Location", $"https://connectapi.garmin.com/activity-service/activity/status/{created}/{uuid.Replace("-", string.Empty, StringComparison.Ordinal)}");
        }
    }

    /// <summary>An existing activity recorded by the same device at the same time (how Garmin recognises a re-uploaded FIT file).</summary>
    private long? FindSameRecording(GarminUploadedFileInfo info)
    {
        if (info.Format != GarminOriginalFormat.Fit || info.SerialNumber is not { } serial || info.StartUtc is not { } start)
        {
            return null;
        }

        return _activities.FirstOrDefault(a => a.OriginalFormat == GarminOriginalFormat.Fit && a.ParentId is null &&
            a.DeviceId is { } device && (uint)(device & 0xFFFFFFFF) == serial &&
            Math.Abs((a.StartUtc.UtcDateTime - start).TotalSeconds) < 1)?.Id;
    }
}

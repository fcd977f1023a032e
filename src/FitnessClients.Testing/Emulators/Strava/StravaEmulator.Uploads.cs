using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

// POST /uploads and GET /uploads/{id}: processing advances on the emulator clock; a file seen before is a duplicate.
public sealed partial class StravaEmulator
{
    private static readonly string[] DataTypes = ["fit", "fit.gz", "tcx", "tcx.gz", "gpx", "gpx.gz"];

    private readonly Dictionary<long, StravaUpload> _uploads = [];
    private readonly Dictionary<long, StravaUpload> _uploadedFiles = [];
    private long _nextUploadId = 17_611_540_601;

    /// <summary>How many uploads were accepted for processing.</summary>
    public int UploadCount
    {
        get
        {
            lock (SyncRoot)
            {
                return _uploads.Count;
            }
        }
    }

    private void MapUploadRoutes()
    {
        Router.MapPost(ApiBasePath + "/uploads", CreateUpload);
        Router.MapGet(ApiBasePath + "/uploads/{id:long}", GetUpload);
    }

    private HttpResponseMessage CreateUpload(EmulatorRequest request)
    {
        if (!HasScope(request, "activity:write"))
        {
            return StravaJson.MissingPermission("activity:write_permission");
        }

        MultipartFormData form;
        try
        {
            form = request.ReadMultipart();
        }
        catch (FormatException)
        {
            return StravaJson.BadRequest("Upload", "file", "empty");
        }
        catch (InvalidOperationException)
        {
            return StravaJson.BadRequest("Upload", "file", "empty");
        }

        var file = form.GetPart("file");
        if (file is null || file.Data.Length == 0)
        {
            return StravaJson.BadRequest("Upload", "file", "empty");
        }

        var dataType = form.GetValue("data_type")?.Trim().ToLowerInvariant();
        if (dataType is null || !DataTypes.Contains(dataType, StringComparer.Ordinal))
        {
            return StravaJson.BadRequest("Upload", "data_type");
        }

        var format = dataType switch
        {
            "fit" => StravaOriginalFormat.Fit,
            "fit.gz" => StravaOriginalFormat.FitGz,
            "gpx" or "gpx.gz" => StravaOriginalFormat.Gpx,
            _ => StravaOriginalFormat.Tcx,
        };
        var bytes = file.Data.ToArray();
        var hash = Convert.ToHexString(SHA256.HashData(bytes));
        StravaUpload upload;
        lock (SyncRoot)
        {
            upload = new StravaUpload(_nextUploadId, form.GetValue("external_id") ?? file.FileName, TimeProvider.GetUtcNow() + _options.UploadProcessingTime, bytes, format, hash, form.GetValue("name"));
            _nextUploadId += 1_000_003;
            _uploads[upload.Id] = upload;
        }

        return EmulatorResponses.Json(HttpStatusCode.Created, UploadJson(upload));
    }

    private HttpResponseMessage GetUpload(EmulatorRequest request)
    {
        lock (SyncRoot)
        {
            if (!_uploads.TryGetValue(Id(request), out var upload))
            {
                return StravaJson.RecordNotFound("Upload");
            }

            if (!upload.Processed && TimeProvider.GetUtcNow() >= upload.ReadyAt)
            {
                ProcessLocked(upload);
            }

            return EmulatorResponses.Json(HttpStatusCode.OK, UploadJson(upload));
        }
    }

    private void ProcessLocked(StravaUpload upload)
    {
        upload.Processed = true;
        var duplicate = _uploadedFiles.Values.FirstOrDefault(u => string.Equals(u.Hash, upload.Hash, StringComparison.Ordinal));
        if (duplicate?.ActivityId is { } existing)
        {
            upload.Error = string.Create(CultureInfo.InvariantCulture, $"{upload.ExternalId ?? upload.Id.ToString(CultureInfo.InvariantCulture)} duplicate of activity {existing}");
            return;
        }

        var id = _byId.Keys.DefaultIfEmpty(_options.FirstActivityId).Max() + 1_000_001;
        var random = new DeterministicRandom((ulong)id);
        // The start is two hours before processing ended: a fresh upload of a just-finished workout.
        var generated = StravaActivityGenerator.Create(id, upload.ReadyAt.AddHours(-2), random, new StravaEmulatorOptions { ManualShare = 0, PrivateShare = 0, PhotoShare = 0, EmojiNameShare = 0 }, upload.Name);
        var activity = generated with { OriginalFormat = upload.Format };
        AddLocked(activity);
        upload.ActivityId = id;
        _uploadedFiles[id] = upload;
    }

    private static JsonObject UploadJson(StravaUpload upload) => new()
    {
        ["id"] = upload.Id,
        ["id_str"] = upload.Id.ToString(CultureInfo.InvariantCulture),
        ["external_id"] = upload.ExternalId,
        ["error"] = upload.Error,
        ["status"] = !upload.Processed ? "Your activity is still being processed."
            : upload.Error is not null ? "There was an error processing your activity."
            : "Your activity is ready.",
        ["activity_id"] = upload.ActivityId,
    };
}

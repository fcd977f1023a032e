using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

// POST /api/workouts (files and archives) in post_workout's order of checks, with its three error shapes.
public sealed partial class FitTrackeeEmulator
{
    /// <summary>Exactly the fields of FitTrackee's <c>WorkoutsData</c> dataclass; any other key is a <c>TypeError</c> (HTML 500).</summary>
    private static readonly string[] UploadDataKeys =
        ["sport_id", "analysis_visibility", "description", "equipment_ids", "map_visibility", "notes", "title", "workout_visibility"];

    private static readonly string[] WorkoutExtensions = ["gpx", "kml", "kmz", "fit", "tcx"];

    private readonly Dictionary<string, JsonObject> _uploadTasks = new(StringComparer.Ordinal);

    private string[] AllowedExtensions => SupportsAllFormats ? [.. WorkoutExtensions, "zip"] : ["gpx", "zip"];

    private void MapUploadRoutes()
    {
        Router.MapPost(ApiBasePath + "/workouts", Protected(WorkoutsWrite, PostWorkout));
        Router.MapPost(ApiBasePath + "/workouts/no_gpx", Protected(WorkoutsWrite, PostWorkoutWithoutFile));
        Router.MapGet(ApiBasePath + "/workouts/upload-tasks", Protected(WorkoutsRead, ListUploadTasks));
        Router.MapGet(ApiBasePath + "/workouts/upload-tasks/{id}", Protected(WorkoutsRead, GetUploadTask));
    }

    /// <summary>Werkzeug's <c>MAX_CONTENT_LENGTH</c> (the archive limit) as <c>post_workout</c> reports it.</summary>
    private HttpResponseMessage? TooLargeForFlask(EmulatorRequest request) =>
        request.Method == HttpMethod.Post && request.Path == ApiBasePath + "/workouts" && request.Body.Length > _options.MaxZipFileSize
            ? TooLarge(IsChunked(request) ? 0 : request.Body.Length, _options.MaxZipFileSize)
            : null;

    /// <summary>A body framed by chunks, without Content-Length: over the loopback port (in process every body has a length).</summary>
    private static bool IsChunked(EmulatorRequest request) =>
        request.GetHeader("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true;

    private static HttpResponseMessage TooLarge(long size, long max) => FitTrackeeJson.Error(
        HttpStatusCode.RequestEntityTooLarge,
        $"Error during workout upload, file size {(size > 0 ? $"({FitTrackeeJson.ReadableSize(size)}) " : string.Empty)}exceeds {FitTrackeeJson.ReadableSize(max)}.",
        "fail");

    private HttpResponseMessage PostWorkout(EmulatorRequest request)
    {
        MultipartFormData? form = null;
        if (string.Equals(request.MediaType, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                form = request.ReadMultipart();
            }
            catch (FormatException)
            {
                return FitTrackeeHtml.BadRequest();
            }
        }

        // get_error_response_if_file_is_invalid
        var file = form?.Parts.FirstOrDefault(p => p.Name == "file" && p.FileName is not null);
        if (file is null)
        {
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, "no file part", "fail");
        }

        if (string.IsNullOrEmpty(file.FileName))
        {
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, "no selected file", "fail");
        }

        var dot = file.FileName.LastIndexOf('.');
        var extension = dot < 0 ? null : file.FileName[(dot + 1)..].ToLowerInvariant();
        if (extension is null || !AllowedExtensions.Contains(extension, StringComparer.Ordinal))
        {
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, "file extension not allowed", "fail");
        }

        // Werkzeug's content_length: None for a chunked body, and FitTrackee skips the check then (the archive limit,
        // enforced on the stream, still applies).
        var declaredLength = IsChunked(request) ? (long?)null : request.Body.Length;
        if (extension != "zip" && declaredLength > _options.MaxSingleFileSize)
        {
            return TooLarge(request.Body.Length, _options.MaxSingleFileSize);
        }

        // json.loads(request.form["data"]): a missing field is a KeyError, which Flask answers with its HTML 400.
        var dataText = form!.Parts.FirstOrDefault(p => p.Name == "data" && p.FileName is null)?.ReadAsString();
        if (dataText is null)
        {
            return FitTrackeeHtml.BadRequest();
        }

        JsonNode? data;
        try
        {
            data = JsonNode.Parse(dataText);
        }
        catch (JsonException)
        {
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, "invalid payload");
        }

        if (!IsTruthy(data))
        {
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, "invalid payload");
        }

        if (data is not JsonObject fields)
        {
            return HtmlErrorPages.FlaskInternalServerError(); // .get() on a list or number
        }

        if (fields["sport_id"] is null)
        {
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, "invalid payload");
        }

        var content = file.Data.ToArray();
        if (_options.CheckMimeType && !FitTrackeeFileReader.PassesMimeCheck(extension, content))
        {
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, "invalid file");
        }

        if (CheckUploadData(fields) is { } refused)
        {
            return refused;
        }

        var sport = SportFromJson(fields["sport_id"])!;
        var (title, notes, description) = (StringValue(fields["title"]), StringValue(fields["notes"]), StringValue(fields["description"]));
        if (EquipmentError(fields) is { } equipment)
        {
            return equipment;
        }

        var visibility = StringValue(fields["workout_visibility"]);
        return extension == "zip"
            ? PostArchive(request, file.FileName, content, dataText, sport, title, notes, description, visibility)
            : PostFile(request, file.FileName, extension, content, dataText, sport, title, notes, description, visibility);
    }

    /// <summary>The service's checks on <c>data</c>: sport (400 <c>invalid</c>), keys (HTML 500), types (HTML 500), equipment (400).</summary>
    private HttpResponseMessage? CheckUploadData(JsonObject fields)
    {
        var sportNode = fields["sport_id"];
        if (!IsTruthy(sportNode))
        {
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, "no sport id provided", "invalid");
        }

        if (SportFromJson(sportNode) is null)
        {
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, $"Sport id: {JsonText(sportNode)} does not exist", "invalid");
        }

        if (fields.Any(p => !UploadDataKeys.Contains(p.Key, StringComparer.Ordinal)))
        {
            return HtmlErrorPages.FlaskInternalServerError(); // WorkoutsData(**data): TypeError, unexpected keyword argument
        }

        foreach (var key in new[] { "title", "notes", "description" })
        {
            if (fields[key] is { } value && StringValue(value) is null && IsTruthy(value))
            {
                return HtmlErrorPages.FlaskInternalServerError(); // slicing a number
            }
        }

        foreach (var key in new[] { "workout_visibility", "analysis_visibility", "map_visibility" })
        {
            if (fields[key] is { } value && IsTruthy(value) && !Visibilities.Contains(StringValue(value), StringComparer.Ordinal))
            {
                return HtmlErrorPages.FlaskInternalServerError(); // the Enum column refuses the value at commit
            }
        }

        return EquipmentError(fields);
    }

    private static HttpResponseMessage? EquipmentError(JsonObject fields)
    {
        if (!fields.TryGetPropertyValue("equipment_ids", out var equipment) || equipment is null)
        {
            return null;
        }

        if (equipment is not JsonArray ids || ids.Any(i => StringValue(i) is null))
        {
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, "equipment_ids must be an array of strings");
        }

        if (ids.Count == 0)
        {
            return null;
        }

        var first = StringValue(ids[0])!;
        return FitTrackeeJson.Dumps(HttpStatusCode.BadRequest, new JsonObject
        {
            ["status"] = "not_found",
            ["equipment_id"] = first,
            ["message"] = $"equipment with id {first} does not exist",
        });
    }

    private HttpResponseMessage PostFile(EmulatorRequest request, string fileName, string extension, byte[] content, string dataText, FitTrackeeSport sport, string? title, string? notes, string? description, string? visibility)
    {
        FitTrackeeWorkout workout;
        try
        {
            lock (SyncRoot)
            {
                workout = CreateFromFileLocked(sport, extension, content, title, notes, description, visibility, request.ReceivedAt);
                _uploads.Add(new FitTrackeeUploadedFile(workout.Id, fileName, content, dataText, request.ReceivedAt));
            }
        }
        catch (FitTrackeeFileException exception)
        {
            return exception.Status == "error"
                ? FitTrackeeJson.Error(HttpStatusCode.InternalServerError, exception.Message)
                : FitTrackeeJson.Error(HttpStatusCode.BadRequest, exception.Message, exception.Status);
        }

        return FitTrackeeJson.Success(new JsonObject { ["workouts"] = new JsonArray(FullJson(workout)) }, status: "created", code: HttpStatusCode.Created);
    }

    private HttpResponseMessage PostArchive(EmulatorRequest request, string fileName, byte[] content, string dataText, FitTrackeeSport sport, string? title, string? notes, string? description, string? visibility)
    {
        List<(string Name, byte[] Bytes)> files;
        try
        {
            files = ReadArchive(content);
        }
        catch (FitTrackeeFileException exception)
        {
            return exception.Status == "error"
                ? FitTrackeeJson.Error(HttpStatusCode.InternalServerError, exception.Message)
                : FitTrackeeJson.Error(HttpStatusCode.BadRequest, exception.Message, exception.Status);
        }

        var created = new List<FitTrackeeWorkout>();
        var errors = new JsonObject();
        lock (SyncRoot)
        {
            foreach (var (name, bytes) in files)
            {
                var extension = Path.GetExtension(name).TrimStart('.').ToLowerInvariant();
                try
                {
                    if (_options.CheckMimeType && !FitTrackeeFileReader.PassesMimeCheck(extension, bytes))
                    {
                        throw new FitTrackeeFileException("error", "invalid file");
                    }

                    var workout = CreateFromFileLocked(sport, extension, bytes, title, notes, description, visibility, request.ReceivedAt);
                    _uploads.Add(new FitTrackeeUploadedFile(workout.Id, name, bytes, dataText, request.ReceivedAt, fileName));
                    created.Add(workout);
                }
                catch (FitTrackeeFileException exception)
                {
                    errors[name] = exception.Message;
                }
            }
        }

        if (files.Count > _options.FileSyncLimitImport)
        {
            // FitTrackee queues a task for its workers; here the work is already done and the task reports it.
            var taskId = FitTrackeeShortId.Next(_ids);
            lock (SyncRoot)
            {
                _uploadTasks[taskId] = new JsonObject
                {
                    ["created_at"] = FitTrackeeJson.Date(request.ReceivedAt),
                    ["errored_files"] = errors.DeepClone(),
                    ["files_count"] = files.Count,
                    ["id"] = taskId,
                    ["new_workouts_count"] = created.Count,
                    ["original_file_name"] = fileName,
                    ["progress"] = 100,
                    ["status"] = errors.Count > 0 ? "errored" : "successful",
                    ["type"] = "workouts_archive_upload",
                };
            }

            return FitTrackeeJson.Flask(HttpStatusCode.OK, new JsonObject { ["data"] = new JsonObject { ["task_id"] = taskId }, ["status"] = "in_progress" });
        }

        if (created.Count > 0 && errors.Count == 0)
        {
            return FitTrackeeJson.Success(new JsonObject { ["workouts"] = new JsonArray([.. created.Select(w => (JsonNode)FullJson(w))]) }, status: "created", code: HttpStatusCode.Created);
        }

        return FitTrackeeJson.Flask(HttpStatusCode.BadRequest, new JsonObject { ["status"] = "fail", ["new_workouts"] = created.Count, ["errored_workouts"] = errors });
    }

    /// <summary><c>get_files_from_archive</c>: workout files by extension, each within the single-file limit (uncompressed), at most <c>file_limit_import</c>.</summary>
    private List<(string Name, byte[] Bytes)> ReadArchive(byte[] content)
    {
        var files = new List<(string, byte[])>();
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            foreach (var entry in archive.Entries)
            {
                var extension = Path.GetExtension(entry.FullName).TrimStart('.').ToLowerInvariant();
                if (entry.FullName.EndsWith('/') || !WorkoutExtensions.Contains(extension, StringComparer.Ordinal))
                {
                    continue;
                }

                if (entry.Length > _options.MaxSingleFileSize)
                {
                    throw new FitTrackeeFileException("fail", "at least one file in zip archive exceeds size limit, please check the archive");
                }

                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                files.Add((entry.FullName, copy.ToArray()));
                if (files.Count > _options.FileLimitImport)
                {
                    throw new FitTrackeeFileException("fail", "the number of files in the archive exceeds the limit");
                }
            }
        }
        catch (InvalidDataException)
        {
            throw new FitTrackeeFileException("error", "invalid zip file");
        }

        return files.Count > 0 ? files : throw new FitTrackeeFileException("fail", "archive does not contain valid workout files");
    }

    /// <summary>The archive tasks, newest first, five per page.</summary>
    private HttpResponseMessage ListUploadTasks(EmulatorRequest request)
    {
        if (!int.TryParse(request.GetQueryValue("page") ?? "1", NumberStyles.Integer, CultureInfo.InvariantCulture, out var page))
        {
            return HtmlErrorPages.FlaskInternalServerError();
        }

        page = Math.Max(page, 1);
        List<JsonObject> tasks;
        lock (SyncRoot)
        {
            tasks = [.. _uploadTasks.Values.Reverse()];
        }

        var pages = (int)Math.Ceiling(tasks.Count / 5.0);
        return FitTrackeeJson.Success(
            new JsonObject { ["tasks"] = new JsonArray([.. tasks.Skip((page - 1) * 5).Take(5).Select(t => t.DeepClone())]) },
            new JsonObject { ["has_next"] = page < pages, ["has_prev"] = page > 1, ["page"] = page, ["pages"] = pages, ["total"] = tasks.Count });
    }

    private HttpResponseMessage GetUploadTask(EmulatorRequest request)
    {
        lock (SyncRoot)
        {
            return _uploadTasks.TryGetValue(request.GetRouteValue("id"), out var task)
                ? FitTrackeeJson.Flask(HttpStatusCode.OK, new JsonObject { ["status"] = "success", ["task"] = task.DeepClone() })
                : FitTrackeeJson.Error(HttpStatusCode.NotFound, "no task found", "not found");
        }
    }

    /// <summary><c>POST /api/workouts/no_gpx</c>: JSON with truthy sport, date, duration (s) and distance (km); the date in the user's zone.</summary>
    private HttpResponseMessage PostWorkoutWithoutFile(EmulatorRequest request)
    {
        if (ReadJsonBody(request, out var body) is { } refused)
        {
            return refused;
        }

        if (!IsTruthy(body))
        {
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, "invalid payload");
        }

        if (body is not JsonObject fields)
        {
            return HtmlErrorPages.FlaskInternalServerError();
        }

        if (!IsTruthy(fields["sport_id"]) || !IsTruthy(fields["duration"]) || !IsTruthy(fields["distance"]) || !IsTruthy(fields["workout_date"]))
        {
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, "invalid payload");
        }

        if (SportFromJson(fields["sport_id"]) is not { } sport)
        {
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, $"Sport id: {JsonText(fields["sport_id"])} does not exist", "invalid");
        }

        string[] allowed = ["distance", "duration", "sport_id", "workout_date", "ascent", "descent", "description", "equipment_ids", "notes", "title", "workout_visibility", "calories"];
        if (fields.Any(p => !allowed.Contains(p.Key, StringComparer.Ordinal)))
        {
            return HtmlErrorPages.FlaskInternalServerError(); // WorkoutData(**data): TypeError
        }

        var (ascent, descent) = (fields["ascent"], fields["descent"]);
        if ((ascent is null) != (descent is null) || (ascent is not null && (NumberValue(ascent) is not >= 0 || NumberValue(descent) is not >= 0)))
        {
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, "invalid ascent or descent", "invalid");
        }

        if (NumberValue(fields["duration"]) is not { } seconds || fields["duration"] is JsonValue d && d.TryGetValue<string>(out _) ||
            NumberValue(fields["distance"]) is not { } distance)
        {
            return HtmlErrorPages.FlaskInternalServerError(); // timedelta(seconds="...") or float(None)
        }

        if (StringValue(fields["workout_date"]) is not { } dateText ||
            !DateTime.TryParseExact(dateText, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return FitTrackeeJson.Error(HttpStatusCode.InternalServerError, "invalid format for workout date");
        }

        if (distance > 999.9)
        {
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, "one or more values, entered or calculated, exceed the limits");
        }

        if (EquipmentError(fields) is { } equipment)
        {
            return equipment;
        }

        var visibility = StringValue(fields["workout_visibility"]);
        if (visibility is not null && visibility.Length > 0 && !Visibilities.Contains(visibility, StringComparer.Ordinal))
        {
            return HtmlErrorPages.FlaskInternalServerError();
        }

        FitTrackeeWorkout workout;
        lock (SyncRoot)
        {
            var id = FitTrackeeShortId.Next(_ids);
            workout = FitTrackeeWorkoutGenerator.Manual(id, sport, LocalToUtc(local), distance, TimeSpan.FromSeconds(seconds), StringValue(fields["title"]), Truncate(StringValue(fields["notes"]), 500), Truncate(StringValue(fields["description"]), 10_000), _zone, request.ReceivedAt) with
            {
                Ascent = NumberValue(ascent),
                Descent = NumberValue(descent),
                Calories = NumberValue(fields["calories"]) is { } kcal ? (int)kcal : null,
                WorkoutVisibility = string.IsNullOrEmpty(visibility) ? "private" : visibility,
            };
            StoreLocked(workout, null, null);
        }

        return FitTrackeeJson.Success(new JsonObject { ["workouts"] = new JsonArray(FullJson(workout)) }, status: "created", code: HttpStatusCode.Created);
    }
}

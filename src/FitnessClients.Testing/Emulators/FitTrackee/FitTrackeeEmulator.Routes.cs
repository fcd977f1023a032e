using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

// The /api routes, FitTrackee's resource protector in front of them, and the catch-all.
public sealed partial class FitTrackeeEmulator
{
    private const string WorkoutsRead = "workouts:read";
    private const string WorkoutsWrite = "workouts:write";

    /// <inheritdoc />
    protected override HttpResponseMessage CreateNotFoundResponse(EmulatorRequest request) =>
        request?.Method == HttpMethod.Get || request?.Method == HttpMethod.Head ? FitTrackeeHtml.WebApp() : FitTrackeeHtml.MethodNotAllowed();

    /// <inheritdoc />
    protected override HttpResponseMessage CreateMethodNotAllowedResponse(EmulatorRequest request, IReadOnlyList<HttpMethod> allowed) => FitTrackeeHtml.MethodNotAllowed();

    private void MapRoutes()
    {
        Router.MapGet(ApiBasePath + "/config", _ => GetConfig());
        Router.MapGet(ApiBasePath + "/auth/profile", Protected("profile:read", GetProfile));
        Router.MapGet(ApiBasePath + "/sports", Protected(WorkoutsRead, GetSports));
        Router.MapGet(ApiBasePath + "/sports/{id:int}", Protected(WorkoutsRead, GetSport));
        Router.MapGet(ApiBasePath + "/workouts", Protected(WorkoutsRead, ListWorkouts));
        Router.MapGet(ApiBasePath + "/workouts/{id}", Protected(WorkoutsRead, GetWorkout));
        Router.MapPatch(ApiBasePath + "/workouts/{id}", Protected(WorkoutsWrite, UpdateWorkout));
        Router.MapDelete(ApiBasePath + "/workouts/{id}", Protected(WorkoutsWrite, DeleteWorkout));
        Router.MapGet(ApiBasePath + "/workouts/{id}/gpx", Protected(WorkoutsRead, _ => EmulatorResponses.Json(HttpStatusCode.Gone, new JsonObject())));
        MapUploadRoutes();
        MapDownloadRoutes();
    }

    /// <summary>
    /// FitTrackee's <c>require_auth</c>: no header → its own 401; a header without a space → Flask's 500 (it splits on the
    /// space); another scheme → Authlib's <c>unsupported_token_type</c>; a dead token → <c>invalid_token</c>; a missing
    /// scope → 403 <c>insufficient_scope</c>.
    /// </summary>
    private Func<EmulatorRequest, HttpResponseMessage> Protected(string scope, Func<EmulatorRequest, HttpResponseMessage> handler) => request =>
    {
        if (!RequireAuthentication)
        {
            return handler(request);
        }

        var header = request.GetHeader("Authorization");
        if (string.IsNullOrEmpty(header))
        {
            return FitTrackeeJson.Error(HttpStatusCode.Unauthorized, "provide a valid auth token");
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return HtmlErrorPages.FlaskInternalServerError();
        }

        if (TooLargeForFlask(request) is { } tooLarge)
        {
            return tooLarge; // Authlib reads the form while looking for the token, and Werkzeug refuses the body first
        }

        if (!string.Equals(header[..space], "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return FitTrackeeJson.OAuthError(HttpStatusCode.Unauthorized, "unsupported_token_type", null)
                .WithHeader("WWW-Authenticate", "Bearer error=\"unsupported_token_type\"");
        }

        var token = OAuth.ValidateAccessToken(header[(space + 1)..].Trim());
        if (token is null)
        {
            return FitTrackeeJson.InvalidToken();
        }

        return token.HasScope(scope) ? handler(request) : FitTrackeeJson.InsufficientScope();
    };

    private HttpResponseMessage GetConfig()
    {
        var data = new JsonObject
        {
            ["about"] = null,
            ["admin_contact"] = "admin@example.com",
            ["elevation_services"] = new JsonObject { ["open_elevation"] = false, ["valhalla"] = false },
            ["file_limit_import"] = _options.FileLimitImport,
            ["file_sync_limit_import"] = _options.FileSyncLimitImport,
            ["global_map_workouts_limit"] = 10_000,
            ["is_email_sending_enabled"] = false,
            ["is_registration_enabled"] = false,
            ["map_attribution"] = "&copy; <a href=http://www.openstreetmap.org/copyright>OpenStreetMap</a> contributors",
            ["max_single_file_size"] = _options.MaxSingleFileSize,
            ["max_users"] = 0,
            ["max_zip_file_size"] = _options.MaxZipFileSize,
            ["privacy_policy"] = null,
            ["privacy_policy_date"] = null,
            ["stats_workouts_limit"] = 10_000,
            ["version"] = _options.Version,
            ["weather_provider"] = null,
        };
        return FitTrackeeJson.Success(data);
    }

    private HttpResponseMessage GetProfile(EmulatorRequest request)
    {
        List<FitTrackeeWorkout> workouts;
        lock (SyncRoot)
        {
            workouts = [.. _workouts];
        }

        var data = UserJson(workouts.Count);
        foreach (var (key, value) in new Dictionary<string, JsonNode?>
        {
            ["accepted_privacy_policy"] = true,
            ["analysis_visibility"] = "private",
            ["bio"] = null,
            ["birth_date"] = null,
            ["date_format"] = "dd/MM/yyyy",
            ["display_ascent"] = true,
            ["email"] = _options.Username + "@example.com",
            ["email_to_confirm"] = null,
            ["first_name"] = null,
            ["hide_profile_in_users_directory"] = true,
            ["imperial_units"] = false,
            ["is_active"] = true,
            ["language"] = "en",
            ["last_name"] = null,
            ["location"] = null,
            ["manually_approves_followers"] = false,
            ["map_visibility"] = "private",
            ["missing_elevations_processing"] = "file",
            ["nb_sports"] = workouts.Select(w => w.SportId).Distinct().Count(),
            ["records"] = new JsonArray(),
            ["segments_creation_event"] = "manual",
            ["split_workout_charts"] = false,
            ["sports_list"] = new JsonArray([.. workouts.Select(w => w.SportId).Distinct().Order().Select(id => (JsonNode)id)]),
            ["start_elevation_at_zero"] = false,
            ["timezone"] = _options.Timezone,
            ["total_ascent"] = Math.Round(workouts.Sum(w => w.Ascent ?? 0), 3),
            ["total_distance"] = Math.Round(workouts.Sum(w => w.DistanceKm ?? 0), 3),
            ["total_duration"] = FitTrackeeJson.Duration(TimeSpan.FromSeconds(workouts.Sum(w => w.Moving.TotalSeconds))),
            ["use_dark_mode"] = null,
            ["use_raw_gpx_speed"] = false,
            ["weekm"] = false,
            ["workouts_visibility"] = "private",
        })
        {
            data[key] = value;
        }

        return FitTrackeeJson.Success(data);
    }

    /// <summary><c>User.serialize()</c> as embedded in workouts (and the base of the profile).</summary>
    private JsonObject UserJson(int workoutCount) => new()
    {
        ["created_at"] = FitTrackeeJson.Date(_userCreatedAt),
        ["followers"] = 0,
        ["following"] = 0,
        ["nb_workouts"] = workoutCount,
        ["picture"] = false,
        ["role"] = "user",
        ["suspended_at"] = null,
        ["username"] = _options.Username,
    };

    private static JsonObject SportJson(FitTrackeeSport sport)
    {
        var node = new JsonObject
        {
            ["color"] = null,
            ["default_equipments"] = new JsonArray(),
            ["id"] = sport.Id,
            ["is_active"] = sport.IsActive,
            ["is_active_for_user"] = sport.IsActive,
            ["label"] = sport.Label,
            ["stopped_speed_threshold"] = sport.StoppedSpeedThreshold,
        };
        if (sport.IsPaceSport)
        {
            node["pace_speed_display"] = "pace";
        }

        return node;
    }

    private HttpResponseMessage GetSports(EmulatorRequest request)
    {
        var sports = Sports;
        return FitTrackeeJson.Success(new JsonObject { ["sports"] = new JsonArray([.. sports.Select(s => (JsonNode)SportJson(s))]) });
    }

    private HttpResponseMessage GetSport(EmulatorRequest request)
    {
        var id = int.Parse(request.GetRouteValue("id"), CultureInfo.InvariantCulture);
        var sport = Sports.FirstOrDefault(s => s.Id == id);
        return sport is null
            ? FitTrackeeJson.DataNotFound("sports")
            : FitTrackeeJson.Success(new JsonObject { ["sports"] = new JsonArray(SportJson(sport)) });
    }

    /// <summary><c>check_workout</c>: an id shortuuid cannot decode → Flask's 500; unknown → the data-shaped 404.</summary>
    private HttpResponseMessage WithWorkout(EmulatorRequest request, Func<FitTrackeeWorkout, HttpResponseMessage> answer)
    {
        var id = request.GetRouteValue("id");
        if (!FitTrackeeShortId.IsWellFormed(id))
        {
            return HtmlErrorPages.FlaskInternalServerError();
        }

        var workout = FindWorkout(id);
        return workout is null ? FitTrackeeJson.DataNotFound("workouts") : answer(workout);
    }

    private HttpResponseMessage GetWorkout(EmulatorRequest request) => WithWorkout(request, workout =>
        FitTrackeeJson.Success(new JsonObject { ["workouts"] = new JsonArray(FullJson(workout)) }));

    private JsonObject FullJson(FitTrackeeWorkout workout)
    {
        lock (SyncRoot)
        {
            var others = _workouts.Where(w => !string.Equals(w.Id, workout.Id, StringComparison.Ordinal)).ToList();
            var previous = others.Where(w => w.WorkoutDate <= workout.WorkoutDate).OrderByDescending(w => w.WorkoutDate).FirstOrDefault();
            var next = others.Where(w => w.WorkoutDate >= workout.WorkoutDate).OrderBy(w => w.WorkoutDate).FirstOrDefault();
            return FitTrackeeWorkoutWriter.Full(workout, SportLocked(workout.SportId)!, UserJson(_workouts.Count), previous?.Id, next?.Id);
        }
    }

    private HttpResponseMessage DeleteWorkout(EmulatorRequest request) => WithWorkout(request, workout =>
    {
        lock (SyncRoot)
        {
            RemoveLocked(workout.Id);
        }

        return EmulatorResponses.Empty(HttpStatusCode.NoContent);
    });

    /// <summary>Flask's <c>request.get_json()</c>: 415 without a JSON content type, 400 for a body that is not JSON (both HTML).</summary>
    private static HttpResponseMessage? ReadJsonBody(EmulatorRequest request, out JsonNode? body)
    {
        body = null;
        if (request.MediaType is not { } type || !(type == "application/json" || (type.StartsWith("application/", StringComparison.Ordinal) && type.EndsWith("+json", StringComparison.Ordinal))))
        {
            return FitTrackeeHtml.UnsupportedMediaType();
        }

        try
        {
            body = request.ReadJsonNode();
            return null;
        }
        catch (JsonException)
        {
            return FitTrackeeHtml.BadRequest();
        }
    }

    /// <summary>Python truthiness of a JSON value, as FitTrackee's <c>not data.get(...)</c> checks use it.</summary>
    private static bool IsTruthy(JsonNode? node) => node switch
    {
        null => false,
        JsonObject obj => obj.Count > 0,
        JsonArray array => array.Count > 0,
        JsonValue value when value.TryGetValue<bool>(out var b) => b,
        JsonValue value when value.TryGetValue<string>(out var s) => s.Length > 0,
        JsonValue value when value.TryGetValue<double>(out var d) => d != 0,
        _ => true,
    };

    private static string? StringValue(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A JSON value as Python's <c>float()</c> would take it, or <see langword="null"/>.</summary>
    private static double? NumberValue(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<double>(out var d) => d,
        JsonValue value when value.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>A sport id as SQL compares it (<c>5</c> or <c>"5"</c>); anything else matches no sport.</summary>
    private FitTrackeeSport? SportFromJson(JsonNode? node)
    {
        var id = node switch
        {
            JsonValue value when value.TryGetValue<double>(out var d) && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue => (int)d,
            JsonValue value when value.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => (int?)null,
        };
        lock (SyncRoot)
        {
            return id is { } sportId ? SportLocked(sportId) : null;
        }
    }

    private static string JsonText(JsonNode? node) => node switch
    {
        null => "None",
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}

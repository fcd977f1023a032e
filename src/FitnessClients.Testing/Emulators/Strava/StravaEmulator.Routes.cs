using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

// The /api/v3 routes, the bearer check in front of them and the scope rules.
public sealed partial class StravaEmulator
{
    private const int MaxPerPage = 200;

    /// <inheritdoc />
    protected override ValueTask<HttpResponseMessage> DispatchAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (RequireAuthentication && IsApi(request) && OAuth.Authenticate(request) is null)
        {
            return ValueTask.FromResult(StravaJson.AuthorizationError());
        }

        return base.DispatchAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    protected override HttpResponseMessage CreateNotFoundResponse(EmulatorRequest request) =>
        IsApiPath(request?.Path ?? string.Empty) ? StravaJson.RecordNotFound("resource") : EmulatorResponses.Html(HttpStatusCode.NotFound, "Page Not Found", "<h1>Page Not Found</h1>");

    private void MapRoutes()
    {
        Router.MapGet(ApiBasePath + "/athlete", request =>
            EmulatorResponses.Json(HttpStatusCode.OK, HasScope(request, "profile:read_all") ? StravaAthleteWriter.Detailed(_options, true) : StravaAthleteWriter.Summary(_options)));
        Router.MapGet(ApiBasePath + "/athletes/{id:long}/stats", GetStats);
        Router.MapGet(ApiBasePath + "/athlete/activities", ListActivities);
        Router.MapGet(ApiBasePath + "/activities/{id:long}", request => WithActivity(request, (a, track) =>
            EmulatorResponses.Json(HttpStatusCode.OK, StravaActivityWriter.Detailed(a, track, AthleteId, IsTrue(request.GetQueryValue("include_all_efforts")), BaseUri(request)))));
        Router.MapPut(ApiBasePath + "/activities/{id:long}", UpdateActivity);
        Router.MapGet(ApiBasePath + "/activities/{id:long}/streams", GetStreams);
        Router.MapGet(ApiBasePath + "/activities/{id:long}/laps", request => WithActivity(request, (a, track) =>
            EmulatorResponses.Json(HttpStatusCode.OK, StravaLapsWriter.Write(a, track, AthleteId))));
        Router.MapGet(ApiBasePath + "/activities/{id:long}/zones", request => WithActivity(request, (_, track) =>
            EmulatorResponses.Json(HttpStatusCode.OK, StravaZonesWriter.Write(track))));
        Router.MapGet(ApiBasePath + "/activities/{id:long}/photos", GetPhotos);
        Router.MapGet(ApiBasePath + "/gear/{id}", GetGear);
        Router.MapGet("/photos/{id}/{file}", GetPhotoFile);
        MapUploadRoutes();
        MapWebRoutes();
    }

    private static long Id(EmulatorRequest request) => long.Parse(request.GetRouteValue("id"), CultureInfo.InvariantCulture);

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "1";

    private static Uri BaseUri(EmulatorRequest request) => new(request.RequestUri.GetLeftPart(UriPartial.Authority) + "/");

    private IReadOnlyList<string> Scopes(EmulatorRequest request) =>
        RequireAuthentication ? OAuth.Authenticate(request)?.Scopes ?? [] : KnownScopes;

    private bool HasScope(EmulatorRequest request, string scope) => Scopes(request).Contains(scope, StringComparer.Ordinal);

    private bool CanReadActivities(EmulatorRequest request) => HasScope(request, "activity:read") || HasScope(request, "activity:read_all");

    /// <summary>Finds the activity the token may see; 401 without <c>activity:read</c>, 404 for a private one without <c>activity:read_all</c>.</summary>
    private HttpResponseMessage WithActivity(EmulatorRequest request, Func<StravaEmulatedActivity, StravaTrack, HttpResponseMessage> answer)
    {
        if (!CanReadActivities(request))
        {
            return StravaJson.MissingPermission("activity:read_permission");
        }

        var activity = FindActivity(Id(request));
        if (activity is null || (activity.IsPrivate && !HasScope(request, "activity:read_all")))
        {
            return StravaJson.RecordNotFound("Activity");
        }

        return answer(activity, StravaTrack.For(activity));
    }

    private HttpResponseMessage GetStats(EmulatorRequest request)
    {
        if (Id(request) != AthleteId)
        {
            return StravaJson.AuthorizationError();
        }

        lock (SyncRoot)
        {
            return EmulatorResponses.Json(HttpStatusCode.OK, StravaAthleteWriter.Stats(_activities, TimeProvider.GetUtcNow()));
        }
    }

    private HttpResponseMessage ListActivities(EmulatorRequest request)
    {
        if (!CanReadActivities(request))
        {
            return StravaJson.MissingPermission("activity:read_permission");
        }

        if (!TryEpoch(request, "before", out var before) || !TryEpoch(request, "after", out var after))
        {
            return StravaJson.BadRequest("Activity", "before/after");
        }

        if (!TryInt(request, "page", 1, out var page) || !TryInt(request, "per_page", 30, out var perPage) || perPage < 0)
        {
            return StravaJson.BadRequest("Activity", "page");
        }

        if (perPage > MaxPerPage)
        {
            return StravaJson.BadRequest("Activity", "per_page");
        }

        page = Math.Max(page, 1);
        var includePrivate = HasScope(request, "activity:read_all");
        List<StravaEmulatedActivity> selected;
        lock (SyncRoot)
        {
            var matching = _activities.Where(a =>
                (includePrivate || !a.IsPrivate) &&
                (before is not { } b || a.StartUtc < b) &&
                (after is not { } f || a.StartUtc > f));

            // With only 'after', Strava is reported to list oldest first (strava.md §2.1); otherwise newest first.
            var ordered = after is not null && before is null
                ? matching.OrderBy(a => a.StartUtc).ThenBy(a => a.Id)
                : Newest(matching);
            selected = [.. ordered.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * perPage)).Take(perPage)];
        }

        return EmulatorResponses.Json(HttpStatusCode.OK, new JsonArray([.. selected.Select(a => (JsonNode)StravaActivityWriter.Summary(a, StravaTrack.For(a), AthleteId))]));
    }

    private HttpResponseMessage GetStreams(EmulatorRequest request) => WithActivity(request, (_, track) =>
    {
        var keys = StravaStreamsWriter.Select(request.GetQueryValue("keys"));
        var seriesType = request.GetQueryValue("series_type") is "time" ? "time" : "distance";
        return EmulatorResponses.Json(HttpStatusCode.OK, StravaStreamsWriter.Write(track, keys, IsTrue(request.GetQueryValue("key_by_type")), seriesType));
    });

    private HttpResponseMessage GetPhotos(EmulatorRequest request) => WithActivity(request, (a, _) =>
    {
        int? size = int.TryParse(request.GetQueryValue("size"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : null;
        return EmulatorResponses.Json(HttpStatusCode.OK, StravaPhotosWriter.Write(a, AthleteId, size, BaseUri(request)));
    });

    private HttpResponseMessage GetPhotoFile(EmulatorRequest request)
    {
        var id = request.GetRouteValue("id");
        var file = request.GetRouteValue("file");
        if (!file.EndsWith(".jpg", StringComparison.Ordinal) ||
            !int.TryParse(file[..^4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) || size <= 0 || !PhotoExists(id))
        {
            return EmulatorResponses.Text(HttpStatusCode.Forbidden, "AccessDenied", "application/xml");
        }

        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(StravaPhotosWriter.Bytes(id, size)) };
        response.Content.Headers.ContentType = new("image/jpeg");
        return response;
    }

    private bool PhotoExists(string uniqueId)
    {
        lock (SyncRoot)
        {
            return _activities.Any(a => Enumerable.Range(0, a.PhotoCount).Any(i => string.Equals(StravaPhotosWriter.UniqueId(a, i), uniqueId, StringComparison.Ordinal)));
        }
    }

    private HttpResponseMessage GetGear(EmulatorRequest request)
    {
        var gear = StravaGear.All.FirstOrDefault(g => string.Equals(g.Id, request.GetRouteValue("id"), StringComparison.Ordinal));
        if (gear is null)
        {
            return StravaJson.RecordNotFound("Gear");
        }

        double distance;
        lock (SyncRoot)
        {
            distance = _activities.Where(a => string.Equals(a.GearId, gear.Id, StringComparison.Ordinal)).Sum(a => a.Distance);
        }

        return EmulatorResponses.Json(HttpStatusCode.OK, StravaAthleteWriter.GearDetail(gear, distance));
    }

    private HttpResponseMessage UpdateActivity(EmulatorRequest request)
    {
        if (!HasScope(request, "activity:write"))
        {
            return StravaJson.MissingPermission("activity:write_permission");
        }

        JsonObject? body;
        try
        {
            body = request.MediaType is "application/json" ? request.ReadJsonNode() as JsonObject : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return StravaJson.BadRequest("Activity", "body");
        }

        string? Field(string name) => body is not null
            ? body[name] is JsonValue v ? v.ToString() : null
            : request.MediaType is "application/x-www-form-urlencoded" ? request.GetFormValue(name) : request.GetQueryValue(name);

        return WithActivity(request, (a, track) =>
        {
            var gear = Field("gear_id");
            if (gear is not null && gear != "none" && StravaGear.All.All(g => !string.Equals(g.Id, gear, StringComparison.Ordinal)))
            {
                return StravaJson.BadRequest("Activity", "gear_id");
            }

            var updated = a with
            {
                Name = Field("name") ?? a.Name,
                Description = Field("description") ?? a.Description,
                SportType = Field("sport_type") ?? a.SportType,
                Type = Field("type") ?? a.Type,
                GearId = gear is null ? a.GearId : gear == "none" ? null : gear,
                Commute = Field("commute") is { } c ? IsTrue(c) : a.Commute,
                IsTrainer = Field("trainer") is { } t ? IsTrue(t) : a.IsTrainer,
            };
            lock (SyncRoot)
            {
                ReplaceLocked(updated);
            }

            return EmulatorResponses.Json(HttpStatusCode.OK, StravaActivityWriter.Detailed(updated, track, AthleteId, false, BaseUri(request)));
        });
    }

    private static bool TryEpoch(EmulatorRequest request, string name, out DateTimeOffset? value)
    {
        value = null;
        var text = request.GetQueryValue(name);
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        // s2f sends floats such as 1667599932.0; Strava accepts them.
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || double.IsNaN(seconds) || Math.Abs(seconds) > 1e11)
        {
            return false;
        }

        value = DateTimeOffset.FromUnixTimeSeconds((long)Math.Floor(seconds));
        return true;
    }

    private static bool TryInt(EmulatorRequest request, string name, int fallback, out int value)
    {
        var text = request.GetQueryValue(name);
        if (string.IsNullOrEmpty(text))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}

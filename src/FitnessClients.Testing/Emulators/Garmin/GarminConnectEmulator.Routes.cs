using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

// The route table, the bearer-token check in front of the data routes, and the service's error bodies.
public sealed partial class GarminConnectEmulator
{
    private const int MaxListLimit = 1000;

    /// <inheritdoc />
    protected override ValueTask<HttpResponseMessage> DispatchAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (RequireAuthentication && IsDataPath(request.Path) && DiAuth.Authenticate(request) is null)
        {
            // What connectapi answers for a missing, expired or revoked DI token (python-garminconnect #369).
            var response = new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new ByteArrayContent([]) }
                .WithHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"Token is not active\"");
            return ValueTask.FromResult(response);
        }

        return base.DispatchAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    protected override HttpResponseMessage CreateNotFoundResponse(EmulatorRequest request) => NotFound();

    /// <inheritdoc />
    protected override HttpResponseMessage CreateMethodNotAllowedResponse(EmulatorRequest request, IReadOnlyList<HttpMethod> allowed) =>
        EmulatorResponses.Json(HttpStatusCode.MethodNotAllowed, """{"message":"HTTP 405 Method Not Allowed","error":"NotAllowedException"}""");

    private static bool IsDataPath(string path) =>
        !path.StartsWith("/di-oauth2-service/", StringComparison.Ordinal) &&
        !path.StartsWith("/mobile/", StringComparison.Ordinal) &&
        !path.StartsWith("/portal/", StringComparison.Ordinal);

    private static HttpResponseMessage NotFound() =>
        EmulatorResponses.Json(HttpStatusCode.NotFound, """{"message":"HTTP 404 Not Found","error":"NotFoundException"}""");

    private static HttpResponseMessage BadRequest(string message) =>
        EmulatorResponses.Json(HttpStatusCode.BadRequest, new JsonObject { ["message"] = message, ["error"] = "BadRequestException" });

    private void MapRoutes()
    {
        Router.MapGet("/userprofile-service/socialProfile", _ => EmulatorResponses.Json(HttpStatusCode.OK, GarminProfileWriter.Write(_account)));
        Router.MapGet("/userprofile-service/userprofile/user-settings", _ => EmulatorResponses.Json(HttpStatusCode.OK, GarminUserSettingsWriter.Write(_account)));
        Router.MapGet("/userstats-service/statistics/{displayName}", GetUserStats);
        Router.MapGet("/activitylist-service/activities/count", _ => EmulatorResponses.Json(HttpStatusCode.OK, new JsonObject { ["totalCount"] = ListedActivities.Count }));
        Router.MapGet("/activitylist-service/activities/search/activities", SearchActivities);
        Router.MapGet("/activity-service/activity/activityTypes", _ => EmulatorResponses.Json(HttpStatusCode.OK, GarminActivityTypesWriter.Write()));
        Router.MapGet("/activity-service/activity/{id:long}", GetSummary);
        Router.MapDelete("/activity-service/activity/{id:long}", request =>
            DeleteActivity(Id(request)) ? EmulatorResponses.Empty(HttpStatusCode.NoContent) : NotFound());
        Router.MapGet("/activity-service/activity/{id:long}/details", GetDetails);
        Router.MapGet("/activity-service/activity/{id:long}/splits", request => WithActivity(request, (a, children, track) =>
            EmulatorResponses.Json(HttpStatusCode.OK, GarminSplitsWriter.Write(a, GarminLaps.Compute(a, track, children)))));
        Router.MapGet("/activity-service/activity/{id:long}/hrTimeInZones", request => FindWithChildren(Id(request)) is ({ } a, var children)
            ? EmulatorResponses.Json(HttpStatusCode.OK, GarminZonesWriter.Write(a, GarminZonesWriter.Compute(a, children)))
            : NotFound());
        Router.MapGet("/gear-service/gear/filterGear", GetGear);
        Router.MapGet("/device-service/deviceservice/app-info/{id:long}", request =>
            GarminDevices.ByInstallationId(Id(request)) is { } device ? EmulatorResponses.Json(HttpStatusCode.OK, GarminDeviceWriter.Write(device)) : NotFound());
        Router.MapGet("/download-service/files/activity/{id:long}", DownloadOriginal);
        Router.MapGet("/download-service/export/{format}/activity/{id:long}", DownloadExport);
        Router.MapPost("/upload-service/upload", Upload);
        Router.MapPost("/upload-service/upload/{format}", Upload);
        Sso.MapRoutes(Router);
    }

    private static long Id(EmulatorRequest request) => long.Parse(request.GetRouteValue("id"), CultureInfo.InvariantCulture);

    private HttpResponseMessage WithActivity(EmulatorRequest request, Func<GarminEmulatedActivity, IReadOnlyList<GarminEmulatedActivity>, IReadOnlyList<GarminTrackPoint>, HttpResponseMessage> answer)
    {
        var (activity, children) = FindWithChildren(Id(request));
        return activity is null ? NotFound() : answer(activity, children, GarminTrack.For(activity, children));
    }

    private HttpResponseMessage GetUserStats(EmulatorRequest request)
    {
        if (!string.Equals(request.GetRouteValue("displayName"), _account.DisplayName, StringComparison.Ordinal))
        {
            return NotFound();
        }

        lock (SyncRoot)
        {
            return EmulatorResponses.Json(HttpStatusCode.OK, GarminUserStatsWriter.Write(_account, _activities));
        }
    }

    private HttpResponseMessage SearchActivities(EmulatorRequest request)
    {
        if (!TryInt(request, "start", 0, out var start) || start < 0)
        {
            return BadRequest("start must be a non-negative integer");
        }

        if (!TryInt(request, "limit", 20, out var limit) || limit < 0)
        {
            return BadRequest("limit must be a non-negative integer");
        }

        if (limit > MaxListLimit)
        {
            return BadRequest("limit must not exceed 1000");
        }

        if (!TryDate(request, "startDate", out var from) || !TryDate(request, "endDate", out var to))
        {
            return BadRequest("startDate and endDate must be dates as yyyy-MM-dd");
        }

        var sortOrder = request.GetQueryValue("sortOrder");
        if (sortOrder is not null && !string.Equals(sortOrder, "asc", StringComparison.OrdinalIgnoreCase) && !string.Equals(sortOrder, "desc", StringComparison.OrdinalIgnoreCase))
        {
            return BadRequest("sortOrder must be asc or desc");
        }

        var typeKey = request.GetQueryValue("activityType");
        IEnumerable<GarminEmulatedActivity> matches = ListedActivities;
        if (string.Equals(sortOrder, "asc", StringComparison.OrdinalIgnoreCase))
        {
            matches = matches.Reverse();
        }

        matches = matches.Where(a =>
        {
            var localDate = DateOnly.FromDateTime(a.Start.DateTime);
            return (from is null || localDate >= from) && (to is null || localDate <= to) &&
                   (string.IsNullOrEmpty(typeKey) || (GarminActivityTypes.Find(a.TypeKey) is { } type && GarminActivityTypes.Matches(type, typeKey)));
        });
        var page = new JsonArray();
        foreach (var activity in matches.Skip(start).Take(limit))
        {
            page.Add((JsonNode)GarminListItemWriter.Write(activity, _account, TrackSummary(activity)));
        }

        return EmulatorResponses.Json(HttpStatusCode.OK, page);
    }

    private HttpResponseMessage GetSummary(EmulatorRequest request) => WithActivity(request, (activity, children, track) =>
        EmulatorResponses.Json(HttpStatusCode.OK, GarminSummaryWriter.Write(activity, _account, children, track, GarminLaps.Compute(activity, track, children))));

    private HttpResponseMessage GetDetails(EmulatorRequest request)
    {
        if (!TryInt(request, "maxChartSize", 2000, out var chart) || !TryInt(request, "maxPolylineSize", 4000, out var polyline) || chart < 0 || polyline < 0)
        {
            return BadRequest("maxChartSize and maxPolylineSize must be non-negative integers");
        }

        return WithActivity(request, (activity, _, track) => EmulatorResponses.Json(HttpStatusCode.OK, GarminDetailsWriter.Write(activity, track, chart, polyline)));
    }

    private HttpResponseMessage GetGear(EmulatorRequest request)
    {
        if (request.GetQueryValue("activityId") is { } activityId)
        {
            if (!long.TryParse(activityId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || FindActivity(id) is not { } activity)
            {
                return NotFound();
            }

            var type = GarminActivityTypes.Find(activity.TypeKey);
            var gear = type is null || activity.IsManual ? [] : GarminGear.For(type.Family, type.Indoor, DateOnly.FromDateTime(activity.Start.DateTime));
            return EmulatorResponses.Json(HttpStatusCode.OK, GarminGearWriter.Write(gear, _account.ProfileId));
        }

        if (request.GetQueryValue("userProfilePk") is { } profile)
        {
            return string.Equals(profile, _account.ProfileId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                ? EmulatorResponses.Json(HttpStatusCode.OK, GarminGearWriter.Write(GarminGear.All, _account.ProfileId))
                : EmulatorResponses.Json(HttpStatusCode.OK, new JsonArray());
        }

        return BadRequest("activityId or userProfilePk is required");
    }

    private static bool TryInt(EmulatorRequest request, string name, int fallback, out int value)
    {
        var text = request.GetQueryValue(name);
        if (string.IsNullOrEmpty(text))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryDate(EmulatorRequest request, string name, out DateOnly? value)
    {
        var text = request.GetQueryValue(name);
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = date;
            return true;
        }

        return false;
    }
}

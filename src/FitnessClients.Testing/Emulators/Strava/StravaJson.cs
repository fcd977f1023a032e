using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>Strava's formats and error bodies, shared by the writers and routes.</summary>
internal static class StravaJson
{
    /// <summary><c>2025-10-18T12:49:52Z</c>; local times carry the same <c>Z</c> suffix on Strava.</summary>
    public static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The local wall-clock time written like UTC, as <c>start_date_local</c> is.</summary>
    public static string LocalTime(DateTimeOffset utc, TimeSpan offset) => Time(new DateTimeOffset(utc.UtcDateTime + offset, TimeSpan.Zero));

    /// <summary>A Fault: <c>{"message":...,"errors":[{"resource","field","code"}]}</c>.</summary>
    public static HttpResponseMessage Fault(HttpStatusCode status, string message, string resource, string field, string code) =>
        EmulatorResponses.Json(status, new JsonObject
        {
            ["message"] = message,
            ["errors"] = new JsonArray(new JsonObject { ["resource"] = resource, ["field"] = field, ["code"] = code }),
        });

    public static HttpResponseMessage RecordNotFound(string resource) =>
        Fault(HttpStatusCode.NotFound, "Record Not Found", resource, "id", "invalid");

    public static HttpResponseMessage AuthorizationError() =>
        Fault(HttpStatusCode.Unauthorized, "Authorization Error", "Athlete", "access_token", "invalid");

    public static HttpResponseMessage MissingPermission(string permission) =>
        Fault(HttpStatusCode.Unauthorized, "Authorization Error", "AccessToken", permission, "missing");

    public static HttpResponseMessage BadRequest(string resource, string field, string code = "invalid") =>
        Fault(HttpStatusCode.BadRequest, "Bad Request", resource, field, code);

    public static JsonObject AthleteRef(long athleteId) => new() { ["id"] = athleteId, ["resource_state"] = 1 };

    public static JsonArray LatLng(double lat, double lng) => [lat, lng];
}

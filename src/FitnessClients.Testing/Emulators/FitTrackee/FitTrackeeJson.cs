using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>FitTrackee's formats and its three error shapes (<c>{status, message}</c>, Authlib's <c>{error, error_description}</c>, Flask's HTML 500).</summary>
internal static class FitTrackeeJson
{
    public const string InvalidTokenDescription = "The access token provided is expired, revoked, malformed, or invalid for other reasons.";

    /// <summary>RFC 1123 in UTC, as Flask's JSON provider writes datetimes: <c>Mon, 01 Jan 2018 07:00:00 GMT</c>.</summary>
    public static string Date(DateTimeOffset time) => time.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

    /// <summary>Python's <c>str(timedelta)</c> without microseconds: <c>1:02:03</c>, <c>1 day, 2:03:04</c>.</summary>
    public static string Duration(TimeSpan value)
    {
        var whole = TimeSpan.FromSeconds(Math.Floor(value.TotalSeconds));
        var clock = string.Create(CultureInfo.InvariantCulture, $"{whole.Hours}:{whole.Minutes:00}:{whole.Seconds:00}");
        return whole.Days switch
        {
            0 => clock,
            1 or -1 => string.Create(CultureInfo.InvariantCulture, $"{whole.Days} day, {clock}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{whole.Days} days, {clock}"),
        };
    }

    /// <summary><c>{"status": ..., "message": ...}</c>, FitTrackee's generic error body.</summary>
    public static HttpResponseMessage Error(HttpStatusCode status, string message, string statusText = "error") =>
        Dumps(status, new JsonObject { ["status"] = statusText, ["message"] = message });

    /// <summary>A body written by <c>json.dumps</c>: FitTrackee's <c>HttpResponse</c> and Authlib.</summary>
    public static HttpResponseMessage Dumps(HttpStatusCode status, JsonNode node) => EmulatorResponses.Json(status, FitTrackeePythonJson.Dumps(node));

    /// <summary>A body written by Flask's JSON provider: a view returning a dict.</summary>
    public static HttpResponseMessage Flask(HttpStatusCode status, JsonNode node) => EmulatorResponses.Json(status, FitTrackeePythonJson.Flask(node));

    /// <summary><c>{"status":"not found","data":{"workouts":[]}}</c> (optionally with a message), the data-shaped 404.</summary>
    public static HttpResponseMessage DataNotFound(string dataType, string? message = null)
    {
        var body = new JsonObject { ["status"] = "not found", ["data"] = new JsonObject { [dataType] = new JsonArray() } };
        if (message is not null)
        {
            body["message"] = message;
        }

        return Dumps(HttpStatusCode.NotFound, body);
    }

    /// <summary>An Authlib error: <c>{"error": ..., "error_description": ...}</c>, the description left out when empty as Authlib does.</summary>
    public static HttpResponseMessage OAuthError(HttpStatusCode status, string error, string? description)
    {
        var body = new JsonObject { ["error"] = error };
        if (!string.IsNullOrEmpty(description))
        {
            body["error_description"] = description;
        }

        return Dumps(status, body)
            .WithHeader("Cache-Control", "no-store")
            .WithHeader("Pragma", "no-cache");
    }

    /// <summary>401 <c>invalid_token</c> with Authlib's <c>WWW-Authenticate: Bearer</c> challenge.</summary>
    public static HttpResponseMessage InvalidToken() =>
        OAuthError(HttpStatusCode.Unauthorized, "invalid_token", InvalidTokenDescription)
            .WithHeader("WWW-Authenticate", $"Bearer error=\"invalid_token\", error_description=\"{InvalidTokenDescription}\"");

    /// <summary>403 <c>insufficient_scope</c>.</summary>
    public static HttpResponseMessage InsufficientScope() =>
        OAuthError(HttpStatusCode.Forbidden, "insufficient_scope", "The request requires higher privileges than provided by the access token.");

    /// <summary>A success body with Flask's sorted keys: <c>{"data": ..., "pagination"?: ..., "status": ...}</c>.</summary>
    public static HttpResponseMessage Success(JsonObject data, JsonObject? pagination = null, string status = "success", HttpStatusCode code = HttpStatusCode.OK)
    {
        var body = new JsonObject { ["data"] = data };
        if (pagination is not null)
        {
            body["pagination"] = pagination;
        }

        body["status"] = status;
        return Flask(code, body);
    }

    /// <summary>A copy with object keys in ordinal order at every level, as Flask's default JSON provider writes them.</summary>
    public static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };

    /// <summary>Werkzeug's size text: <c>1.0MB</c>, <c>2.5KB</c>, <c>900.0 bytes</c>.</summary>
    public static string ReadableSize(double bytes)
    {
        if (bytes == 0)
        {
            return "0 bytes";
        }

        if (bytes == 1)
        {
            return "1 byte";
        }

        foreach (var unit in new[] { " bytes", "KB", "MB", "GB", "TB" })
        {
            if (Math.Abs(bytes) < 1024.0)
            {
                return bytes.ToString("0.0", CultureInfo.InvariantCulture) + unit;
            }

            bytes /= 1024.0;
        }

        return bytes.ToString(CultureInfo.InvariantCulture) + " bytes";
    }
}

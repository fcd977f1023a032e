using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

// The API routes, the bearer check in front of them and the media-type rules.
public sealed partial class RunkeeperEmulator
{
    private const string MediaTypePrefix = "application/vnd.com.runkeeper.";
    private const string UserType = MediaTypePrefix + "User+json";
    private const string ProfileType = MediaTypePrefix + "Profile+json";
    private const string FeedType = MediaTypePrefix + "FitnessActivityFeed+json";
    private const string ActivityType = MediaTypePrefix + "FitnessActivity+json";
    private static readonly DateOnly Epoch = new(1970, 1, 1);

    /// <inheritdoc />
    protected override ValueTask<HttpResponseMessage> DispatchAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (IsApi(request) && RequireAuthentication && OAuth.Authenticate(request) is null)
        {
            return ValueTask.FromResult(Reason(HttpStatusCode.Unauthorized, "Invalid or missing access token").WithHeader("WWW-Authenticate", "Bearer"));
        }

        return base.DispatchAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    protected override HttpResponseMessage CreateNotFoundResponse(EmulatorRequest request) => Reason(HttpStatusCode.NotFound, "Not found");

    private void MapRoutes()
    {
        Router.MapGet("/user", request => WithMediaType(request, UserType, () => EmulatorResponses.Json(HttpStatusCode.OK, UserDocument()).WithContentType(UserType)));
        Router.MapGet("/profile", request => WithMediaType(request, ProfileType, () => EmulatorResponses.Json(HttpStatusCode.OK, new JsonObject
        {
            ["name"] = _options.Name,
            ["location"] = "Boston, MA, USA",
            ["athlete_type"] = "Runner",
            ["profile"] = "http://runkeeper.com/user/" + UserIdText,
        }).WithContentType(ProfileType)));
        Router.MapGet("/fitnessActivities", request => WithMediaType(request, FeedType, () => Feed(request)));
        Router.MapGet("/fitnessActivities/{id:long}", request => WithMediaType(request, ActivityType, () => Activity(request)));
    }

    private JsonObject UserDocument() => new()
    {
        ["userID"] = _options.UserId,
        ["profile"] = "/profile",
        ["settings"] = "/settings",
        ["fitness_activities"] = "/fitnessActivities",
        ["strength_training_activities"] = "/strengthTrainingActivities",
        ["background_activities"] = "/backgroundActivities",
        ["sleep"] = "/sleep",
        ["nutrition"] = "/nutrition",
        ["weight"] = "/weight",
        ["general_measurements"] = "/generalMeasurements",
        ["diabetes"] = "/diabetes",
        ["records"] = "/records",
        ["team"] = "/team",
        ["change_log"] = "/changeLog",
    };

    /// <summary>
    /// No <c>Accept</c>, <c>*/*</c> or <c>application/json</c> get JSON (observed in 2018) unless strict; another Runkeeper
    /// type gets 406.
    /// </summary>
    private HttpResponseMessage WithMediaType(EmulatorRequest request, string expected, Func<HttpResponseMessage> answer)
    {
        var accepted = request.GetHeaderValues("Accept")
            .SelectMany(v => v.Split(','))
            .Select(v => v.Split(';')[0].Trim())
            .Where(v => v.Length > 0)
            .ToList();
        var exact = accepted.Contains(expected, StringComparer.OrdinalIgnoreCase);
        var generic = accepted.Count == 0 || accepted.Any(v => v is "*/*" or "application/*" or "application/json");
        if (exact || (!_options.StrictMediaTypes && generic))
        {
            return answer();
        }

        return Reason(HttpStatusCode.NotAcceptable, $"This resource is served as {expected}");
    }

    private HttpResponseMessage Feed(EmulatorRequest request)
    {
        if (!TryInt(request, "page", 0, out var page) || page < 0 || !TryInt(request, "pageSize", _options.DefaultPageSize, out var pageSize) || pageSize < 1)
        {
            return Reason(HttpStatusCode.BadRequest, "page and pageSize must be non-negative whole numbers");
        }

        var today = DateOnly.FromDateTime(TimeProvider.GetUtcNow().UtcDateTime);
        if (!TryDate(request, "noEarlierThan", Epoch, out var noEarlierThan) || !TryDate(request, "noLaterThan", today, out var noLaterThan)
            || !TryDate(request, "modifiedNoEarlierThan", Epoch, out var modifiedNoEarlierThan) || !TryDate(request, "modifiedNoLaterThan", today, out var modifiedNoLaterThan))
        {
            return Reason(HttpStatusCode.BadRequest, "Dates must be yyyy-MM-dd");
        }

        List<RunkeeperEmulatedActivity> matching;
        lock (SyncRoot)
        {
            matching = [.. Newest(_activities).Where(a =>
            {
                var local = DateOnly.FromDateTime(a.StartLocal.DateTime);
                return local >= noEarlierThan && local <= noLaterThan;
            })];
        }

        var items = new JsonArray([.. matching.Skip((int)Math.Min(int.MaxValue, (long)page * pageSize)).Take(pageSize).Select(a => (JsonNode)RunkeeperActivityWriter.FeedItem(a, _options.LegacyShape))]);
        var body = new JsonObject { ["items"] = items };
        string Link(int target) => string.Create(
            CultureInfo.InvariantCulture,
            $"/fitnessActivities?page={target}&pageSize={pageSize}&noEarlierThan={noEarlierThan:yyyy-MM-dd}&noLaterThan={noLaterThan:yyyy-MM-dd}&modifiedNoEarlierThan={modifiedNoEarlierThan:yyyy-MM-dd}&modifiedNoLaterThan={modifiedNoLaterThan:yyyy-MM-dd}");
        if (page > 0)
        {
            body["previous"] = Link(page - 1);
        }

        if ((long)(page + 1) * pageSize < matching.Count)
        {
            body["next"] = Link(page + 1);
        }

        body["size"] = matching.Count;
        var json = body.ToJsonString();
        if (_options.TrailingCommas)
        {
            json = json[..^1] + ",}";
        }

        return EmulatorResponses.Json(HttpStatusCode.OK, json).WithContentType(FeedType);
    }

    private HttpResponseMessage Activity(EmulatorRequest request)
    {
        var id = long.Parse(request.GetRouteValue("id"), CultureInfo.InvariantCulture);
        RunkeeperEmulatedActivity? activity, previous = null, next = null;
        lock (SyncRoot)
        {
            var ordered = Newest(_activities).ToList();
            var index = ordered.FindIndex(a => a.Id == id);
            activity = index >= 0 ? ordered[index] : null;
            if (index >= 0)
            {
                next = index > 0 ? ordered[index - 1] : null;
                previous = index + 1 < ordered.Count ? ordered[index + 1] : null;
            }
        }

        if (activity is null)
        {
            return Reason(HttpStatusCode.NotFound, "Activity not found");
        }

        var points = RunkeeperTrack.Points(activity, _options.PathIntervalSeconds);
        return EmulatorResponses.Json(HttpStatusCode.OK, RunkeeperActivityWriter.Full(activity, points, _options, previous, next)).WithContentType(ActivityType);
    }

    private static bool TryInt(EmulatorRequest request, string name, int fallback, out int value)
    {
        var text = request.GetQueryValue(name);
        if (string.IsNullOrEmpty(text))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryDate(EmulatorRequest request, string name, DateOnly fallback, out DateOnly value)
    {
        var text = request.GetQueryValue(name);
        if (string.IsNullOrEmpty(text))
        {
            value = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}

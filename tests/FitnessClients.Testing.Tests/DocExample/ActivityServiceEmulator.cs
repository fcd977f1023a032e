using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests.DocExample;

// The example of docs/testing.md ("Writing an emulator for a new service"), compiled and tested here so the
// documentation cannot drift from the kit.
public sealed class ActivityServiceEmulator : ServiceEmulator
{
    private readonly List<JsonObject> _activities = [];

    public ActivityServiceEmulator(TimeProvider clock, int activityCount = 25)
        : base(clock)
    {
        // Synthetic, deterministic data: the same on every run.
        for (var i = 1; i <= activityCount; i++)
        {
            _activities.Add(new JsonObject
            {
                ["id"] = (long)i,
                ["name"] = $"Run {i}",
                ["start_date"] = clock.GetUtcNow().AddDays(-i).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            });
        }

        OAuth = new OAuthTokenEndpointEmulator(clock) { AccessTokenLifetime = TimeSpan.FromHours(6) };
        OAuth.RegisterClient("demo-client", "demo-secret");
        OAuth.MapRoutes(Router, "/oauth/token");

        RateLimits = new RateLimitSimulator(clock);
        RateLimits.AddWindow("15min", 100, TimeSpan.FromMinutes(15));
        RateLimits.AddWindow("daily", 1000, TimeSpan.FromDays(1));
        RateLimits.HeaderWriter = RateLimitHeaderWriters.CommaSeparatedPairs("X-RateLimit-Limit", "X-RateLimit-Usage", "15min", "daily");
        RateLimits.TooManyRequestsResponse = (_, _) => EmulatorResponses.Json(HttpStatusCode.TooManyRequests, """{"message":"Rate Limit Exceeded"}""");

        var api = Router.MapGroup("/api/v1");
        api.MapGet("/activities", ListActivities);
        api.MapGet("/activities/{id:long}", GetActivity);
        api.MapGet("/activities/{id:long}/original", request =>
            EmulatorResponses.Generated(length: 2_000_000, seed: ulong.Parse(request.GetRouteValue("id"), CultureInfo.InvariantCulture)));
    }

    public OAuthTokenEndpointEmulator OAuth { get; }

    public override Uri DefaultBaseAddress => new("https://activities.example.test/");

    // Every API route needs a live bearer token: one check for all of them.
    protected override ValueTask<HttpResponseMessage> DispatchAsync(EmulatorRequest request, CancellationToken cancellationToken) =>
        request.Path.StartsWith("/api/", StringComparison.Ordinal) && OAuth.Authenticate(request) is null
            ? ValueTask.FromResult(EmulatorResponses.Json(HttpStatusCode.Unauthorized, """{"message":"Authorization Error"}"""))
            : base.DispatchAsync(request, cancellationToken);

    protected override HttpResponseMessage CreateNotFoundResponse(EmulatorRequest request) =>
        EmulatorResponses.Json(HttpStatusCode.NotFound, """{"message":"Record Not Found"}""");

    private HttpResponseMessage ListActivities(EmulatorRequest request)
    {
        var page = int.TryParse(request.GetQueryValue("page"), CultureInfo.InvariantCulture, out var p) ? p : 1;
        var perPage = int.TryParse(request.GetQueryValue("per_page"), CultureInfo.InvariantCulture, out var n) ? n : 10;
        lock (SyncRoot)
        {
            var items = _activities.Skip((page - 1) * perPage).Take(perPage).Select(a => (JsonNode)a.DeepClone());
            return EmulatorResponses.Json(HttpStatusCode.OK, new JsonArray([.. items]));
        }
    }

    private HttpResponseMessage GetActivity(EmulatorRequest request)
    {
        var id = long.Parse(request.GetRouteValue("id"), CultureInfo.InvariantCulture);
        lock (SyncRoot)
        {
            var activity = _activities.FirstOrDefault(a => a["id"]!.GetValue<long>() == id);
            return activity is null ? CreateNotFoundResponse(request) : EmulatorResponses.Json(HttpStatusCode.OK, activity.DeepClone());
        }
    }
}

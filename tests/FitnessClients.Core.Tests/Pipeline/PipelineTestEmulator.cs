using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FitnessClients.Testing;

namespace FitnessClients.Core.Tests.Pipeline;

/// <summary>
/// A small service built on the kit for end-to-end tests of the Core pipeline: an OAuth token endpoint with rotating
/// refresh tokens, a bearer-protected API, a Strava-like quarter-hour limit with usage headers, and a 404 shape.
/// </summary>
internal sealed class PipelineTestEmulator : ServiceEmulator
{
    public const string ClientId = "pipeline-app";
    public const string ClientSecret = "pipeline-secret";

    public PipelineTestEmulator(TimeProvider clock, int requestsPerQuarterHour = 100)
        : base(clock)
    {
        OAuth = new OAuthTokenEndpointEmulator(clock) { AccessTokenLifetime = TimeSpan.FromHours(6) };
        OAuth.RegisterClient(ClientId, ClientSecret);
        OAuth.MapRoutes(Router, "/oauth/token", "/oauth/revoke");

        RateLimits = new RateLimitSimulator(clock);
        RateLimits.AddWindow("15m", requestsPerQuarterHour, TimeSpan.FromMinutes(15), request => request.Path.StartsWith("/api/", StringComparison.Ordinal));
        RateLimits.AddWindow("daily", requestsPerQuarterHour * 10, TimeSpan.FromDays(1), request => request.Path.StartsWith("/api/", StringComparison.Ordinal));
        RateLimits.HeaderWriter = RateLimitHeaderWriters.CommaSeparatedPairs("X-RateLimit-Limit", "X-RateLimit-Usage", "15m", "daily");

        var api = Router.MapGroup("/api");
        api.MapGet("/athlete", request => OAuth.Authenticate(request) is { } caller
            ? EmulatorResponses.Json(HttpStatusCode.OK, new JsonObject { ["id"] = 42, ["name"] = caller.Subject })
            : Unauthorized());
        api.MapGet("/items/{id}", request =>
        {
            if (OAuth.Authenticate(request) is null)
            {
                return Unauthorized();
            }

            var id = long.Parse(request.GetRouteValue("id"), CultureInfo.InvariantCulture);
            return id <= 100
                ? EmulatorResponses.Json(HttpStatusCode.OK, new JsonObject { ["id"] = id, ["name"] = "item " + id.ToString(CultureInfo.InvariantCulture) })
                : EmulatorResponses.Json(HttpStatusCode.NotFound, """{"message":"Record Not Found"}""");
        });
    }

    public OAuthTokenEndpointEmulator OAuth { get; }

    private static HttpResponseMessage Unauthorized() =>
        EmulatorResponses.Json(HttpStatusCode.Unauthorized, """{"message":"Authorization Error"}""")
            .WithHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
}

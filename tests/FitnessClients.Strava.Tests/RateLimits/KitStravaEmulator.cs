using System.Net;
using FitnessClients.Strava.RateLimits;
using FitnessClients.Testing;

namespace FitnessClients.Strava.Tests.RateLimits;

/// <summary>A tiny emulator made from the kit: Strava's four windows, its header pairs and its 429 body, over trivial routes.</summary>
internal sealed class KitStravaEmulator : ServiceEmulator
{
    public KitStravaEmulator(TimeProvider clock, int overall15 = 200, int overallDaily = 2000, int read15 = 100, int readDaily = 1000)
        : base(clock)
    {
        var limits = new RateLimitSimulator(clock);
        static bool IsRead(EmulatorRequest r) => !(r.Method == HttpMethod.Post && (r.Path.EndsWith("/uploads", StringComparison.Ordinal) || r.Path.EndsWith("/activities", StringComparison.Ordinal)));
        limits.AddWindow(StravaRateLimits.Overall15Minutes, overall15, TimeSpan.FromMinutes(15));
        limits.AddWindow(StravaRateLimits.OverallDaily, overallDaily, TimeSpan.FromDays(1));
        limits.AddWindow(StravaRateLimits.Read15Minutes, read15, TimeSpan.FromMinutes(15), IsRead);
        limits.AddWindow(StravaRateLimits.ReadDaily, readDaily, TimeSpan.FromDays(1), IsRead);
        limits.HeaderWriter = RateLimitHeaderWriters.Combine(
            RateLimitHeaderWriters.CommaSeparatedPairs("X-RateLimit-Limit", "X-RateLimit-Usage", StravaRateLimits.Overall15Minutes, StravaRateLimits.OverallDaily),
            RateLimitHeaderWriters.CommaSeparatedPairs("X-ReadRateLimit-Limit", "X-ReadRateLimit-Usage", StravaRateLimits.Read15Minutes, StravaRateLimits.ReadDaily));
        limits.TooManyRequestsResponse = (_, decision) =>
        {
            var field = decision.ExceededWindow?.Name.StartsWith("read", StringComparison.Ordinal) == true ? "read rate limit" : "overall rate limit";
            return EmulatorResponses.Json((HttpStatusCode)429, $$"""{"message":"Rate Limit Exceeded","errors":[{"resource":"Application","field":"{{field}}","code":"exceeded"}]}""");
        };
        RateLimits = limits;
        Router.BasePath = "/api/v3";
        Router.MapGet("/activities/{id}", r => EmulatorResponses.Json(HttpStatusCode.OK, $$"""{"id":{{r.Path.Split('/')[^1]}},"name":"a"}"""));
        Router.MapGet("/activities/{id}/streams", _ => EmulatorResponses.Json(HttpStatusCode.OK, """{"time":{"data":[0,1]}}"""));
        Router.MapGet("/athlete/activities", _ => EmulatorResponses.Json(HttpStatusCode.OK, "[]"));
    }

    public override Uri DefaultBaseAddress => new("https://www.strava.test/api/v3/");
}

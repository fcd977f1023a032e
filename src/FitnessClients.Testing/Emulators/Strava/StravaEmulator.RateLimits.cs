using System.Net;

namespace FitnessClients.Testing;

// Strava's two pairs of windows: overall (every API request) and read (all but uploads and activity creation), 15 minutes and a UTC day.
public sealed partial class StravaEmulator
{
    /// <summary>The overall 15-minute window's name in <see cref="ServiceEmulator.RateLimits"/>.</summary>
    public const string OverallFifteenMinuteWindow = "overall-15min";

    /// <summary>The overall daily window's name.</summary>
    public const string OverallDailyWindow = "overall-daily";

    /// <summary>The read ("non-upload") 15-minute window's name.</summary>
    public const string ReadFifteenMinuteWindow = "read-15min";

    /// <summary>The read ("non-upload") daily window's name.</summary>
    public const string ReadDailyWindow = "read-daily";

    private RateLimitSimulator CreateRateLimits()
    {
        var limits = new RateLimitSimulator(TimeProvider) { Enabled = _options.EnforceRateLimits };
        var quarter = TimeSpan.FromMinutes(15);
        var day = TimeSpan.FromDays(1);

        // A request refused by the 15-minute window still counts toward the day (Strava: "requests violating the short
        // term limit will still count toward the long term limit"); the 15-minute usage stays at its limit.
        limits.AddWindow(OverallFifteenMinuteWindow, _options.OverallFifteenMinuteLimit, quarter, IsApi).CountsRejectedRequests = false;
        limits.AddWindow(OverallDailyWindow, _options.OverallDailyLimit, day, IsApi);
        limits.AddWindow(ReadFifteenMinuteWindow, _options.ReadFifteenMinuteLimit, quarter, IsRead).CountsRejectedRequests = false;
        limits.AddWindow(ReadDailyWindow, _options.ReadDailyLimit, day, IsRead);
        var overall = RateLimitHeaderWriters.CommaSeparatedPairs("X-RateLimit-Limit", "X-RateLimit-Usage", OverallFifteenMinuteWindow, OverallDailyWindow);
        var read = RateLimitHeaderWriters.CommaSeparatedPairs("X-ReadRateLimit-Limit", "X-ReadRateLimit-Usage", ReadFifteenMinuteWindow, ReadDailyWindow);
        limits.HeaderWriter = (response, decision) =>
        {
            if (decision.AppliedWindows.Count > 0)
            {
                overall(response, decision);
                read(response, decision);
            }
        };
        limits.TooManyRequestsResponse = (_, decision) => StravaJson.Fault(
            HttpStatusCode.TooManyRequests,
            "Rate Limit Exceeded",
            "Application",
            decision.ExceededWindow?.Name is ReadFifteenMinuteWindow or ReadDailyWindow ? "read rate limit" : "overall rate limit",
            "exceeded");
        return limits;
    }

    private static bool IsApi(EmulatorRequest request) =>
        IsApiPath(request.Path) && !request.Path.StartsWith(ApiBasePath + "/oauth/", StringComparison.Ordinal);

    private static bool IsApiPath(string path) =>
        path.StartsWith(ApiBasePath + "/", StringComparison.Ordinal) || string.Equals(path, ApiBasePath, StringComparison.Ordinal);

    /// <summary>Everything but <c>POST /uploads</c>, <c>POST /activities</c> and media uploads counts toward the read limit.</summary>
    private static bool IsRead(EmulatorRequest request) =>
        IsApi(request) && !(request.Method == HttpMethod.Post &&
            (request.Path.StartsWith(ApiBasePath + "/uploads", StringComparison.Ordinal) ||
             string.Equals(request.Path, ApiBasePath + "/activities", StringComparison.Ordinal)));
}

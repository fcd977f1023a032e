namespace FitnessClients.Strava.RateLimits;

/// <summary>
/// The limits of a Strava API application. The defaults are the documented ones for a new application; an application
/// with upgraded limits can say so here, though the response headers correct the counts and limits anyway.
/// </summary>
public sealed record StravaRateLimitSettings
{
    /// <summary>Requests of any kind per quarter hour (:00, :15, :30, :45 UTC).</summary>
    public int Overall15Minutes { get; init; } = 200;

    /// <summary>Requests of any kind per UTC day.</summary>
    public int OverallDaily { get; init; } = 2000;

    /// <summary>Read requests (everything but uploads) per quarter hour.</summary>
    public int Read15Minutes { get; init; } = 100;

    /// <summary>Read requests per UTC day.</summary>
    public int ReadDaily { get; init; } = 1000;

    /// <summary>Requests to leave unused in each window, for other processes sharing the application. Default 0.</summary>
    public int SafetyMargin { get; init; }
}

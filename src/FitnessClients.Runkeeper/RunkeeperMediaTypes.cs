namespace FitnessClients.Runkeeper;

/// <summary>
/// The Health Graph's custom media types, sent as <c>Accept</c> on each GET. The documentation marks them as required;
/// clients observed in 2018 got JSON without them, but a server that enforces them answers 406 to a wrong one, so each
/// request names the type of the resource it asks for.
/// </summary>
public static class RunkeeperMediaTypes
{
    /// <summary><c>GET /user</c>.</summary>
    public const string User = "application/vnd.com.runkeeper.User+json";

    /// <summary>A page of the fitness-activity feed.</summary>
    public const string FitnessActivityFeed = "application/vnd.com.runkeeper.FitnessActivityFeed+json";

    /// <summary>One full fitness activity, path and samples included.</summary>
    public const string FitnessActivity = "application/vnd.com.runkeeper.FitnessActivity+json";

    /// <summary>The profile (<c>GET /profile</c>).</summary>
    public const string Profile = "application/vnd.com.runkeeper.Profile+json";

    /// <summary>The body type of a new fitness activity (only for writing, which this SDK does not do).</summary>
    public const string NewFitnessActivity = "application/vnd.com.runkeeper.NewFitnessActivity+json";
}

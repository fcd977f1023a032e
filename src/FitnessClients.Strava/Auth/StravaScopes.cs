namespace FitnessClients.Strava.Auth;

/// <summary>
/// Strava's OAuth scopes. Strava joins them with commas, and the athlete may untick some on the consent page, so the
/// scopes a token really has are the ones on the redirect, not the ones requested.
/// </summary>
public static class StravaScopes
{
    /// <summary>Public segments, routes, profile data, posts, events, club feeds and leaderboards.</summary>
    public const string Read = "read";

    /// <summary>Private routes, segments and events.</summary>
    public const string ReadAll = "read_all";

    /// <summary>The whole profile whatever its visibility; needed for the bikes and shoes lists on <c>GET /athlete</c>.</summary>
    public const string ProfileReadAll = "profile:read_all";

    /// <summary>Activities visible to Everyone and Followers, without privacy-zone data.</summary>
    public const string ActivityRead = "activity:read";

    /// <summary>Every activity including "Only You" ones, with privacy-zone data: what a complete backup needs.</summary>
    public const string ActivityReadAll = "activity:read_all";

    /// <summary>Creating manual activities and uploads, and editing activities.</summary>
    public const string ActivityWrite = "activity:write";

    /// <summary>The scopes a backup asks for: every activity and the gear lists.</summary>
    public static IReadOnlyList<string> Backup { get; } = [Read, ActivityReadAll, ProfileReadAll];
}

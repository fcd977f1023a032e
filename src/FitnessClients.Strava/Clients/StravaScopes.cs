namespace FitnessClients.Strava.Clients;

/// <summary>The OAuth scopes Strava grants (<c>scope=read,activity:read_all</c> on the redirect).</summary>
public static class StravaScopes
{
    /// <summary>Public profile and segments.</summary>
    public const string Read = "read";

    /// <summary>Private profile data and all gear.</summary>
    public const string ReadAll = "read_all";

    /// <summary>Full profile.</summary>
    public const string ProfileReadAll = "profile:read_all";

    /// <summary>Edit the profile.</summary>
    public const string ProfileWrite = "profile:write";

    /// <summary>Activities visible to everyone and to followers.</summary>
    public const string ActivityRead = "activity:read";

    /// <summary>All activities, "Only Me" ones included.</summary>
    public const string ActivityReadAll = "activity:read_all";

    /// <summary>Create, edit and upload activities.</summary>
    public const string ActivityWrite = "activity:write";
}

namespace FitnessClients.Strava;

/// <summary>Strava's public hosts. The API root is configurable because Strava announced a host move for 2027.</summary>
public static class StravaEndpoints
{
    /// <summary>The REST API root.</summary>
    public static Uri Api { get; } = new("https://www.strava.com/api/v3/");

    /// <summary>The OAuth root (<c>authorize</c>, <c>token</c>, <c>deauthorize</c> live under it).</summary>
    public static Uri OAuth { get; } = new("https://www.strava.com/oauth/");

    /// <summary>The website root, for original-file exports with a browser session.</summary>
    public static Uri Web { get; } = new("https://www.strava.com/");
}

namespace FitnessClients.Runkeeper;

/// <summary>Runkeeper's public hosts (Health Graph API and the OAuth pages on the website).</summary>
public static class RunkeeperEndpoints
{
    /// <summary>The API root. Every resource URI the API returns is relative to it (<c>/fitnessActivities/52367938</c>).</summary>
    public static Uri Api { get; } = new("https://api.runkeeper.com/");

    /// <summary>The root of the OAuth pages: <c>authorize</c>, <c>token</c> and <c>de-authorize</c> live under it.</summary>
    public static Uri OAuth { get; } = new("https://runkeeper.com/apps/");
}

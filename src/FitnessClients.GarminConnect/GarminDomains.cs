namespace FitnessClients.GarminConnect;

/// <summary>The two Garmin domains; Chinese accounts live entirely on <c>garmin.cn</c> (API, token and login hosts).</summary>
public static class GarminDomains
{
    /// <summary>Accounts everywhere except mainland China.</summary>
    public const string Global = "garmin.com";

    /// <summary>Accounts registered in mainland China.</summary>
    public const string China = "garmin.cn";
}

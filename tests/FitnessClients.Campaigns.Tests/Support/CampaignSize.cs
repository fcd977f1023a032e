namespace FitnessClients.Campaigns.Tests.Support;

/// <summary>
/// How big the campaigns run. <c>.ci/run</c> runs them reduced so the whole suite stays within about two minutes;
/// <c>FITNESS_CAMPAIGN_SIZE=full</c> runs the numbers (500 activities per fault campaign, 50 kills).
/// </summary>
internal static class CampaignSize
{
    public const string Variable = "FITNESS_CAMPAIGN_SIZE";

    public static bool IsFull =>
        string.Equals(Environment.GetEnvironmentVariable(Variable), "full", StringComparison.OrdinalIgnoreCase);

    /// <summary>Activities backed up by each fault campaign.</summary>
    public static int FaultActivities => IsFull ? 500 : 60;

    /// <summary>Kills of the crash campaign.</summary>
    public static int Kills => IsFull ? 50 : 5;

    /// <summary>Activities of the crash campaign's demo account.</summary>
    public static int CrashActivities => IsFull ? 150 : 30;

    public static string Name => IsFull ? "full" : "reduced";
}

namespace FitnessClients.GarminConnect.Models;

/// <summary>Activity type keys the client itself relies on.</summary>
public static class GarminActivityTypes
{
    /// <summary>The type of a multisport parent (triathlon, duathlon, ...).</summary>
    public const string MultiSport = "multi_sport";
}

namespace FitnessClients.Backup;

/// <summary>Garmin's parent activity types (garmin-connect-export's <c>PARENT_TYPE_ID</c>), for type filters and pace-or-speed.</summary>
internal static class GarminParentTypes
{
    private static readonly Dictionary<int, string> Keys = new()
    {
        [1] = "running", [2] = "cycling", [3] = "hiking", [4] = "other", [9] = "walking", [17] = "any", [26] = "swimming",
        [29] = "fitness_equipment", [144] = "diving", [157] = "safety", [165] = "winter_sports", [199] = "para_sports",
        [206] = "team_sports", [219] = "racket_sports", [228] = "water_sports",
    };

    public static string? KeyFor(int parentTypeId) => Keys.GetValueOrDefault(parentTypeId);
}

using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>
/// Writes <c>/userstats-service/statistics/{displayName}</c>: <c>userMetrics[0].totalActivities</c> counts every activity
/// except multisport parents (their legs count instead), as pe-st's <c>--count all</c> notes.
/// </summary>
internal static class GarminUserStatsWriter
{
    public static JsonObject Write(GarminAccount account, IReadOnlyCollection<GarminEmulatedActivity> activities)
    {
        var counted = activities.Where(a => !a.IsMultisportParent).ToList();
        var all = new JsonObject { ["typeId"] = 17, ["typeKey"] = "all", ["parentTypeId"] = 0, ["sortOrder"] = 1 };
        return new JsonObject
        {
            ["userProfileId"] = account.ProfileId,
            ["statisticsStartDate"] = null,
            ["statisticsEndDate"] = null,
            ["userMetrics"] = new JsonArray
            {
                (JsonNode)new JsonObject
                {
                    ["activityType"] = all,
                    ["parentActivityType"] = all.DeepClone(),
                    ["totalActivities"] = counted.Count,
                    ["totalDistance"] = Math.Round(counted.Sum(a => a.Distance), 2),
                    ["totalDuration"] = Math.Round(counted.Sum(a => a.Duration.TotalSeconds), 3),
                    ["totalCalories"] = Math.Round(counted.Sum(a => a.Calories ?? 0), 1),
                    ["totalElevationGain"] = Math.Round(counted.Sum(a => a.ElevationGain ?? 0), 1),
                },
            },
        };
    }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace FitnessClients.GarminConnect.Tests.Support;

/// <summary>Synthetic list entries and summaries in Garmin's wire shapes.</summary>
internal static class TestActivities
{
    public static JsonObject ListItem(long id, string local = "2026-01-08 08:10:21", string gmt = "2026-01-08 14:10:21", string typeKey = "running", bool parent = false, bool manual = false)
    {
        var item = new JsonObject
        {
            ["activityId"] = id,
            ["activityName"] = $"Activity {id}",
            ["startTimeLocal"] = local,
            ["startTimeGMT"] = gmt,
            ["activityType"] = new JsonObject { ["typeId"] = typeKey == "multi_sport" ? 89 : 1, ["typeKey"] = typeKey, ["parentTypeId"] = 17 },
            ["distance"] = 5000.5,
            ["duration"] = 1800.0,
            ["elapsedDuration"] = 1850.0,
            ["movingDuration"] = 1790.0,
            ["hasPolyline"] = !manual,
            ["manualActivity"] = manual,
            ["parent"] = parent,
            ["someFutureField"] = "kept",
        };
        return item;
    }

    public static string Page(params JsonObject[] items) => new JsonArray([.. items]).ToJsonString();

    public static string Summary(long id, string typeKey = "running", long? parentId = null, long[]? childIds = null, string local = "2026-01-08T08:10:21.0", string gmt = "2026-01-08T14:10:21.0")
    {
        var summary = new JsonObject
        {
            ["activityId"] = id,
            ["activityName"] = $"Summary {id}",
            ["isMultiSportParent"] = childIds is { Length: > 0 },
            ["activityTypeDTO"] = new JsonObject { ["typeId"] = 1, ["typeKey"] = typeKey, ["parentTypeId"] = 17 },
            ["metadataDTO"] = new JsonObject
            {
                ["childIds"] = new JsonArray([.. (childIds ?? []).Select(c => JsonValue.Create(c))]),
                ["deviceMetaDataDTO"] = new JsonObject { ["deviceId"] = "3946806421" },
                ["hasPolyline"] = true,
            },
            ["summaryDTO"] = new JsonObject
            {
                ["startTimeLocal"] = local,
                ["startTimeGMT"] = gmt,
                ["distance"] = 1000.0,
                ["duration"] = 300.0,
                ["elapsedDuration"] = 310.0,
            },
        };
        if (parentId is { } p)
        {
            summary["parentId"] = p;
        }

        return summary.ToJsonString();
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

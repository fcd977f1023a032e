using System.Globalization;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>Writes <c>/gear-service/gear/filterGear</c>: the gear of an activity, or of the user.</summary>
internal static class GarminGearWriter
{
    public static JsonArray Write(IEnumerable<GarminGear> gear, long profileId)
    {
        var array = new JsonArray();
        foreach (var g in gear)
        {
            array.Add((JsonNode)new JsonObject
            {
                ["gearPk"] = g.GearPk,
                ["uuid"] = g.Uuid,
                ["userProfilePk"] = profileId,
                ["gearMakeName"] = g.Make,
                ["gearModelName"] = g.Model,
                ["gearTypeName"] = g.TypeName,
                ["gearStatusName"] = g.End is null ? "active" : "retired",
                ["displayName"] = g.DisplayName,
                ["customMakeModel"] = $"{g.Make} {g.Model}",
                ["imageNameLarge"] = null,
                ["imageNameMedium"] = null,
                ["imageNameSmall"] = null,
                ["dateBegin"] = Date(g.Begin),
                ["dateEnd"] = g.End is { } end ? Date(end) : null,
                ["maximumMeters"] = g.MaximumMeters,
                ["notified"] = false,
                ["createDate"] = Date(g.Begin),
                ["updateDate"] = Date(g.Begin),
            });
        }

        return array;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd'T00:00:00.0'", CultureInfo.InvariantCulture);
}

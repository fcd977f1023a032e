using System.Globalization;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>The athlete (summary on the token exchange, detailed on <c>/athlete</c>), its stats and gear.</summary>
internal static class StravaAthleteWriter
{
    public static JsonObject Summary(StravaEmulatorOptions o) => new()
    {
        ["id"] = o.AthleteId,
        ["username"] = null,
        ["resource_state"] = 2,
        ["firstname"] = o.FirstName,
        ["lastname"] = o.LastName,
        ["bio"] = null,
        ["city"] = "Phoenix",
        ["state"] = "Arizona",
        ["country"] = "United States",
        ["sex"] = "F",
        ["premium"] = true,
        ["summit"] = true,
        ["created_at"] = "2017-09-12T14:01:33Z",
        ["updated_at"] = "2025-10-18T15:30:02Z",
        ["badge_type_id"] = 1,
        ["weight"] = 61.2,
        ["profile_medium"] = "avatar/athlete/medium.png",
        ["profile"] = "avatar/athlete/large.png",
        ["friend"] = null,
        ["follower"] = null,
    };

    public static JsonObject Detailed(StravaEmulatorOptions o, bool profileReadAll)
    {
        var node = Summary(o);
        node["resource_state"] = 3;
        node["follower_count"] = 42;
        node["friend_count"] = 37;
        node["mutual_friend_count"] = 0;
        node["athlete_type"] = 0;
        node["date_preference"] = "%m/%d/%Y";
        node["measurement_preference"] = "meters";
        node["clubs"] = new JsonArray();
        node["ftp"] = 230;
        if (profileReadAll)
        {
            // Without profile:read_all Strava leaves the lists out; retired gear is never listed.
            node["bikes"] = new JsonArray([.. StravaGear.All.Where(g => g.IsBike && !g.Retired).Select(g => (JsonNode)GearSummary(g, 0))]);
            node["shoes"] = new JsonArray([.. StravaGear.All.Where(g => !g.IsBike && !g.Retired).Select(g => (JsonNode)GearSummary(g, 0))]);
        }

        return node;
    }

    public static JsonObject GearSummary(StravaGear gear, double distance) => new()
    {
        ["id"] = gear.Id,
        ["primary"] = gear.Primary,
        ["name"] = gear.Name,
        ["nickname"] = gear.Name,
        ["resource_state"] = 2,
        ["retired"] = gear.Retired,
        ["distance"] = Math.Round(distance),
        ["converted_distance"] = Math.Round(distance / 1000, 1),
    };

    public static JsonObject GearDetail(StravaGear gear, double distance)
    {
        var node = GearSummary(gear, distance);
        node["resource_state"] = 3;
        node["brand_name"] = gear.Brand;
        node["model_name"] = gear.Model;
        if (gear.FrameType is { } frame)
        {
            node["frame_type"] = frame;
            node["weight"] = 9.0;
        }
        else
        {
            node["notification_distance"] = 0;
        }

        node["description"] = gear.Retired ? "Retired." : string.Empty;
        return node;
    }

    /// <summary>ActivityStats from the "Everyone" activities only, as Strava documents.</summary>
    public static JsonObject Stats(IReadOnlyList<StravaEmulatedActivity> activities, DateTimeOffset now)
    {
        var visible = activities.Where(a => string.Equals(a.Visibility, "everyone", StringComparison.Ordinal)).ToList();
        var recentFrom = now.AddDays(-28);
        var yearFrom = new DateTimeOffset(now.Year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var node = new JsonObject
        {
            ["biggest_ride_distance"] = visible.Where(a => a.Type is "Ride" or "VirtualRide").Select(a => a.Distance).DefaultIfEmpty(0).Max(),
            ["biggest_climb_elevation_gain"] = visible.Select(a => a.ElevationGain).DefaultIfEmpty(0).Max(),
        };
        foreach (var (key, types) in new[] { ("ride", new[] { "Ride", "VirtualRide" }), ("run", ["Run"]), ("swim", ["Swim"]) })
        {
            var ofType = visible.Where(a => types.Contains(a.Type, StringComparer.Ordinal)).ToList();
            node[string.Create(CultureInfo.InvariantCulture, $"recent_{key}_totals")] = Totals(ofType.Where(a => a.StartUtc >= recentFrom && a.StartUtc <= now), true);
            node[string.Create(CultureInfo.InvariantCulture, $"all_{key}_totals")] = Totals(ofType.Where(a => a.StartUtc <= now), false);
            node[string.Create(CultureInfo.InvariantCulture, $"ytd_{key}_totals")] = Totals(ofType.Where(a => a.StartUtc >= yearFrom && a.StartUtc <= now), false);
        }

        return node;
    }

    private static JsonObject Totals(IEnumerable<StravaEmulatedActivity> activities, bool recent)
    {
        var list = activities.ToList();
        var node = new JsonObject
        {
            ["count"] = list.Count,
            ["distance"] = Math.Round(list.Sum(a => a.Distance), 1),
            ["moving_time"] = list.Sum(a => a.MovingTime),
            ["elapsed_time"] = list.Sum(a => a.ElapsedTime),
            ["elevation_gain"] = Math.Round(list.Sum(a => a.ElevationGain), 1),
        };
        if (recent)
        {
            node["achievement_count"] = 0;
        }

        return node;
    }
}

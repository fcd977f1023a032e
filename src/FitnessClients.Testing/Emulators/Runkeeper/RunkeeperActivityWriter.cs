using System.Globalization;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>Writes an emulated activity as the Health Graph does: a feed item, or the full activity with path and samples.</summary>
internal static class RunkeeperActivityWriter
{
    public static string StartTime(RunkeeperEmulatedActivity activity) =>
        activity.StartLocal.ToString("ddd, d MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    public static JsonObject FeedItem(RunkeeperEmulatedActivity activity, bool legacy)
    {
        var node = new JsonObject();
        if (!legacy)
        {
            node["utc_offset"] = Offset(activity.UtcOffsetHours);
        }

        node["duration"] = activity.Duration;
        node["start_time"] = StartTime(activity);
        if (!legacy)
        {
            node["total_calories"] = activity.Calories;
            node["tracking_mode"] = "outdoor";
        }

        node["total_distance"] = activity.Distance;
        if (!legacy)
        {
            node["entry_mode"] = activity.IsManual ? "Web" : "API";
            node["has_path"] = !activity.IsManual;
            node["source"] = activity.IsManual ? "RunKeeper Web" : "RunKeeper";
        }

        node["type"] = activity.Type;
        node["uri"] = activity.Uri;
        return node;
    }

    public static JsonObject Full(RunkeeperEmulatedActivity activity, IReadOnlyList<RunkeeperTrackPoint> points, RunkeeperEmulatorOptions options, RunkeeperEmulatedActivity? previous, RunkeeperEmulatedActivity? next)
    {
        var path = new JsonArray();
        var distance = new JsonArray();
        foreach (var point in points)
        {
            path.Add((JsonNode)new JsonObject
            {
                ["timestamp"] = point.Timestamp,
                ["altitude"] = point.Altitude,
                ["longitude"] = point.Longitude,
                ["latitude"] = point.Latitude,
                ["type"] = point.Type,
            });
            distance.Add((JsonNode)new JsonObject { ["timestamp"] = point.Timestamp, ["distance"] = point.Distance });
        }

        var heartRate = new JsonArray();
        double? average = null;
        if (activity.HasHeartRate && points.Count > 0)
        {
            var samples = RunkeeperTrack.HeartRate(points);
            foreach (var (timestamp, bpm) in samples)
            {
                heartRate.Add((JsonNode)new JsonObject { ["timestamp"] = timestamp, ["heart_rate"] = bpm });
            }

            average = Math.Round(samples.Average(s => s.HeartRate));
        }

        var node = new JsonObject
        {
            ["uri"] = activity.Uri,
            ["userID"] = options.UserId,
            ["type"] = activity.Type,
            ["equipment"] = activity.IsManual && activity.Type == "Running" ? "Treadmill" : "None",
            ["start_time"] = StartTime(activity),
        };
        if (!options.LegacyShape)
        {
            node["utc_offset"] = Offset(activity.UtcOffsetHours);
        }

        node["total_distance"] = activity.Distance;
        node["duration"] = activity.Duration;
        if (average is { } avg)
        {
            node["average_heart_rate"] = avg;
        }

        node["heart_rate"] = heartRate;
        node["total_calories"] = activity.Calories;
        node["calories"] = new JsonArray(new JsonObject { ["timestamp"] = 0, ["calories"] = 0 }, new JsonObject { ["timestamp"] = points.Count > 0 ? points[^1].Timestamp : activity.Duration, ["calories"] = activity.Calories });
        node["distance"] = distance;
        node["climb"] = activity.Climb;
        if (activity.Notes is not null)
        {
            node["notes"] = activity.Notes;
        }

        node["is_live"] = false;
        node["path"] = path;
        node["images"] = new JsonArray();
        if (!options.LegacyShape)
        {
            node["source"] = activity.IsManual ? "RunKeeper Web" : "RunKeeper";
            node["entry_mode"] = activity.IsManual ? "Web" : "API";
            node["tracking_mode"] = "outdoor";
            node["has_path"] = !activity.IsManual;
        }

        node["share"] = "Just Me";
        node["share_map"] = "Just Me";
        node["activity"] = "http://runkeeper.com/user/" + options.UserId.ToString(CultureInfo.InvariantCulture) + "/activity/" + activity.Id.ToString(CultureInfo.InvariantCulture);
        node["comments"] = "/fitnessActivities/" + activity.Id.ToString(CultureInfo.InvariantCulture) + "/comments";
        if (previous is not null)
        {
            node["previous"] = previous.Uri;
        }

        if (next is not null)
        {
            node["next"] = next.Uri;
        }

        node["nearest_teammate_fitness_activities"] = new JsonArray();
        return node;
    }

    /// <summary>Whole hours as integers (<c>-4</c>), the others as fractions (<c>5.5</c>), as Runkeeper writes them.</summary>
    private static JsonValue Offset(double hours) =>
        hours == Math.Floor(hours) ? JsonValue.Create((int)hours) : JsonValue.Create(hours);
}

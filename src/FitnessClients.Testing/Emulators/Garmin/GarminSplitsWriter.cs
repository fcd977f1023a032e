using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>Writes <c>/activity-service/activity/{id}/splits</c>: <c>lapDTOs</c> from the synthetic laps and no events.</summary>
internal static class GarminSplitsWriter
{
    public static JsonObject Write(GarminEmulatedActivity activity, IReadOnlyList<GarminLap> laps)
    {
        var array = new JsonArray();
        foreach (var lap in laps)
        {
            var o = new JsonObject { ["startTimeGMT"] = GarminJson.SummaryTime(lap.StartUtc) };
            GarminJson.Put(o, "startLatitude", lap.StartLatitude, false);
            GarminJson.Put(o, "startLongitude", lap.StartLongitude, false);
            o["distance"] = lap.Distance;
            o["duration"] = lap.Duration;
            o["movingDuration"] = lap.Duration;
            o["elapsedDuration"] = lap.Duration;
            GarminJson.Put(o, "elevationGain", lap.ElevationGain, false);
            GarminJson.Put(o, "elevationLoss", lap.ElevationLoss, false);
            GarminJson.Put(o, "maxElevation", lap.MaxElevation, false);
            GarminJson.Put(o, "minElevation", lap.MinElevation, false);
            o["averageSpeed"] = lap.Duration > 0 ? Math.Round(lap.Distance / lap.Duration, 4) : 0.0;
            o["calories"] = lap.Calories;
            GarminJson.Put(o, "averageHR", lap.AverageHeartRate, false);
            GarminJson.Put(o, "maxHR", lap.MaxHeartRate, false);
            GarminJson.Put(o, "endLatitude", lap.EndLatitude, false);
            GarminJson.Put(o, "endLongitude", lap.EndLongitude, false);
            o["lapIndex"] = lap.Index;
            o["messageIndex"] = lap.Index - 1;
            o["intensityType"] = "ACTIVE";
            array.Add((JsonNode)o);
        }

        return new JsonObject { ["activityId"] = activity.Id, ["lapDTOs"] = array, ["eventDTOs"] = new JsonArray() };
    }
}

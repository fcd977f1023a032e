using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>Laps (<c>/activities/{id}/laps</c> and the detail's <c>laps</c>): one per kilometre for foot sports, per 5 km otherwise; one lap for data without distance; none for manual entries.</summary>
internal static class StravaLapsWriter
{
    public static JsonArray Write(StravaEmulatedActivity a, StravaTrack track, long athleteId)
    {
        var laps = new JsonArray();
        if (track.Count == 0)
        {
            return laps;
        }

        var lapLength = a.Type is "Run" or "Walk" or "Hike" ? 1000.0 : 5000.0;
        var start = 0;
        var index = 0;
        for (var i = 1; i < track.Count; i++)
        {
            var crossed = track.Distance[i] >= (index + 1) * lapLength;
            if (crossed || i == track.Count - 1)
            {
                laps.Add((JsonNode)Lap(a, track, athleteId, start, i, index));
                start = i;
                index++;
            }
        }

        if (laps.Count == 0)
        {
            laps.Add((JsonNode)Lap(a, track, athleteId, 0, track.Count - 1, 0));
        }

        return laps;
    }

    private static JsonObject Lap(StravaEmulatedActivity a, StravaTrack track, long athleteId, int from, int to, int index)
    {
        var elapsed = track.Time[to] - track.Time[from];
        var moving = 0;
        for (var i = from + 1; i <= to; i++)
        {
            moving += track.Moving[i] ? track.Time[i] - track.Time[i - 1] : 0;
        }

        var distance = Math.Round(track.Distance[to] - track.Distance[from], 1);
        var startUtc = a.StartUtc.AddSeconds(track.Time[from]);
        var lap = new JsonObject
        {
            ["id"] = (a.Id * 100) + index,
            ["resource_state"] = 2,
            ["name"] = "Lap " + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["activity"] = new JsonObject { ["id"] = a.Id, ["visibility"] = a.Visibility, ["resource_state"] = 1 },
            ["athlete"] = StravaJson.AthleteRef(athleteId),
            ["elapsed_time"] = elapsed,
            ["moving_time"] = moving,
            ["start_date"] = StravaJson.Time(startUtc),
            ["start_date_local"] = StravaJson.LocalTime(startUtc, a.UtcOffset),
            ["distance"] = distance,
            ["average_speed"] = moving == 0 ? 0 : Math.Round(distance / moving, 3),
            ["max_speed"] = track.Velocity[from..(to + 1)].Max(),
            ["lap_index"] = index + 1,
            ["split"] = index + 1,
            ["start_index"] = from,
            ["end_index"] = to,
            ["total_elevation_gain"] = track.HasGps ? Math.Round(Math.Max(0, track.Altitude[to] - track.Altitude[from]), 1) : 0,
            ["pace_zone"] = 0,
        };
        if (track.HasHeartRate)
        {
            lap["average_heartrate"] = Math.Round(track.HeartRate[from..(to + 1)].Average(), 1);
            lap["max_heartrate"] = (double)track.HeartRate[from..(to + 1)].Max();
        }

        return lap;
    }
}

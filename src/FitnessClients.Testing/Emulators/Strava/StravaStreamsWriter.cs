using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>
/// <c>/activities/{id}/streams</c>: the keys asked for plus <c>distance</c> (always returned), missing streams omitted, as
/// an object keyed by type (<c>key_by_type=true</c>) or an array of <c>{type, data, …}</c>.
/// </summary>
internal static class StravaStreamsWriter
{
    public static readonly string[] KnownKeys = ["time", "latlng", "distance", "altitude", "velocity_smooth", "heartrate", "cadence", "watts", "temp", "moving", "grade_smooth"];

    /// <summary>The streams to return: the recognised keys asked for plus distance; only distance when none are recognised.</summary>
    public static IReadOnlyList<string> Select(string? keys)
    {
        var asked = (keys ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(k => KnownKeys.Contains(k, StringComparer.Ordinal)).ToHashSet(StringComparer.Ordinal);
        asked.Add("distance");
        return [.. KnownKeys.Where(asked.Contains)];
    }

    public static JsonNode Write(StravaTrack track, IReadOnlyList<string> keys, bool keyByType, string seriesType)
    {
        JsonObject? byType = keyByType ? [] : null;
        JsonArray? list = keyByType ? null : [];
        if (track.Count == 0)
        {
            return (JsonNode?)byType ?? list!;
        }

        foreach (var key in keys)
        {
            if (Data(track, key) is not { } data)
            {
                continue;
            }

            var stream = new JsonObject();
            if (!keyByType)
            {
                stream["type"] = key;
            }

            stream["data"] = data;
            stream["series_type"] = seriesType;
            stream["original_size"] = track.Count;
            stream["resolution"] = "high";
            if (byType is not null)
            {
                byType[key] = stream;
            }
            else
            {
                list!.Add((JsonNode)stream);
            }
        }

        return (JsonNode?)byType ?? list!;
    }

    private static JsonArray? Data(StravaTrack track, string key) => key switch
    {
        "time" => [.. track.Time.Select(v => (JsonNode)v)],
        "distance" => [.. track.Distance.Select(v => (JsonNode)v)],
        "latlng" when track.HasGps => [.. track.Latitude.Select((lat, i) => (JsonNode)StravaJson.LatLng(lat, track.Longitude[i]))],
        "altitude" when track.HasGps => [.. track.Altitude.Select(v => (JsonNode)v)],
        "velocity_smooth" => [.. track.Velocity.Select(v => (JsonNode)v)],
        "heartrate" when track.HasHeartRate => [.. track.HeartRate.Select(v => (JsonNode)v)],
        "cadence" when track.HasCadence => [.. track.Cadence.Select(v => (JsonNode)v)],
        "watts" when track.HasPower => [.. track.Watts.Select(v => (JsonNode)v)],
        "temp" when track.HasTemperature => [.. track.Temperature.Select(v => (JsonNode)v)],
        "moving" => [.. track.Moving.Select(v => (JsonNode)v)],
        "grade_smooth" when track.HasGps => [.. track.Grade.Select(v => (JsonNode)v)],
        _ => null,
    };
}

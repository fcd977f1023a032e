using System.Globalization;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>SummaryActivity (<c>resource_state</c> 2, the list) and DetailedActivity (3, <c>/activities/{id}</c>) JSON.</summary>
internal static class StravaActivityWriter
{
    public static JsonObject Summary(StravaEmulatedActivity a, StravaTrack track, long athleteId) => Write(a, track, athleteId, detailed: false, includeAllEfforts: false, baseUri: null);

    public static JsonObject Detailed(StravaEmulatedActivity a, StravaTrack track, long athleteId, bool includeAllEfforts, Uri baseUri) =>
        Write(a, track, athleteId, detailed: true, includeAllEfforts, baseUri);

    private static JsonObject Write(StravaEmulatedActivity a, StravaTrack track, long athleteId, bool detailed, bool includeAllEfforts, Uri? baseUri)
    {
        var hasGps = track.Count > 0 && track.HasGps;
        var map = new JsonObject { ["id"] = "a" + a.Id.ToString(CultureInfo.InvariantCulture) };
        var polyline = hasGps ? StravaPolyline.Encode(track, detailed ? 1 : 10) : null;
        if (detailed)
        {
            map["polyline"] = polyline;
        }

        map["summary_polyline"] = hasGps ? StravaPolyline.Encode(track, 10) : a.IsManual ? null : string.Empty;
        map["resource_state"] = detailed ? 3 : 2;
        var hr = track.HasHeartRate && track.Count > 0;
        var node = new JsonObject
        {
            ["resource_state"] = detailed ? 3 : 2,
            ["athlete"] = StravaJson.AthleteRef(athleteId),
            ["name"] = a.Name,
            ["distance"] = a.Distance,
            ["moving_time"] = a.MovingTime,
            ["elapsed_time"] = a.ElapsedTime,
            ["total_elevation_gain"] = a.ElevationGain,
            ["type"] = a.Type,
            ["sport_type"] = a.SportType,
            ["workout_type"] = null,
            ["id"] = a.Id,
            ["start_date"] = StravaJson.Time(a.StartUtc),
            ["start_date_local"] = StravaJson.LocalTime(a.StartUtc, a.UtcOffset),
            ["timezone"] = a.TimeZone,
            ["utc_offset"] = a.UtcOffset.TotalSeconds,
            ["location_city"] = null,
            ["location_state"] = null,
            ["location_country"] = null,
            ["achievement_count"] = (int)(a.Id % 5),
            ["kudos_count"] = (int)(a.Id % 11),
            ["comment_count"] = (int)(a.Id % 3),
            ["athlete_count"] = 1,
            ["photo_count"] = 0,
            ["map"] = map,
            ["trainer"] = a.IsTrainer,
            ["commute"] = a.Commute,
            ["manual"] = a.IsManual,
            ["private"] = a.IsPrivate,
            ["visibility"] = a.Visibility,
            ["flagged"] = false,
            ["gear_id"] = a.GearId,
            ["start_latlng"] = hasGps ? StravaJson.LatLng(track.Latitude[0], track.Longitude[0]) : new JsonArray(),
            ["end_latlng"] = hasGps ? StravaJson.LatLng(track.Latitude[^1], track.Longitude[^1]) : new JsonArray(),
            ["average_speed"] = a.MovingTime == 0 ? 0 : Math.Round(a.Distance / a.MovingTime, 3),
            ["max_speed"] = track.Count == 0 ? 0 : track.Velocity.Max(),
        };
        if (track.Count > 0 && track.HasCadence)
        {
            node["average_cadence"] = Math.Round(track.Cadence.Average(), 1);
        }

        if (track.Count > 0 && track.HasTemperature)
        {
            node["average_temp"] = (int)Math.Round(track.Temperature.Average());
        }

        if (track.Count > 0 && track.HasPower)
        {
            node["average_watts"] = Math.Round(track.Watts.Average(), 1);
            node["device_watts"] = true;
            node["kilojoules"] = Math.Round(track.Watts.Average() * a.MovingTime / 1000, 1);
        }

        node["has_heartrate"] = hr;
        if (hr)
        {
            node["average_heartrate"] = Math.Round(track.HeartRate.Average(), 1);
            node["max_heartrate"] = (double)track.HeartRate.Max();
        }

        node["heartrate_opt_out"] = false;
        node["display_hide_heartrate_option"] = hr;
        if (hasGps)
        {
            node["elev_high"] = track.Altitude.Max();
            node["elev_low"] = track.Altitude.Min();
        }

        node["upload_id"] = a.UploadId;
        node["upload_id_str"] = a.UploadId?.ToString(CultureInfo.InvariantCulture);
        node["external_id"] = a.IsManual ? null : ExternalId(a);
        node["from_accepted_tag"] = false;
        node["pr_count"] = 0;
        node["total_photo_count"] = a.PhotoCount;
        node["has_kudoed"] = false;
        if (hr)
        {
            node["suffer_score"] = (double)(a.MovingTime / 300);
        }

        if (!detailed)
        {
            return node;
        }

        node["description"] = a.Description;
        node["calories"] = Math.Round(a.MovingTime * 0.18, 1);
        node["perceived_exertion"] = null;
        node["prefer_perceived_exertion"] = false;
        node["segment_efforts"] = new JsonArray();
        if (includeAllEfforts)
        {
            node["best_efforts"] = new JsonArray();
        }

        node["laps"] = StravaLapsWriter.Write(a, track, athleteId);
        node["photos"] = Photos(a, baseUri!);
        node["stats_visibility"] = new JsonArray(
            new JsonObject { ["type"] = "heart_rate", ["visibility"] = "everyone" },
            new JsonObject { ["type"] = "pace", ["visibility"] = "everyone" },
            new JsonObject { ["type"] = "power", ["visibility"] = "everyone" });
        node["hide_from_home"] = false;
        node["device_name"] = a.IsManual ? null : "Garmin Forerunner 945";
        node["embed_token"] = Convert.ToHexStringLower(BitConverter.GetBytes(a.DataSeed)) + "00000000000000000000000000000000";
        var zones = new JsonArray();
        if (hr)
        {
            zones.Add((JsonNode)"heartrate");
        }

        if (track.HasPower && track.Count > 0)
        {
            zones.Add((JsonNode)"power");
        }

        node["available_zones"] = zones;
        return node;
    }

    public static string ExternalId(StravaEmulatedActivity a) => a.OriginalFormat switch
    {
        StravaOriginalFormat.Gpx => string.Create(CultureInfo.InvariantCulture, $"{a.Id}.gpx"),
        StravaOriginalFormat.Tcx => string.Create(CultureInfo.InvariantCulture, $"{a.Id}.tcx"),
        _ => string.Create(CultureInfo.InvariantCulture, $"garmin_push_{a.Id / 3}"),
    };

    private static JsonObject Photos(StravaEmulatedActivity a, Uri baseUri)
    {
        if (a.PhotoCount == 0)
        {
            return new JsonObject { ["primary"] = null, ["count"] = 0 };
        }

        var id = StravaPhotosWriter.UniqueId(a, 0);
        return new JsonObject
        {
            ["primary"] = new JsonObject
            {
                ["unique_id"] = id,
                ["urls"] = new JsonObject { ["100"] = StravaPhotosWriter.Url(baseUri, id, 100), ["600"] = StravaPhotosWriter.Url(baseUri, id, 600) },
                ["source"] = 1,
                ["media_type"] = 1,
            },
            ["use_primary_photo"] = true,
            ["count"] = a.PhotoCount,
        };
    }
}

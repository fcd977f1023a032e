using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>
/// Writes <c>/activity-service/activity/{id}</c>: <c>activityTypeDTO</c>, <c>timeZoneUnitDTO</c>, <c>metadataDTO</c>
/// (with <c>childIds</c>/<c>childActivityTypes</c> for a multisport parent, <c>deviceMetaDataDTO.deviceId</c> as a string)
/// and <c>summaryDTO</c> (times as <c>yyyy-MM-ddTHH:mm:ss.f</c>, <c>elapsedDuration</c> in seconds, no <c>beginTimestamp</c>).
/// </summary>
internal static class GarminSummaryWriter
{
    public static JsonObject Write(GarminEmulatedActivity activity, GarminAccount account, IReadOnlyList<GarminEmulatedActivity> children, IReadOnlyList<GarminTrackPoint> track, IReadOnlyList<GarminLap> laps)
    {
        var type = GarminActivityTypes.Find(activity.TypeKey) ?? GarminActivityTypes.Get("other");
        var zone = GarminTimeZones.ByName(activity.TimeZone);
        var o = new JsonObject
        {
            ["activityId"] = activity.Id,
            ["activityUUID"] = new JsonObject { ["uuid"] = GarminJson.Uuid(activity.Seed) },
        };
        GarminJson.Put(o, "activityName", activity.Name, false);
        GarminJson.Put(o, "description", activity.Description, false);
        o["userProfileId"] = account.ProfileId;
        if (activity.ParentId is { } parentId)
        {
            o["parentId"] = parentId;
        }

        o["isMultiSportParent"] = activity.IsMultisportParent;
        o["activityTypeDTO"] = GarminJson.Type(type, false);
        o["eventTypeDTO"] = GarminJson.EventType();
        o["accessControlRuleDTO"] = GarminJson.Privacy();
        o["timeZoneUnitDTO"] = new JsonObject
        {
            ["unitId"] = activity.TimeZoneId,
            ["unitKey"] = activity.TimeZone,
            ["factor"] = 0.0,
            ["timeZone"] = activity.TimeZone,
        };
        o["metadataDTO"] = Metadata(activity, account, children, track, laps);
        o["summaryDTO"] = Summary(activity, track);
        if (activity.HasGps)
        {
            o["locationName"] = zone.Place;
        }

        o["splitSummaries"] = new JsonArray();
        return o;
    }

    private static JsonObject Metadata(GarminEmulatedActivity activity, GarminAccount account, IReadOnlyList<GarminEmulatedActivity> children, IReadOnlyList<GarminTrackPoint> track, IReadOnlyList<GarminLap> laps)
    {
        var device = activity.DeviceId is { } unit ? GarminDevices.ByUnitId(unit) : null;
        var uploaded = activity.StartUtc.UtcDateTime + activity.ElapsedDuration + TimeSpan.FromMinutes(4);
        var hasHr = activity.AverageHeartRate is not null;
        return new JsonObject
        {
            ["isOriginal"] = !activity.IsManual,
            ["deviceApplicationInstallationId"] = activity.DeviceApplicationInstallationId,
            ["agentApplicationInstallationId"] = null,
            ["agentString"] = null,
            ["fileFormat"] = activity.OriginalFormat switch
            {
                GarminOriginalFormat.Fit => new JsonObject { ["formatId"] = 7, ["formatKey"] = "fit" },
                GarminOriginalFormat.Gpx => new JsonObject { ["formatId"] = 2, ["formatKey"] = "gpx" },
                GarminOriginalFormat.Tcx => new JsonObject { ["formatId"] = 1, ["formatKey"] = "tcx" },
                _ => null,
            },
            ["associatedCourseId"] = null,
            ["lastUpdateDate"] = GarminJson.SummaryTime(uploaded.AddSeconds(1)),
            ["uploadedDate"] = GarminJson.SummaryTime(uploaded),
            ["videoUrl"] = null,
            ["hasPolyline"] = activity.HasGps,
            ["hasChartData"] = track.Count > 0,
            ["hasHrTimeInZones"] = hasHr,
            ["hasPowerTimeInZones"] = false,
            ["userInfoDto"] = new JsonObject
            {
                ["userProfilePk"] = account.ProfileId,
                ["displayname"] = account.DisplayName,
                ["fullname"] = account.FullName,
                ["profileImageUrlLarge"] = GarminJson.ProfileImageUrl(account.ProfileId, "large"),
                ["profileImageUrlMedium"] = GarminJson.ProfileImageUrl(account.ProfileId, "medium"),
                ["profileImageUrlSmall"] = GarminJson.ProfileImageUrl(account.ProfileId, "small"),
                ["userPro"] = false,
            },
            ["childIds"] = new JsonArray([.. activity.ChildIds.Select(id => (JsonNode)id)]),
            ["childActivityTypes"] = new JsonArray([.. children.Select(c => (JsonNode)c.TypeKey)]),
            ["sensors"] = null,
            ["activityImages"] = new JsonArray(),
            ["manufacturer"] = device is null ? null : "GARMIN",
            ["diveNumber"] = null,
            ["lapCount"] = activity.IsMultisportParent ? activity.ChildIds.Count : laps.Count,
            ["associatedWorkoutId"] = null,
            ["isAtpActivity"] = null,
            ["deviceMetaDataDTO"] = new JsonObject
            {
                ["deviceId"] = activity.DeviceId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["deviceTypePk"] = device?.DeviceTypePk,
                ["deviceVersionPk"] = activity.DeviceApplicationInstallationId,
            },
            ["hasIntensityIntervals"] = false,
            ["hasSplits"] = laps.Count > 0,
            ["hasHeatMap"] = false,
            ["personalRecord"] = false,
            ["elevationCorrected"] = false,
            ["autoCalcCalories"] = false,
            ["favorite"] = false,
            ["trimmed"] = false,
            ["manualActivity"] = activity.IsManual,
            ["gcj02"] = false,
        };
    }

    private static JsonObject Summary(GarminEmulatedActivity activity, IReadOnlyList<GarminTrackPoint> track)
    {
        var s = new JsonObject
        {
            ["startTimeLocal"] = GarminJson.SummaryTime(activity.Start.DateTime),
            ["startTimeGMT"] = GarminJson.SummaryTime(activity.StartUtc.UtcDateTime),
        };
        GarminJson.Put(s, "startLatitude", activity.StartLatitude, false);
        GarminJson.Put(s, "startLongitude", activity.StartLongitude, false);
        s["distance"] = activity.Distance;
        s["duration"] = GarminJson.Seconds(activity.Duration);
        s["movingDuration"] = GarminJson.Seconds(activity.MovingDuration);
        s["elapsedDuration"] = GarminJson.Seconds(activity.ElapsedDuration);
        GarminJson.Put(s, "elevationGain", activity.ElevationGain, false);
        GarminJson.Put(s, "elevationLoss", activity.ElevationLoss, false);
        GarminJson.Put(s, "maxElevation", activity.MaxElevation, false);
        GarminJson.Put(s, "minElevation", activity.MinElevation, false);
        GarminJson.Put(s, "averageSpeed", activity.AverageSpeed, false);
        GarminJson.Put(s, "averageMovingSpeed", activity.AverageSpeed is null ? null : Math.Round(activity.Distance / Math.Max(1, activity.MovingDuration.TotalSeconds), 4), false);
        GarminJson.Put(s, "maxSpeed", activity.MaxSpeed, false);
        GarminJson.Put(s, "calories", activity.Calories, false);
        GarminJson.Put(s, "averageHR", activity.AverageHeartRate, false);
        GarminJson.Put(s, "maxHR", activity.MaxHeartRate, false);
        GarminJson.Put(s, "minHR", track.Any(p => p.HeartRate is not null) ? track.Where(p => p.HeartRate is not null).Min(p => p.HeartRate) : null, false);
        GarminJson.Put(s, "steps", activity.Steps, false);
        GarminJson.Put(s, "endLatitude", track.Count > 0 ? track[^1].Latitude : null, false);
        GarminJson.Put(s, "endLongitude", track.Count > 0 ? track[^1].Longitude : null, false);
        GarminJson.Put(s, "trainingEffect", activity.AverageHeartRate is null ? null : Math.Round(1 + (activity.Duration.TotalMinutes / 40), 1), false);
        GarminJson.Put(s, "moderateIntensityMinutes", activity.AverageHeartRate is null ? null : (int)(activity.Duration.TotalMinutes / 3), false);
        GarminJson.Put(s, "vigorousIntensityMinutes", activity.AverageHeartRate is null ? null : (int)(activity.Duration.TotalMinutes / 2), false);
        return s;
    }
}

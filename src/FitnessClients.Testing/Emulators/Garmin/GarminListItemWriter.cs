using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>
/// Writes an activity as an entry of <c>/activitylist-service/activities/search/activities</c>: today's shape (nulls
/// left out, <c>elapsedDuration</c> in seconds, elevations in metres, <c>endTimeGMT</c>) or, for activities flagged
/// <see cref="GarminEmulatedActivity.UsesLegacyJson"/>, the 2018/2021 shape (nulls present, <c>elapsedDuration</c> in
/// milliseconds, <c>minElevation</c>/<c>maxElevation</c> in centimetres).
/// </summary>
internal static class GarminListItemWriter
{
    private static readonly string[] LegacyNullKeys =
    [
        "averageSwimCadenceInStrokesPerMinute", "maxSwimCadenceInStrokesPerMinute", "averageSwolf", "activeLengths",
        "conversationUuid", "conversationPk", "numberOfActivityLikes", "numberOfActivityComments", "likedByUser",
        "commentedByUser", "activityLikeDisplayNames", "activityLikeFullNames", "requestorRelationship", "courseId",
        "poolLength", "unitOfPoolLength", "videoUrl", "avgPower", "maxPower", "normPower", "vO2MaxValue", "avgStrideLength",
    ];

    public static JsonObject Write(GarminEmulatedActivity activity, GarminAccount account, GarminTrackSummary track)
    {
        var legacy = activity.UsesLegacyJson;
        var type = GarminActivityTypes.Find(activity.TypeKey) ?? GarminActivityTypes.Get("other");
        var family = type.Family;
        var o = new JsonObject { ["activityId"] = activity.Id };
        GarminJson.Put(o, "activityName", activity.Name, legacy);
        GarminJson.Put(o, "description", activity.Description, legacy);
        o["startTimeLocal"] = GarminJson.ListTime(activity.Start.DateTime);
        o["startTimeGMT"] = GarminJson.ListTime(activity.StartUtc.UtcDateTime);
        o["activityType"] = GarminJson.Type(type, legacy);
        o["eventType"] = GarminJson.EventType();
        if (legacy)
        {
            o["comments"] = null;
            o["parentId"] = activity.ParentId;
        }

        o["distance"] = activity.Distance;
        o["duration"] = GarminJson.Seconds(activity.Duration);
        o["elapsedDuration"] = legacy ? Math.Round(activity.ElapsedDuration.TotalMilliseconds, 3) : GarminJson.Seconds(activity.ElapsedDuration);
        o["movingDuration"] = GarminJson.Seconds(activity.MovingDuration);
        GarminJson.Put(o, "elevationGain", activity.ElevationGain, legacy);
        GarminJson.Put(o, "elevationLoss", activity.ElevationLoss, legacy);
        GarminJson.Put(o, "averageSpeed", activity.AverageSpeed, legacy);
        GarminJson.Put(o, "maxSpeed", activity.MaxSpeed, legacy);
        GarminJson.Put(o, "startLatitude", activity.StartLatitude, legacy);
        GarminJson.Put(o, "startLongitude", activity.StartLongitude, legacy);
        o["hasPolyline"] = activity.HasGps;
        o["hasImages"] = false;
        o["ownerId"] = account.ProfileId;
        o["ownerDisplayName"] = account.DisplayName;
        o["ownerFullName"] = account.FullName;
        o["ownerProfileImageUrlSmall"] = GarminJson.ProfileImageUrl(account.ProfileId, "small");
        o["ownerProfileImageUrlMedium"] = GarminJson.ProfileImageUrl(account.ProfileId, "medium");
        o["ownerProfileImageUrlLarge"] = GarminJson.ProfileImageUrl(account.ProfileId, "large");
        GarminJson.Put(o, "calories", activity.Calories, legacy);
        GarminJson.Put(o, "bmrCalories", activity.IsManual ? null : Math.Round(activity.Duration.TotalMinutes * 1.4), legacy);
        GarminJson.Put(o, "averageHR", activity.AverageHeartRate, legacy);
        GarminJson.Put(o, "maxHR", activity.MaxHeartRate, legacy);
        var running = family == GarminActivityFamily.Foot && activity.Steps is not null;
        GarminJson.Put(o, "averageRunningCadenceInStepsPerMinute", running ? Math.Round(activity.Steps!.Value / activity.Duration.TotalMinutes, 4) : null, legacy);
        GarminJson.Put(o, "maxRunningCadenceInStepsPerMinute", running ? Math.Round(activity.Steps!.Value / activity.Duration.TotalMinutes) + 14 : null, legacy);
        var riding = family == GarminActivityFamily.Bike && !activity.IsManual;
        GarminJson.Put(o, "averageBikingCadenceInRevPerMinute", riding ? 84.0 : null, legacy);
        GarminJson.Put(o, "maxBikingCadenceInRevPerMinute", riding ? 118.0 : null, legacy);
        if (legacy)
        {
            foreach (var key in LegacyNullKeys)
            {
                o[key] = null;
            }
        }

        GarminJson.Put(o, "steps", activity.Steps, legacy);
        o["userRoles"] = GarminJson.UserRoles();
        o["privacy"] = GarminJson.Privacy();
        o["userPro"] = false;
        o["hasVideo"] = false;
        o["timeZoneId"] = activity.TimeZoneId;
        o["beginTimestamp"] = GarminJson.EpochMilliseconds(activity.StartUtc);
        o["sportTypeId"] = type.FitSport;
        GarminJson.Put(o, "aerobicTrainingEffect", activity.AverageHeartRate is null ? null : Math.Round(1 + (activity.Duration.TotalMinutes / 40), 1), legacy);
        GarminJson.Put(o, "anaerobicTrainingEffect", activity.AverageHeartRate is null ? null : 0.4, legacy);
        GarminJson.Put(o, "deviceId", activity.DeviceId, legacy);
        GarminJson.Put(o, "minElevation", legacy ? activity.MinElevation * 100 : activity.MinElevation, legacy);
        GarminJson.Put(o, "maxElevation", legacy ? activity.MaxElevation * 100 : activity.MaxElevation, legacy);
        GarminJson.Put(o, "manufacturer", activity.DeviceId is null ? null : "GARMIN", legacy);
        GarminJson.Put(o, "locationName", activity.HasGps ? GarminTimeZones.ByName(activity.TimeZone).Place : null, legacy);
        o["lapCount"] = track.LapCount;
        GarminJson.Put(o, "endLatitude", track.EndLatitude, legacy);
        GarminJson.Put(o, "endLongitude", track.EndLongitude, legacy);
        o["hasSplits"] = !activity.IsManual;
        if (activity.AverageHeartRate is not null)
        {
            foreach (var zone in track.Zones)
            {
                o[$"hrTimeInZone_{zone.Zone}"] = zone.Seconds;
            }
        }

        if (!legacy)
        {
            o["endTimeGMT"] = GarminJson.ListTime(activity.StartUtc.UtcDateTime + activity.ElapsedDuration);
        }

        o["autoCalcCalories"] = false;
        o["favorite"] = false;
        o["elevationCorrected"] = false;
        o["atpActivity"] = false;
        o["purposeful"] = false;
        o["manualActivity"] = activity.IsManual;
        o["pr"] = false;
        o["parent"] = activity.IsMultisportParent;
        return o;
    }
}

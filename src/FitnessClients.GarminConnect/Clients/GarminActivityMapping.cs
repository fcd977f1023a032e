using System.Globalization;
using FitnessClients.GarminConnect.Models;

namespace FitnessClients.GarminConnect.Clients;

/// <summary>
/// Turns a summary into a list entry, for multisport legs: the list leaves them out, so their entries are built from
/// <c>activity-service/activity/{id}</c>, as garmin-connect-export does.
/// </summary>
internal static class GarminActivityMapping
{
    public static GarminActivityListItem ToListItem(GarminActivitySummary summary)
    {
        var values = summary.Summary;
        var metadata = summary.Metadata;
        long? beginTimestamp = values?.StartTimeGmt is { } gmt
            ? new DateTimeOffset(DateTime.SpecifyKind(gmt, DateTimeKind.Unspecified), TimeSpan.Zero).ToUnixTimeMilliseconds()
            : null;
        long? deviceId = long.TryParse(metadata?.DeviceMetadata?.DeviceId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var device) ? device : null;
        return new GarminActivityListItem
        {
            ActivityId = summary.ActivityId,
            ActivityName = summary.ActivityName,
            Description = summary.Description,
            StartTimeLocal = values?.StartTimeLocal,
            StartTimeGmt = values?.StartTimeGmt,
            BeginTimestamp = beginTimestamp,
            ActivityType = summary.ActivityType,
            EventType = summary.EventType,
            Distance = values?.Distance,
            Duration = values?.Duration,
            ElapsedDuration = values?.ElapsedDuration,
            MovingDuration = values?.MovingDuration,
            ElevationGain = values?.ElevationGain,
            ElevationLoss = values?.ElevationLoss,
            MinElevation = values?.MinElevation,
            MaxElevation = values?.MaxElevation,
            AverageSpeed = values?.AverageSpeed,
            MaxSpeed = values?.MaxSpeed,
            AverageHeartRate = values?.AverageHeartRate,
            MaxHeartRate = values?.MaxHeartRate,
            Calories = values?.Calories,
            BmrCalories = values?.BmrCalories,
            Steps = values?.Steps,
            AveragePower = values?.AveragePower,
            MaxPower = values?.MaxPower,
            NormalizedPower = values?.NormalizedPower,
            AerobicTrainingEffect = values?.TrainingEffect,
            AnaerobicTrainingEffect = values?.AnaerobicTrainingEffect,
            ActivityTrainingLoad = values?.ActivityTrainingLoad,
            StartLatitude = values?.StartLatitude,
            StartLongitude = values?.StartLongitude,
            EndLatitude = values?.EndLatitude,
            EndLongitude = values?.EndLongitude,
            MinTemperature = values?.MinTemperature,
            MaxTemperature = values?.MaxTemperature,
            LocationName = summary.LocationName,
            DeviceId = deviceId,
            Manufacturer = metadata?.Manufacturer,
            TimeZoneId = summary.TimeZoneUnit?.UnitId,
            OwnerId = summary.UserProfileId,
            Privacy = summary.AccessControlRule,
            LapCount = metadata?.LapCount,
            HasPolyline = metadata?.HasPolyline,
            HasSplits = metadata?.HasSplits,
            Parent = summary.IsMultiSportParent,
            ParentId = summary.ParentId,
            ManualActivity = metadata?.ManualActivity,
            ElevationCorrected = metadata?.ElevationCorrected,
            AutoCalcCalories = metadata?.AutoCalcCalories,
            Favorite = metadata?.Favorite,
            PersonalRecord = metadata?.PersonalRecord,
            SplitSummaries = summary.SplitSummaries,
        };
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>
/// The summary's <c>summaryDTO</c>: the activity's measurements. Times are <c>2026-01-08T08:10:21.0</c>, offset-less;
/// there is no <c>beginTimestamp</c> here.
/// </summary>
public sealed record GarminSummaryDto
{
    /// <summary>The start as the wall clock showed it where the activity happened (no offset).</summary>
    [JsonPropertyName("startTimeLocal")]
    [JsonConverter(typeof(GarminDateTimeConverter))]
    public DateTime? StartTimeLocal { get; init; }

    /// <summary>The start in UTC (no offset in the text).</summary>
    [JsonPropertyName("startTimeGMT")]
    [JsonConverter(typeof(GarminDateTimeConverter))]
    public DateTime? StartTimeGmt { get; init; }

    /// <summary>The start latitude in degrees.</summary>
    [JsonPropertyName("startLatitude")]
    public double? StartLatitude { get; init; }

    /// <summary>The start longitude in degrees.</summary>
    [JsonPropertyName("startLongitude")]
    public double? StartLongitude { get; init; }

    /// <summary>The end latitude in degrees.</summary>
    [JsonPropertyName("endLatitude")]
    public double? EndLatitude { get; init; }

    /// <summary>The end longitude in degrees.</summary>
    [JsonPropertyName("endLongitude")]
    public double? EndLongitude { get; init; }

    /// <summary>The distance in metres.</summary>
    [JsonPropertyName("distance")]
    public double? Distance { get; init; }

    /// <summary>The timer time in seconds.</summary>
    [JsonPropertyName("duration")]
    public double? Duration { get; init; }

    /// <summary>The moving time in seconds.</summary>
    [JsonPropertyName("movingDuration")]
    public double? MovingDuration { get; init; }

    /// <summary>The wall-clock time in seconds (checked like the list's; use <see cref="ElapsedTime"/>).</summary>
    [JsonPropertyName("elapsedDuration")]
    public double? ElapsedDuration { get; init; }

    /// <summary>The ascent in metres.</summary>
    [JsonPropertyName("elevationGain")]
    public double? ElevationGain { get; init; }

    /// <summary>The descent in metres.</summary>
    [JsonPropertyName("elevationLoss")]
    public double? ElevationLoss { get; init; }

    /// <summary>The highest elevation in metres.</summary>
    [JsonPropertyName("maxElevation")]
    public double? MaxElevation { get; init; }

    /// <summary>The lowest elevation in metres.</summary>
    [JsonPropertyName("minElevation")]
    public double? MinElevation { get; init; }

    /// <summary>The average speed in m/s.</summary>
    [JsonPropertyName("averageSpeed")]
    public double? AverageSpeed { get; init; }

    /// <summary>The average moving speed in m/s.</summary>
    [JsonPropertyName("averageMovingSpeed")]
    public double? AverageMovingSpeed { get; init; }

    /// <summary>The top speed in m/s.</summary>
    [JsonPropertyName("maxSpeed")]
    public double? MaxSpeed { get; init; }

    /// <summary>The energy in kcal.</summary>
    [JsonPropertyName("calories")]
    public double? Calories { get; init; }

    /// <summary>The resting share of the energy in kcal.</summary>
    [JsonPropertyName("bmrCalories")]
    public double? BmrCalories { get; init; }

    /// <summary>The average heart rate in bpm.</summary>
    [JsonPropertyName("averageHR")]
    public double? AverageHeartRate { get; init; }

    /// <summary>The maximum heart rate in bpm.</summary>
    [JsonPropertyName("maxHR")]
    public double? MaxHeartRate { get; init; }

    /// <summary>The minimum heart rate in bpm.</summary>
    [JsonPropertyName("minHR")]
    public double? MinHeartRate { get; init; }

    /// <summary>The average running cadence in steps per minute.</summary>
    [JsonPropertyName("averageRunCadence")]
    public double? AverageRunCadence { get; init; }

    /// <summary>The highest running cadence in steps per minute.</summary>
    [JsonPropertyName("maxRunCadence")]
    public double? MaxRunCadence { get; init; }

    /// <summary>The average cycling cadence in rpm.</summary>
    [JsonPropertyName("averageBikeCadence")]
    public double? AverageBikeCadence { get; init; }

    /// <summary>The highest cycling cadence in rpm.</summary>
    [JsonPropertyName("maxBikeCadence")]
    public double? MaxBikeCadence { get; init; }

    /// <summary>The average temperature in °C.</summary>
    [JsonPropertyName("averageTemperature")]
    public double? AverageTemperature { get; init; }

    /// <summary>The highest temperature in °C.</summary>
    [JsonPropertyName("maxTemperature")]
    public double? MaxTemperature { get; init; }

    /// <summary>The lowest temperature in °C.</summary>
    [JsonPropertyName("minTemperature")]
    public double? MinTemperature { get; init; }

    /// <summary>The average power in watts.</summary>
    [JsonPropertyName("averagePower")]
    public double? AveragePower { get; init; }

    /// <summary>The highest power in watts.</summary>
    [JsonPropertyName("maxPower")]
    public double? MaxPower { get; init; }

    /// <summary>The normalized power in watts.</summary>
    [JsonPropertyName("normalizedPower")]
    public double? NormalizedPower { get; init; }

    /// <summary>Garmin's aerobic training effect.</summary>
    [JsonPropertyName("trainingEffect")]
    public double? TrainingEffect { get; init; }

    /// <summary>Garmin's anaerobic training effect.</summary>
    [JsonPropertyName("anaerobicTrainingEffect")]
    public double? AnaerobicTrainingEffect { get; init; }

    /// <summary>Garmin's training load.</summary>
    [JsonPropertyName("activityTrainingLoad")]
    public double? ActivityTrainingLoad { get; init; }

    /// <summary>The step count.</summary>
    [JsonPropertyName("steps")]
    public long? Steps { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The start with the local offset of where it happened (local − GMT), or UTC when the local time is missing.</summary>
    [JsonIgnore]
    public DateTimeOffset? StartTime => GarminTime.GetStartTime(StartTimeLocal, StartTimeGmt);

    /// <summary>The elapsed time, checked for milliseconds like the list's.</summary>
    [JsonIgnore]
    public TimeSpan? ElapsedTime => GarminUnits.ToElapsedTime(ElapsedDuration, Duration, MovingDuration);

    /// <summary>The moving time.</summary>
    [JsonIgnore]
    public TimeSpan? MovingTime => GarminUnits.Seconds(MovingDuration);
}

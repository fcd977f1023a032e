using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>The <c>userData</c> part of the user settings.</summary>
public sealed record GarminUserData
{
    /// <summary><c>MALE</c>, <c>FEMALE</c>, ...</summary>
    [JsonPropertyName("gender")]
    public string? Gender { get; init; }

    /// <summary>The weight in grams.</summary>
    [JsonPropertyName("weight")]
    public double? Weight { get; init; }

    /// <summary>The height in centimetres.</summary>
    [JsonPropertyName("height")]
    public double? Height { get; init; }

    /// <summary>The birth date as sent (<c>yyyy-MM-dd</c>).</summary>
    [JsonPropertyName("birthDate")]
    public string? BirthDate { get; init; }

    /// <summary><c>metric</c> or <c>statute_us</c>/<c>statute_uk</c>.</summary>
    [JsonPropertyName("measurementSystem")]
    public string? MeasurementSystem { get; init; }

    /// <summary>e.g. <c>time_twenty_four_hr</c>.</summary>
    [JsonPropertyName("timeFormat")]
    public string? TimeFormat { get; init; }

    /// <summary><c>RIGHT</c> or <c>LEFT</c>.</summary>
    [JsonPropertyName("handedness")]
    public string? Handedness { get; init; }

    /// <summary>The running VO2max.</summary>
    [JsonPropertyName("vo2MaxRunning")]
    public double? VO2MaxRunning { get; init; }

    /// <summary>The cycling VO2max.</summary>
    [JsonPropertyName("vo2MaxCycling")]
    public double? VO2MaxCycling { get; init; }

    /// <summary>The lactate threshold speed as sent.</summary>
    [JsonPropertyName("lactateThresholdSpeed")]
    public double? LactateThresholdSpeed { get; init; }

    /// <summary>The lactate threshold heart rate in bpm.</summary>
    [JsonPropertyName("lactateThresholdHeartRate")]
    public double? LactateThresholdHeartRate { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>Which position of a details row holds which metric.</summary>
public sealed record GarminMetricDescriptor
{
    /// <summary>The position in <see cref="GarminDetailMetrics.Metrics"/>.</summary>
    [JsonPropertyName("metricsIndex")]
    public int? MetricsIndex { get; init; }

    /// <summary>The metric, e.g. <c>directTimestamp</c>, <c>directHeartRate</c>, <c>sumDistance</c>.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; init; }

    /// <summary>The unit (<c>{id, key, factor}</c>), kept as sent.</summary>
    [JsonPropertyName("unit")]
    public JsonElement? Unit { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

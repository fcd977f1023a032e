using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>One sample row of <see cref="GarminActivityDetails"/>.</summary>
public sealed record GarminDetailMetrics
{
    /// <summary>The values, by <see cref="GarminMetricDescriptor.MetricsIndex"/>; <see langword="null"/> where the device recorded nothing.</summary>
    [JsonPropertyName("metrics")]
    public IReadOnlyList<double?>? Metrics { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

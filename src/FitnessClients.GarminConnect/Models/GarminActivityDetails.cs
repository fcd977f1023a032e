using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>
/// The samples of an activity (<c>activity-service/activity/{id}/details</c>). Each row of
/// <see cref="ActivityDetailMetrics"/> is positional: <see cref="MetricDescriptors"/> says which index holds which key,
/// and that mapping changes per device and activity, so always look it up (<see cref="FindMetricIndex"/>). The
/// polyline, heart-rate series and the rest are kept in <see cref="ExtensionData"/>.
/// </summary>
public sealed record GarminActivityDetails
{
    /// <summary>The activity's id.</summary>
    [JsonPropertyName("activityId")]
    public long? ActivityId { get; init; }

    /// <summary>The number of metrics per row.</summary>
    [JsonPropertyName("measurementCount")]
    public int? MeasurementCount { get; init; }

    /// <summary>The number of rows (samples).</summary>
    [JsonPropertyName("metricsCount")]
    public int? MetricsCount { get; init; }

    /// <summary>Which row index holds which metric.</summary>
    [JsonPropertyName("metricDescriptors")]
    public IReadOnlyList<GarminMetricDescriptor>? MetricDescriptors { get; init; }

    /// <summary>The samples.</summary>
    [JsonPropertyName("activityDetailMetrics")]
    public IReadOnlyList<GarminDetailMetrics>? ActivityDetailMetrics { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The row index of a metric such as <c>directHeartRate</c> or <c>sumDistance</c>.</summary>
    /// <param name="key">The metric's key, compared ignoring case.</param>
    /// <returns>The index, or <see langword="null"/> when the activity does not have that metric.</returns>
    public int? FindMetricIndex(string key) =>
        MetricDescriptors?.FirstOrDefault(d => string.Equals(d.Key, key, StringComparison.OrdinalIgnoreCase))?.MetricsIndex;
}

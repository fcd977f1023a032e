using System.Text.Json.Serialization;

namespace FitnessClients.Core.Tests.Json;

/// <summary>A wire model read through <see cref="TestJsonContext"/>.</summary>
public sealed record WireModel
{
    [JsonPropertyName("elapsed_time")]
    public int? ElapsedTime { get; init; }

    [JsonPropertyName("start_date")]
    public DateTimeOffset? StartDate { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("status")]
    public StatusCode? Status { get; init; }
}

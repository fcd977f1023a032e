using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>Garmin's wrapped UUID, <c>{"uuid": "..."}</c> (<c>activityUUID</c>, <c>uploadUuid</c>).</summary>
public sealed record GarminUuid
{
    /// <summary>The UUID text.</summary>
    [JsonPropertyName("uuid")]
    public string? Uuid { get; init; }
}

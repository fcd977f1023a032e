using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>The format of an activity's original file (<c>metadataDTO.fileFormat</c>): what the original ZIP holds.</summary>
public sealed record GarminFileFormat
{
    /// <summary>The numeric id (7 fit, 2 gpx, ...).</summary>
    [JsonPropertyName("formatId")]
    public long? FormatId { get; init; }

    /// <summary>The key: <c>fit</c>, <c>gpx</c> or <c>tcx</c>. A TCX export of a <c>gpx</c> original fails.</summary>
    [JsonPropertyName("formatKey")]
    public string? FormatKey { get; init; }
}

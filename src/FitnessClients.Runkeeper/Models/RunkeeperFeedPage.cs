using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Runkeeper.Models;

/// <summary>One page of a Health Graph feed: items newest first, and links to the neighbouring pages.</summary>
public sealed record RunkeeperFeedPage
{
    /// <summary>The number of items across all pages (after the filters).</summary>
    [JsonPropertyName("size")]
    public int? Size { get; init; }

    /// <summary>This page's items, newest first.</summary>
    [JsonPropertyName("items")]
    public IReadOnlyList<RunkeeperFeedItem>? Items { get; init; }

    /// <summary>The page of older items; absent on the last page. Followed verbatim, since it repeats every filter.</summary>
    [JsonPropertyName("next")]
    public string? Next { get; init; }

    /// <summary>The page of newer items; absent on the first page.</summary>
    [JsonPropertyName("previous")]
    public string? Previous { get; init; }

    /// <summary>Fields this record does not name, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

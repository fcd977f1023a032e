using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Runkeeper.Models;

/// <summary>Source-generated JSON metadata for Runkeeper's shapes (trailing commas allowed: the 2012 feeds have them).</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunkeeperUser))]
[JsonSerializable(typeof(RunkeeperFeedPage))]
[JsonSerializable(typeof(IReadOnlyList<RunkeeperFeedItem>))]
[JsonSerializable(typeof(RunkeeperFitnessActivity))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class RunkeeperJsonContext : JsonSerializerContext
{
}

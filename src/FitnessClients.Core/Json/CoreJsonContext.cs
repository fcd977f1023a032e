using System.Text.Json;
using System.Text.Json.Serialization;
using FitnessClients.Core.OAuth;

namespace FitnessClients.Core.Json;

/// <summary>Source-generated metadata for Core's own wire types, read with the <see cref="FitnessJson"/> conventions.</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(FlexibleIntegerConverterFactory), typeof(FlexibleDateTimeOffsetConverter), typeof(LocalDateTimeConverter)])]
[JsonSerializable(typeof(OAuth2TokenResponse))]
internal sealed partial class CoreJsonContext : JsonSerializerContext
{
}

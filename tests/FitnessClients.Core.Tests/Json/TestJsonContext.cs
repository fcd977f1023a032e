using System.Text.Json.Serialization;
using FitnessClients.Core.Json;

namespace FitnessClients.Core.Tests.Json;

/// <summary>A package-style source-generated context, to check the conventions combine with one.</summary>
[JsonSourceGenerationOptions(Converters = [typeof(FlexibleIntegerConverterFactory), typeof(FlexibleDateTimeOffsetConverter)])]
[JsonSerializable(typeof(WireModel))]
internal sealed partial class TestJsonContext : JsonSerializerContext
{
}

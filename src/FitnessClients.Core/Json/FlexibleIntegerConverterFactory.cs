using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Core.Json;

/// <summary>
/// Supplies the flexible integer converters for <see cref="short"/>, <see cref="int"/> and <see cref="long"/>
/// and their nullable forms, so one registration in <see cref="JsonSerializerOptions.Converters"/> covers every
/// integer property of a wire model. <see cref="FitnessJson"/> registers it.
/// </summary>
public sealed class FlexibleIntegerConverterFactory : JsonConverterFactory
{
    private static readonly Dictionary<Type, JsonConverter> Converters = new()
    {
        [typeof(short)] = new FlexibleIntegerConverter<short>(),
        [typeof(int)] = new FlexibleInt32Converter(),
        [typeof(long)] = new FlexibleInt64Converter(),
        [typeof(short?)] = new FlexibleNullableIntegerConverter<short>(),
        [typeof(int?)] = new FlexibleNullableInt32Converter(),
        [typeof(long?)] = new FlexibleNullableInt64Converter(),
    };

    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => Converters.ContainsKey(typeToConvert);

    /// <inheritdoc />
    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        Converters.TryGetValue(typeToConvert, out var converter) ? converter : null;
}

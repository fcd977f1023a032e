using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Core.Json;

/// <summary>
/// Creates an <see cref="OpenEnumJsonConverter{T}"/> for every type that implements <see cref="IOpenEnum{TSelf}"/>
/// for itself, so reflection-based options handle open enums without an attribute on each type.
/// </summary>
/// <remarks>Uses reflection; source-generated contexts need the converter named on the type instead (see <see cref="IOpenEnum{TSelf}"/>).</remarks>
[RequiresUnreferencedCode("Finds open enums by reflection. Name OpenEnumJsonConverter<T> on the type with [JsonConverter] for trimmed or Native AOT apps.")]
[RequiresDynamicCode("Creates OpenEnumJsonConverter<T> with MakeGenericType. Name OpenEnumJsonConverter<T> on the type with [JsonConverter] for Native AOT apps.")]
public sealed class OpenEnumJsonConverterFactory : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        return Array.Exists(
            typeToConvert.GetInterfaces(),
            i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IOpenEnum<>) && i.GenericTypeArguments[0] == typeToConvert);
    }

    /// <inheritdoc />
    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter?)Activator.CreateInstance(typeof(OpenEnumJsonConverter<>).MakeGenericType(typeToConvert));
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Core.Json;

/// <summary>
/// Reads any JSON string (and a number as its text, for services that send codes as numbers) into an
/// <see cref="IOpenEnum{TSelf}"/> and writes its <see cref="IOpenEnum{TSelf}.Value"/> back as a string, so an
/// unknown value survives a read and a write unchanged. Also works for dictionary keys.
/// </summary>
/// <typeparam name="T">The open enum type.</typeparam>
public sealed class OpenEnumJsonConverter<T> : JsonConverter<T>
    where T : IOpenEnum<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => T.FromValue(reader.GetString() ?? string.Empty),
            JsonTokenType.Number => T.FromValue(JsonText.Raw(ref reader)),
            _ => throw new JsonException(
                $"Expected a string for {typeof(T).Name} but found {JsonText.Describe(reader.TokenType)}" +
                (reader.TokenType == JsonTokenType.Null ? "; declare the property as nullable if the service may leave it out." : ".")),
        };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value?.Value is { } text)
        {
            writer.WriteStringValue(text);
        }
        else
        {
            // default(T) of a struct has no value; null is the honest spelling of that.
            writer.WriteNullValue();
        }
    }

    /// <inheritdoc />
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.FromValue(reader.GetString() ?? string.Empty);

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value?.Value ?? string.Empty);
    }
}

using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Core.Json;

/// <summary>
/// The nullable form of <see cref="FlexibleIntegerConverter{T}"/>: also reads <c>null</c> and an empty or blank
/// string as <see langword="null"/>, because services send <c>""</c> for "no value" in number fields.
/// </summary>
/// <typeparam name="T">A signed integer type of at most 64 bits.</typeparam>
public class FlexibleNullableIntegerConverter<T> : JsonConverter<T?>
    where T : struct, IBinaryInteger<T>, ISignedNumber<T>, IMinMaxValue<T>
{
    private static readonly FlexibleIntegerConverter<T> Inner = new();

    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String && string.IsNullOrWhiteSpace(reader.GetString()))
        {
            return null;
        }

        return Inner.Read(ref reader, typeof(T), options);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } present)
        {
            Inner.Write(writer, present, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Core.Json;

/// <summary>
/// Reads a whole number written as <c>480</c>, <c>480.0</c>, <c>4.8e2</c> or <c>"480"</c>, and refuses
/// <c>480.5</c> rather than silently rounding it. Writes a plain JSON number.
/// </summary>
/// <remarks>
/// Strava sends some integer fields as floats (<c>"elapsed_time": 480.0</c>) and Garmin sends ids as strings in
/// places, so the wire models cannot rely on the exact JSON type. A fraction, though, means the field is not what
/// the model thinks it is, and that is worth an error that names the value.
/// </remarks>
/// <typeparam name="T">A signed integer type of at most 64 bits.</typeparam>
public class FlexibleIntegerConverter<T> : JsonConverter<T>
    where T : struct, IBinaryInteger<T>, ISignedNumber<T>, IMinMaxValue<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt64(out var whole))
            {
                return FromInt64(whole, JsonText.Raw(ref reader), wasString: false);
            }

            return Parse(JsonText.Raw(ref reader), wasString: false);
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            return Parse(reader.GetString() ?? string.Empty, wasString: true);
        }

        throw new JsonException($"Expected a whole number for {typeof(T).Name} but found {JsonText.Describe(reader.TokenType)}.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(long.CreateChecked(value));
    }

    /// <inheritdoc />
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString() ?? string.Empty, wasString: true);

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.ToString(null, CultureInfo.InvariantCulture));
    }

    /// <summary>Parses the text of a number or a numeric string, with the same rules as <see cref="Read"/>.</summary>
    /// <param name="text">The text, e.g. <c>480</c> or <c>480.0</c>.</param>
    /// <param name="wasString">Whether the value was a JSON string (only changes how the error message quotes it).</param>
    /// <exception cref="JsonException">The text is not a whole number in the range of <typeparamref name="T"/>.</exception>
    internal static T Parse(string text, bool wasString)
    {
        var trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return FromInt64(whole, text, wasString);
        }

        if (!decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var huge) && double.IsFinite(huge))
            {
                throw OutOfRange(text, wasString);
            }

            throw new JsonException($"The value {JsonText.Quote(text, wasString)} is not a number, so it cannot be read as {typeof(T).Name}.");
        }

        if (number != decimal.Truncate(number))
        {
            throw new JsonException($"The value {JsonText.Quote(text, wasString)} is not a whole number, so it cannot be read as {typeof(T).Name} without losing its fraction.");
        }

        if (number < decimal.CreateChecked(T.MinValue) || number > decimal.CreateChecked(T.MaxValue))
        {
            throw OutOfRange(text, wasString);
        }

        return T.CreateChecked(number);
    }

    private static T FromInt64(long value, string text, bool wasString)
    {
        if (value < long.CreateChecked(T.MinValue) || value > long.CreateChecked(T.MaxValue))
        {
            throw OutOfRange(text, wasString);
        }

        return T.CreateChecked(value);
    }

    private static JsonException OutOfRange(string text, bool wasString) =>
        new($"The value {JsonText.Quote(text, wasString)} is outside the range of {typeof(T).Name} ({T.MinValue.ToString(null, CultureInfo.InvariantCulture)} to {T.MaxValue.ToString(null, CultureInfo.InvariantCulture)}).");
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Core.Json;

/// <summary>
/// Reads a wall-clock time (where the activity happened, no zone attached) into a <see cref="DateTime"/> of kind
/// <see cref="DateTimeKind.Unspecified"/>: Garmin's <c>startTimeLocal</c> (<c>2024-05-01 09:30:00</c>),
/// Runkeeper's <c>start_time</c> (<c>Wed, 1 May 2024 09:30:00</c>). Writes ISO 8601 without an offset.
/// </summary>
/// <remarks>
/// In the SDK's wire models a <see cref="DateTime"/> always means a wall-clock reading and a
/// <see cref="DateTimeOffset"/> an instant; <see cref="FitnessJson"/> registers this converter for every
/// <see cref="DateTime"/>. When the text carries an offset the digits are kept as written, since they are the
/// local time at that offset. Epoch numbers are refused: they are instants, so read them as
/// <see cref="DateTimeOffset"/>.
/// </remarks>
public sealed class LocalDateTimeConverter : JsonConverter<DateTime>
{
    /// <inheritdoc />
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            var found = reader.TokenType == JsonTokenType.Number ? $"the number {JsonText.Quote(JsonText.Raw(ref reader), wasString: false)}" : JsonText.Describe(reader.TokenType);
            throw new JsonException($"Expected a local date and time string but found {found}; an epoch number is an instant, read it into a DateTimeOffset.");
        }

        return Parse(reader.GetString() ?? string.Empty);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(DateTimeText.FormatClock(value));
    }

    /// <inheritdoc />
    public override DateTime ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString() ?? string.Empty);

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(DateTimeText.FormatClock(value));
    }

    /// <summary>Reads <paramref name="text"/> as a wall-clock time.</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="JsonException">The text is not an accepted date-time form or not a real date.</exception>
    public static DateTime Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (DateTimeText.TryParse(text, out var clock, out _))
        {
            return clock;
        }

        throw new JsonException($"The value {JsonText.Quote(text, wasString: true)} is not a local date and time this converter reads. Accepted: ISO 8601 like 2024-05-01T09:30:00 or 2024-05-01 09:30:00.5 (an offset is allowed and ignored), or RFC 1123 like Wed, 1 May 2024 09:30:00.");
    }
}

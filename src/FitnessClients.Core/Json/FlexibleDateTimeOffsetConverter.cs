using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Core.Json;

/// <summary>
/// Reads an instant in the spellings the services use: ISO 8601 with an offset or <c>Z</c> (1 to 9 fraction
/// digits, <c>T</c> or a space between date and time), RFC 1123 with <c>GMT</c>, and epoch numbers (or strings
/// of digits) in seconds or milliseconds. Writes ISO 8601, keeping the offset.
/// </summary>
/// <remarks>
/// <para>
/// A string without an offset (Garmin's <c>2024-05-01 07:30:00</c>) does not say which instant it is. This
/// converter refuses it unless it was given the offset to assume: use <see cref="UtcDateTimeOffsetConverter"/>
/// on fields the service documents as UTC (Garmin's <c>startTimeGMT</c>), and read wall-clock fields
/// (<c>startTimeLocal</c>) into a <see cref="DateTime"/> with <see cref="LocalDateTimeConverter"/>. Guessing here
/// would shift activities by hours without anyone noticing.
/// </para>
/// <para>Numbers are read with the <see cref="Json.EpochUnit"/> given to the constructor; by default by magnitude.</para>
/// </remarks>
/// <example>
/// <code>
/// [JsonConverter(typeof(UtcDateTimeOffsetConverter))]
/// public DateTimeOffset? StartTimeGmt { get; init; }   // "2024-05-01 07:30:00" means 07:30 UTC
/// </code>
/// </example>
public class FlexibleDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>Creates the strict converter: naive strings are refused, numbers are read by magnitude.</summary>
    public FlexibleDateTimeOffsetConverter()
        : this(assumedOffset: null, EpochUnit.Auto)
    {
    }

    /// <summary>Creates a converter with an explicit reading of naive strings and of numbers.</summary>
    /// <param name="assumedOffset">The offset a string without one is taken to have, or <see langword="null"/> to refuse such strings.</param>
    /// <param name="epochUnit">How numbers are read.</param>
    public FlexibleDateTimeOffsetConverter(TimeSpan? assumedOffset, EpochUnit epochUnit)
    {
        AssumedOffset = assumedOffset;
        EpochUnit = epochUnit;
    }

    /// <summary>The offset assumed for strings without one; <see langword="null"/> when such strings are refused.</summary>
    public TimeSpan? AssumedOffset { get; }

    /// <summary>How numbers are read.</summary>
    public EpochUnit EpochUnit { get; }

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                var text = JsonText.Raw(ref reader);
                if (!reader.TryGetDecimal(out var number))
                {
                    throw new JsonException($"The number {JsonText.Quote(text, wasString: false)} is outside the range of dates.");
                }

                return FromEpoch(number, text, wasString: false);
            case JsonTokenType.String:
                return Parse(reader.GetString() ?? string.Empty);
            default:
                throw new JsonException($"Expected a date and time but found {JsonText.Describe(reader.TokenType)}. Accepted: {DateTimeText.AcceptedForms}.");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(DateTimeText.FormatInstant(value));
    }

    /// <inheritdoc />
    public override DateTimeOffset ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString() ?? string.Empty);

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(DateTimeText.FormatInstant(value));
    }

    /// <summary>Reads <paramref name="text"/> with this converter's rules.</summary>
    /// <param name="text">A date-time string or a string of digits.</param>
    /// <exception cref="JsonException">The text is not an accepted form, not a real date, or has no offset and none is assumed.</exception>
    public DateTimeOffset Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (DateTimeText.TryParse(text, out var clock, out var offset))
        {
            var effective = offset ?? AssumedOffset
                ?? throw new JsonException(
                    $"The date {JsonText.Quote(text, wasString: true)} has no UTC offset, so the instant it means is unknown. " +
                    $"If the service means UTC, put [JsonConverter(typeof({nameof(UtcDateTimeOffsetConverter)}))] on the property; " +
                    $"if it is a local wall-clock time, read it into a DateTime with {nameof(LocalDateTimeConverter)}.");
            try
            {
                return new DateTimeOffset(clock, effective);
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw new JsonException($"The date {JsonText.Quote(text, wasString: true)} is outside the range of dates.", ex);
            }
        }

        if (DateTimeText.TryParseEpochText(text, out var number))
        {
            return FromEpoch(number, text, wasString: true);
        }

        throw new JsonException($"The value {JsonText.Quote(text, wasString: true)} is not a date and time this converter reads. Accepted: {DateTimeText.AcceptedForms}.");
    }

    private DateTimeOffset FromEpoch(decimal number, string text, bool wasString)
    {
        if (!DateTimeText.TryFromEpoch(number, EpochUnit, out var result))
        {
            throw new JsonException($"The epoch value {JsonText.Quote(text, wasString)} ({EpochUnit.ToString().ToLowerInvariant()}) is outside the range of dates.");
        }

        return result;
    }

    /// <summary>Formats <paramref name="value"/> the way <see cref="Write"/> does, for derived converters and diagnostics.</summary>
    /// <param name="value">The instant.</param>
    protected static string FormatIso(DateTimeOffset value) => DateTimeText.FormatInstant(value);
}

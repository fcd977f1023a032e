using System.Text.Json;

namespace FitnessClients.Core.Json;

/// <summary>
/// Reads an instant sent as milliseconds since 1970-01-01 UTC (Garmin's <c>beginTimestamp</c>:
/// <c>1714548600000</c>) and writes whole milliseconds. ISO strings with an offset are accepted too.
/// </summary>
public sealed class UnixTimeMillisecondsConverter : FlexibleDateTimeOffsetConverter
{
    /// <summary>Creates the converter.</summary>
    public UnixTimeMillisecondsConverter()
        : base(assumedOffset: null, EpochUnit.Milliseconds)
    {
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds());
    }
}

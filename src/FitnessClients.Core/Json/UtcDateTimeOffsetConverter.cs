using System.Text.Json;

namespace FitnessClients.Core.Json;

/// <summary>
/// Reads an instant like <see cref="FlexibleDateTimeOffsetConverter"/>, and a string without an offset as UTC.
/// Writes UTC with <c>Z</c>. Put it on fields the service documents as UTC but writes without a zone, such as
/// Garmin's <c>startTimeGMT</c> (<c>2024-05-01 07:30:00</c>) or <c>beginTimestamp</c>-style ISO strings.
/// </summary>
public sealed class UtcDateTimeOffsetConverter : FlexibleDateTimeOffsetConverter
{
    /// <summary>Creates the converter.</summary>
    public UtcDateTimeOffsetConverter()
        : base(TimeSpan.Zero, EpochUnit.Auto)
    {
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(FormatIso(value.ToUniversalTime()));
    }
}

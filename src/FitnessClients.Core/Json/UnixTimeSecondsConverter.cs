using System.Text.Json;

namespace FitnessClients.Core.Json;

/// <summary>
/// Reads an instant sent as seconds since 1970-01-01 UTC (<c>1568775134</c>, <c>1568775134.52</c> or
/// <c>"1568775134"</c>; ISO strings with an offset are accepted too) and writes whole seconds. Strava's
/// <c>expires_at</c> and its <c>before</c>/<c>after</c> filters use this form.
/// </summary>
/// <remarks>The written value drops any fraction of a second.</remarks>
public sealed class UnixTimeSecondsConverter : FlexibleDateTimeOffsetConverter
{
    /// <summary>Creates the converter.</summary>
    public UnixTimeSecondsConverter()
        : base(assumedOffset: null, EpochUnit.Seconds)
    {
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.ToUnixTimeSeconds());
    }
}

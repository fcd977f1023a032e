using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.GarminConnect.Models;

/// <summary>
/// Reads Garmin's offset-less times (<c>2026-01-08 08:10:21</c>, <c>2026-01-08T08:10:21.0</c>) through
/// <see cref="GarminTime"/>, and writes them back in the list's form. Kept on the properties so the models read
/// the same way whatever options they are used with.
/// </summary>
internal sealed class GarminDateTimeConverter : JsonConverter<DateTime?>
{
    public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a Garmin time string such as 2026-01-08 08:10:21, found {reader.TokenType}.");
        }

        var text = reader.GetString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return GarminTime.TryParse(text, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a Garmin time: expected yyyy-MM-dd HH:mm:ss or yyyy-MM-ddTHH:mm:ss.f.");
    }

    public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } time)
        {
            writer.WriteStringValue(time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

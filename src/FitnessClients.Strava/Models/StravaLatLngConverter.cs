using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Strava.Models;

/// <summary>
/// Reads Strava's <c>[lat, lng]</c> pairs, and <c>[]</c> or <c>null</c> (manual and indoor activities) as no point.
/// </summary>
public sealed class StravaLatLngConverter : JsonConverter<StravaLatLng?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override StravaLatLng? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected a [lat, lng] array, [] or null.");
        }

        Span<double> values = stackalloc double[2];
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                count++;
                continue;
            }

            var value = reader.GetDouble();
            if (count < 2)
            {
                values[count] = value;
            }

            count++;
        }

        return count >= 2 ? new StravaLatLng(values[0], values[1]) : null;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, StravaLatLng? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is not { } point)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        writer.WriteNumberValue(point.Latitude);
        writer.WriteNumberValue(point.Longitude);
        writer.WriteEndArray();
    }
}

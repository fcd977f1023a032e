using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FitnessClients.Strava.Models;

/// <summary>
/// Reads a stream set in the keyed form (<c>{"latlng":{"data":…}}</c>) and also the array form
/// (<c>[{"type":"latlng","data":…}]</c>) Strava returns without <c>key_by_type</c>; writes the keyed form.
/// </summary>
public sealed class StravaStreamSetConverter : JsonConverter<StravaStreamSet>
{
    /// <inheritdoc />
    public override StravaStreamSet? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var info = (JsonTypeInfo<StravaStream>)options.GetTypeInfo(typeof(StravaStream));
        var streams = new Dictionary<string, StravaStream>(StringComparer.OrdinalIgnoreCase);
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartObject:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = reader.GetString() ?? string.Empty;
                    reader.Read();
                    if (JsonSerializer.Deserialize(ref reader, info) is { } stream)
                    {
                        streams[key] = stream with { Type = stream.Type ?? key };
                    }
                }

                break;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (JsonSerializer.Deserialize(ref reader, info) is { Type: { } type } stream)
                    {
                        streams[type] = stream;
                    }
                }

                break;
            default:
                throw new JsonException("Expected the streams as an object keyed by type or as an array.");
        }

        return new StravaStreamSet(streams);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, StravaStreamSet value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        var info = (JsonTypeInfo<StravaStream>)options.GetTypeInfo(typeof(StravaStream));
        writer.WriteStartObject();
        foreach (var (key, stream) in value.Streams)
        {
            writer.WritePropertyName(key);
            JsonSerializer.Serialize(writer, stream, info);
        }

        writer.WriteEndObject();
    }
}

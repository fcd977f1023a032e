using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Core.OAuth;

/// <summary>
/// Reads <c>scope</c> as the RFC's string, or as an array of strings (some servers, and Authlib's documentation,
/// use one), which is joined with spaces.
/// </summary>
internal sealed class ScopeJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.StartArray:
                var scopes = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        throw new JsonException("Expected the scope array to hold strings only.");
                    }

                    scopes.Add(reader.GetString()!);
                }

                return string.Join(' ', scopes);
            default:
                throw new JsonException($"Expected scope to be a string or an array of strings, not {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

using System.Text;
using System.Text.Json;

namespace FitnessClients.Core.Json;

/// <summary>Small helpers the converters share for reading raw token text and quoting it in error messages.</summary>
internal static class JsonText
{
    private const int MaxQuotedLength = 64;

    /// <summary>The text of the current token as it appears in the JSON (numbers unquoted, strings unescaped).</summary>
    public static string Raw(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
        {
            return reader.GetString() ?? string.Empty;
        }

        return reader.HasValueSequence
            ? Encoding.UTF8.GetString(reader.ValueSequence)
            : Encoding.UTF8.GetString(reader.ValueSpan);
    }

    /// <summary>A value shortened for an error message, in the form it had in the JSON.</summary>
    public static string Quote(string text, bool wasString)
    {
        var shortened = text.Length <= MaxQuotedLength ? text : string.Concat(text.AsSpan(0, MaxQuotedLength), "...");
        return wasString ? $"\"{shortened}\"" : shortened;
    }

    /// <summary>The name of a token type for an error message.</summary>
    public static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        _ => type.ToString(),
    };
}

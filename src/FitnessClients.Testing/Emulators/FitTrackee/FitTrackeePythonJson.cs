using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>
/// JSON text as FitTrackee's Python writes it: <c>json.dumps</c> (its own error responses and Authlib's: <c>", "</c> and
/// <c>": "</c> separators, keys in insertion order) or Flask's provider (views returning dicts: compact, keys sorted).
/// Both escape every non-ASCII character (<c>ensure_ascii</c>), so clients meet <c>\u00e9</c> and surrogate pairs.
/// </summary>
internal static class FitTrackeePythonJson
{
    public static string Dumps(JsonNode? node) => Write(node, compact: false);

    public static string Flask(JsonNode? node) => Write(FitTrackeeJson.Sorted(node), compact: true);

    private static string Write(JsonNode? node, bool compact)
    {
        var builder = new StringBuilder();
        Append(builder, node, compact ? "," : ", ", compact ? ":" : ": ");
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, JsonNode? node, string itemSeparator, string keySeparator)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    builder.Append(first ? string.Empty : itemSeparator);
                    first = false;
                    AppendString(builder, key);
                    builder.Append(keySeparator);
                    Append(builder, value, itemSeparator, keySeparator);
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : itemSeparator);
                    Append(builder, array[i], itemSeparator, keySeparator);
                }

                builder.Append(']');
                break;
            default:
                AppendValue(builder, (JsonValue)node);
                break;
        }
    }

    private static void AppendValue(StringBuilder builder, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                AppendString(builder, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Number when value.TryGetValue<double>(out var d) && !value.TryGetValue<int>(out _) && !value.TryGetValue<long>(out _):
                builder.Append(PythonFloat(d));
                break;
            case JsonValueKind.Number when value.TryGetValue<double>(out var whole) && value.ToJsonString().Contains('.', StringComparison.Ordinal):
                builder.Append(PythonFloat(whole));
                break;
            default:
                builder.Append(value.ToJsonString());
                break;
        }
    }

    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, <c>18.0</c> for whole numbers, <c>1e-05</c> exponents.</summary>
    private static string PythonFloat(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var exponent = text.IndexOf('E', StringComparison.Ordinal);
        if (exponent >= 0)
        {
            var mantissa = text[..exponent];
            var power = int.Parse(text[(exponent + 1)..], CultureInfo.InvariantCulture);
            return string.Create(CultureInfo.InvariantCulture, $"{mantissa}e{(power < 0 ? "-" : "+")}{Math.Abs(power):00}");
        }

        return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
    }

    private static void AppendString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7E)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}

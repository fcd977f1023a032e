using System.Text;

namespace FitnessClients.Testing;

/// <summary>Reads the parameters of a <c>Content-Disposition</c> value, quoted (<c>name="file"</c>) or not (<c>name=file</c>, as .NET writes them).</summary>
internal static class ContentDispositionReader
{
    public static Dictionary<string, string> ReadParameters(string value)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = value.IndexOf(';', StringComparison.Ordinal);
        while (i >= 0 && i < value.Length)
        {
            i++; // past ';'
            while (i < value.Length && char.IsWhiteSpace(value[i]))
            {
                i++;
            }

            var equals = value.IndexOf('=', i);
            if (equals < 0)
            {
                break;
            }

            var name = value[i..equals].Trim();
            i = equals + 1;
            string parameterValue;
            if (i < value.Length && value[i] == '"')
            {
                var builder = new StringBuilder();
                i++;
                while (i < value.Length && value[i] != '"')
                {
                    if (value[i] == '\\' && i + 1 < value.Length)
                    {
                        i++;
                    }

                    builder.Append(value[i]);
                    i++;
                }

                parameterValue = builder.ToString();
                i = value.IndexOf(';', Math.Min(i + 1, value.Length));
            }
            else
            {
                var end = value.IndexOf(';', i);
                parameterValue = (end < 0 ? value[i..] : value[i..end]).Trim();
                i = end;
            }

            parameters.TryAdd(name, parameterValue);
        }

        return parameters;
    }

    /// <summary>Decodes an RFC 5987 value such as <c>utf-8''r%C3%A9sum%C3%A9.fit</c>.</summary>
    public static string DecodeExtendedValue(string value)
    {
        var first = value.IndexOf('\'', StringComparison.Ordinal);
        var second = first < 0 ? -1 : value.IndexOf('\'', first + 1);
        if (second < 0)
        {
            return value;
        }

        var charset = value[..first];
        var encoded = value[(second + 1)..];
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length && byte.TryParse(encoded.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.Add((byte)encoded[i]);
            }
        }

        var encoding = string.Equals(charset, "iso-8859-1", StringComparison.OrdinalIgnoreCase) ? Encoding.Latin1 : Encoding.UTF8;
        return encoding.GetString([.. bytes]);
    }
}

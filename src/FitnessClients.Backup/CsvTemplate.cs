using System.Globalization;
using System.Text;

namespace FitnessClients.Backup;

/// <summary>
/// The columns of <c>activities.csv</c>, in the Java Properties format of garmin-connect-export's
/// <c>csv_header_*.properties</c>: one <c>key=Column Title</c> per line, <c>#</c> or <c>!</c> starting a comment,
/// <c>\uXXXX</c> escapes allowed. Column order is line order.
/// </summary>
/// <example><code>var template = CsvTemplate.Parse("startTimeIso=Start Time\nid=Activity ID\ndistanceRaw=Distance (km)");</code></example>
public sealed class CsvTemplate
{
    private CsvTemplate(IReadOnlyList<CsvColumn> columns) => Columns = columns;

    /// <summary>The columns in order.</summary>
    public IReadOnlyList<CsvColumn> Columns { get; }

    /// <summary>garmin-connect-export's default columns, with our keys.</summary>
    public static CsvTemplate Default { get; } = Parse(CsvTemplateTexts.Default);

    /// <summary>Every column the engine knows.</summary>
    public static CsvTemplate All { get; } = Parse(CsvTemplateTexts.Default + CsvTemplateTexts.AllExtra);

    /// <summary>Reads a template in Properties format.</summary>
    /// <param name="properties">The template's text.</param>
    /// <exception cref="FormatException">A line has no <c>=</c> or <c>:</c>, or an escape is malformed.</exception>
    public static CsvTemplate Parse(string properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var columns = new List<CsvColumn>();
        var lineNumber = 0;
        foreach (var rawLine in properties.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] is '#' or '!')
            {
                continue;
            }

            var separator = line.IndexOfAny(['=', ':']);
            if (separator <= 0)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Line {lineNumber} of the CSV template is not 'key=Title'."));
            }

            columns.Add(new CsvColumn(Unescape(line[..separator].Trim()), Unescape(line[(separator + 1)..].Trim())));
        }

        return new CsvTemplate(columns);
    }

    private static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i == text.Length - 1)
            {
                builder.Append(text[i]);
                continue;
            }

            var next = text[++i];
            switch (next)
            {
                case 't': builder.Append('\t'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 'u' when i + 4 < text.Length && int.TryParse(text.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                case 'u': throw new FormatException("A \\u escape in the CSV template needs four hex digits.");
                default: builder.Append(next); break;
            }
        }

        return builder.ToString();
    }
}

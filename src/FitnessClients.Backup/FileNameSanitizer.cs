using System.Globalization;
using System.Text;

namespace FitnessClients.Backup;

/// <summary>
/// Turns free text (an activity name, a description) into a file-name part that is valid on Windows, macOS and
/// Linux: no path separators or characters Windows rejects, no control or bidirectional-override characters (an
/// RTL mark can make <c>evil‮fig.exe</c> look like <c>evilexe.gif</c>), no reserved device names such as
/// <c>CON</c> or <c>COM1</c>, no trailing dots or spaces, and at most a given number of UTF-8 bytes (file systems
/// limit bytes, not characters), cut between whole characters so an emoji is never split.
/// </summary>
public static class FileNameSanitizer
{
    private static readonly string[] ReservedNames =
    [
        "CON", "PRN", "AUX", "NUL",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    ];

    /// <summary>Sanitises <paramref name="text"/>; whitespace becomes <c>_</c>, emoji and letters of every script are kept.</summary>
    /// <param name="text">The text; <see langword="null"/> or blank gives an empty string.</param>
    /// <param name="maxUtf8Bytes">The longest result in UTF-8 bytes.</param>
    /// <returns>A safe name part, possibly empty.</returns>
    /// <example><c>FileNameSanitizer.Sanitize("Morning run: 10/10 ") == "Morning_run_10_10"</c></example>
    public static string Sanitize(string? text, int maxUtf8Bytes = 60)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxUtf8Bytes);
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            AppendSafe(builder, rune);
        }

        // Composed (NFC) so the same name typed on macOS and Windows gives the same file; lone surrogates are gone by now.
        var cleaned = TrimEdges(CollapseUnderscores(builder.ToString().Normalize(NormalizationForm.FormC)));
        var truncated = TrimEdges(Truncate(cleaned, maxUtf8Bytes));
        return IsReserved(truncated) ? Truncate("_" + truncated, maxUtf8Bytes) : truncated;
    }

    /// <summary>Whether <paramref name="name"/> is a device name Windows reserves, with or without an extension (<c>nul.txt</c>).</summary>
    /// <param name="name">A file name.</param>
    public static bool IsReserved(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var stem = (dot < 0 ? name : name[..dot]).TrimEnd(' ');
        return ReservedNames.Contains(stem, StringComparer.OrdinalIgnoreCase);
    }

    private static void AppendSafe(StringBuilder builder, Rune rune)
    {
        if (rune == Rune.ReplacementChar || Rune.IsWhiteSpace(rune))
        {
            builder.Append('_');
            return;
        }

        var category = Rune.GetUnicodeCategory(rune);
        if (category == UnicodeCategory.Control || category == UnicodeCategory.Surrogate || category == UnicodeCategory.PrivateUse)
        {
            builder.Append('_');
            return;
        }

        if (category == UnicodeCategory.Format && rune.Value != 0x200D)
        {
            // Bidirectional marks and overrides, zero-width spaces, BOMs: invisible, and some are spoofing tools.
            // The zero-width joiner stays because emoji sequences (family, flags with tags) need it.
            return;
        }

        if (rune.IsAscii && "<>:\"/\\|?*".Contains((char)rune.Value, StringComparison.Ordinal))
        {
            builder.Append('_');
            return;
        }

        builder.Append(rune.ToString());
    }

    private static string CollapseUnderscores(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '_' && builder.Length > 0 && builder[^1] == '_')
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string TrimEdges(string text) => text.Trim('_', '.', ' ', '-');

    private static string Truncate(string text, int maxUtf8Bytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxUtf8Bytes)
        {
            return text;
        }

        var builder = new StringBuilder();
        var bytes = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var size = Encoding.UTF8.GetByteCount(element);
            if (bytes + size > maxUtf8Bytes)
            {
                break;
            }

            builder.Append(element);
            bytes += size;
        }

        return builder.ToString();
    }
}

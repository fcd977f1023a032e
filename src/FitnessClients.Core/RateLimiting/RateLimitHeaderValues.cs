using System.Globalization;

namespace FitnessClients.Core.RateLimiting;

/// <summary>Reads rate-limit header values leniently: names ignore case, values are trimmed, garbage gives nothing.</summary>
internal static class RateLimitHeaderValues
{
    /// <summary>The header's values joined by commas, or <see langword="null"/> when absent; looks in content headers too.</summary>
    public static string? Get(HttpResponseMessage response, string name)
    {
        // NonValidated: never parses (so never throws on odd values) and keeps the text as sent.
        if (response.Headers.NonValidated.TryGetValues(name, out var values)
            || (response.Content is { } content && content.Headers.NonValidated.TryGetValues(name, out values)))
        {
            return string.Join(',', values);
        }

        return null;
    }

    /// <summary>A non-negative integer, or <see langword="null"/> when the text is not one.</summary>
    public static int? ParseCount(ReadOnlySpan<char> text)
    {
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>A non-negative number of seconds (fractions allowed), or <see langword="null"/>.</summary>
    public static double? ParseSeconds(ReadOnlySpan<char> text)
    {
        return double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value)
            ? value
            : null;
    }
}

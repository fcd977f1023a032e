using System.Globalization;

namespace FitnessClients.Strava.Models;

/// <summary>Reads the existing activity id from Strava's duplicate-upload message.</summary>
internal static class StravaUploadErrors
{
    private const string Marker = "duplicate of activity ";

    public static long? ParseDuplicateOf(string? error)
    {
        if (string.IsNullOrEmpty(error))
        {
            return null;
        }

        var at = error.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var digits = error.AsSpan(at + Marker.Length);
        var end = 0;
        while (end < digits.Length && char.IsAsciiDigit(digits[end]))
        {
            end++;
        }

        return long.TryParse(digits[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}

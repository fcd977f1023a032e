using System.Globalization;

namespace FitnessClients.Strava.Models;

/// <summary>Picks the largest image from a photo's size-keyed URLs.</summary>
internal static class StravaPhotoUrls
{
    public static Uri? Largest(IReadOnlyDictionary<string, string>? urls)
    {
        if (urls is null)
        {
            return null;
        }

        string? best = null;
        var bestSize = long.MinValue;
        foreach (var (key, value) in urls)
        {
            var size = long.TryParse(key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
            if (!string.IsNullOrEmpty(value) && size > bestSize)
            {
                best = value;
                bestSize = size;
            }
        }

        return best is not null && Uri.TryCreate(best, UriKind.Absolute, out var uri) ? uri : null;
    }
}

using System.Globalization;
using System.Text.Json;
using FitnessClients.Core.Activities;
using FitnessClients.Strava.Models;

namespace FitnessClients.Strava.Sources;

/// <summary>
/// The <c>photos</c> format: one API request for the list (only when the summary counts photos), then each image from
/// the CDN (outside the API limits), saved next to the activity with the list itself as <c>photos.json</c>.
/// </summary>
internal static class StravaPhotoContent
{
    private static readonly string[] ImageExtensions = ["jpg", "jpeg", "png", "gif", "webp", "heic"];

    public static async Task<ActivityContent> OpenAsync(StravaClient client, long id, ActivitySummary activity, CancellationToken cancellationToken)
    {
        if (PhotoCount(activity) is 0)
        {
            return ActivityContent.NotAvailable("no photos: the activity has none");
        }

        var photos = await client.Photos.ListAsync(id, cancellationToken: cancellationToken).ConfigureAwait(false);
        var images = photos.Where(p => p.LargestUrl is not null && !p.IsPlaceholder && p.Type != 2 && p.MediaType != 2 && p.PhotoId is not null).ToList();
        if (images.Count == 0)
        {
            return ActivityContent.NotAvailable(photos.Count == 0
                ? "no photos: Strava lists none for this activity"
                : "no photos to save yet: Strava lists only videos or images still being processed (rerun with --retry-not-available later)");
        }

        var files = new List<ActivityContentFile>(images.Count + 1);
        try
        {
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var photo in images)
            {
                var stream = await client.Photos.OpenImageAsync(photo, cancellationToken).ConfigureAwait(false);
                var name = $"photo-{SafeId(photo.PhotoId!)}.{Extension(photo.LargestUrl!)}";
                if (!used.Add(name))
                {
                    await stream.DisposeAsync().ConfigureAwait(false);
                    continue;
                }

                files.Add(new ActivityContentFile(name, stream, length: stream.CanSeek ? stream.Length : null));
            }

            var metadata = JsonSerializer.SerializeToUtf8Bytes(photos, StravaJson.Info<IReadOnlyList<StravaPhoto>>());
            files.Add(new ActivityContentFile("photos.json", new MemoryStream(metadata, writable: false), length: metadata.Length));
            return ActivityContent.FromFiles(files);
        }
        catch
        {
            foreach (var file in files)
            {
                await file.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>The summary's <c>total_photo_count</c> (Strava and Instagram photos), or <see langword="null"/> when it is missing.</summary>
    internal static int? PhotoCount(ActivitySummary activity)
    {
        if (activity.Raw is not { ValueKind: JsonValueKind.Object } raw)
        {
            return null;
        }

        foreach (var property in (string[])["total_photo_count", "photo_count"])
        {
            if (raw.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var count))
            {
                return (int)count;
            }
        }

        return null;
    }

    private static string Extension(Uri url)
    {
        var extension = Path.GetExtension(url.AbsolutePath).TrimStart('.').ToLowerInvariant();
        return ImageExtensions.Contains(extension, StringComparer.Ordinal) ? extension : "jpg";
    }

    private static string SafeId(string id) =>
        string.Concat(id.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) is { Length: > 0 } safe
            ? safe
            : Math.Abs(StringComparer.Ordinal.GetHashCode(id)).ToString(CultureInfo.InvariantCulture);
}

using System.Text.Json;
using FitnessClients.Core.Activities;
using FitnessClients.Strava.Models;

namespace FitnessClients.Strava.Sources;

/// <summary>
/// The <c>gear</c> format: the activity's <c>gear_id</c> from the listing, the gear from the client's per-id cache (one
/// request per piece of gear per client, retired gear included), stored once as <c>gear/{id}.json</c> in the backup root.
/// </summary>
internal static class StravaGearContent
{
    /// <summary>The folder under the backup root that holds the gear files.</summary>
    public const string Folder = "gear";

    public static async Task<ActivityContent> OpenAsync(StravaClient client, ActivitySummary activity, CancellationToken cancellationToken)
    {
        if (GearId(activity) is not { } gearId)
        {
            return ActivityContent.NotAvailable("no gear: none is recorded for this activity");
        }

        var gear = await client.Gear.GetAsync(gearId, cancellationToken).ConfigureAwait(false);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(gear, StravaJson.Info<StravaGear>());
        var file = new ActivityContentFile($"{Folder}/{SafeId(gearId)}.json", new MemoryStream(bytes, writable: false), isShared: true, length: bytes.Length);
        return ActivityContent.FromFiles([file]);
    }

    /// <summary>The summary's <c>gear_id</c>, or <see langword="null"/> when it is missing, null, empty or <c>none</c>.</summary>
    internal static string? GearId(ActivitySummary activity) =>
        activity.Raw is { ValueKind: JsonValueKind.Object } raw
        && raw.TryGetProperty("gear_id", out var value)
        && value.ValueKind == JsonValueKind.String
        && value.GetString() is { Length: > 0 } id
        && !string.Equals(id, "none", StringComparison.OrdinalIgnoreCase)
            ? id.Trim()
            : null;

    private static string SafeId(string id) =>
        string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}

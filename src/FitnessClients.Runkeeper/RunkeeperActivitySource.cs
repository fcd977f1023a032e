using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FitnessClients.Core;
using FitnessClients.Core.Activities;
using FitnessClients.Runkeeper.Models;
using FitnessClients.Runkeeper.Tracks;

namespace FitnessClients.Runkeeper;

/// <summary>
/// Runkeeper's API as a backup source: the fitness-activity feed newest first, and per activity the feed item
/// (<c>summary.json</c>), the full activity (<c>details.json</c>) and GPX built from its path. For an account without
/// an API token, use <see cref="RunkeeperExportSource"/> on the data export instead.
/// </summary>
/// <remarks>
/// The details and the GPX come from the same request; the last few full activities are kept in memory so a backup
/// asking for both costs one request per activity, which matters with Runkeeper's small budget.
/// </remarks>
/// <example>
/// <code>
/// using var runkeeper = RunkeeperClient.Create(new RunkeeperClientOptions { TokenStore = store });
/// var engine = new BackupEngine(new RunkeeperActivitySource(runkeeper));
/// await engine.RunAsync(new BackupOptions { BackupDirectory = "rk", Formats = RunkeeperActivityFormats.Api });
/// </code>
/// </example>
public sealed class RunkeeperActivitySource : IActivitySource
{
    private const int CachedActivities = 8;

    private readonly RunkeeperClient _client;
    // Lazy: GetOrAdd may run its factory twice when two formats of one activity are opened at once, and each run would
    // be a request; the Lazy that wins is the only one whose fetch starts.
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _details = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _detailOrder = new();

    /// <summary>Creates the source over a client.</summary>
    /// <param name="client">The Runkeeper client; not disposed by the source.</param>
    public RunkeeperActivitySource(RunkeeperClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <inheritdoc />
    public string Service => "runkeeper";

    /// <inheritdoc />
    public IReadOnlyList<ActivityFormat> SupportedFormats => RunkeeperActivityFormats.Api;

    /// <inheritdoc />
    /// <remarks>
    /// The feed filters by local date, so the range is widened by the largest offsets (−12 h, +14 h) for the request and
    /// then applied exactly to the start instants.
    /// </remarks>
    public async IAsyncEnumerable<ActivitySummary> ListActivitiesAsync(ActivityListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = options?.After;
        var before = options?.Before;
        DateOnly? noEarlierThan = after is { } a ? DateOnly.FromDateTime(a.UtcDateTime.AddHours(-12)) : null;
        DateOnly? noLaterThan = before is { } b ? DateOnly.FromDateTime(b.UtcDateTime.AddHours(14)) : null;
        await foreach (var (item, json) in _client.FitnessActivities.ListWithJsonAsync(noEarlierThan, noLaterThan, null, cancellationToken).ConfigureAwait(false))
        {
            if (ToSummary(item, json, _client.Options.AssumedTimeZone) is not { } summary
                || (after is { } from && summary.StartTime < from)
                || (before is { } to && summary.StartTime >= to))
            {
                continue;
            }

            yield return summary;
        }
    }

    /// <inheritdoc />
    public async Task<ActivityContent> OpenAsync(ActivitySummary activity, ActivityFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(format);
        if (format.Equals(RunkeeperActivityFormats.SummaryJson))
        {
            if (activity.Raw is not { ValueKind: JsonValueKind.Object } raw)
            {
                return ActivityContent.NotAvailable("the listing kept no JSON for this activity");
            }

            var bytes = JsonSerializer.SerializeToUtf8Bytes(raw, RunkeeperJson.Info<JsonElement>());
            return ActivityContent.Available(new MemoryStream(bytes, writable: false), "summary.json", bytes.Length);
        }

        if (format.Equals(RunkeeperActivityFormats.DetailsJson))
        {
            var bytes = await GetDetailsAsync(activity, cancellationToken).ConfigureAwait(false);
            RequireFinished(activity, Clients.RunkeeperClientContext.Deserialize(bytes, RunkeeperJson.Info<RunkeeperFitnessActivity>(), "activity"));
            return ActivityContent.Available(new MemoryStream(bytes, writable: false), "details.json", bytes.Length);
        }

        if (format.Equals(RunkeeperActivityFormats.Gpx))
        {
            if (HasPath(activity) == false)
            {
                return ActivityContent.NotAvailable("no GPS path: the activity was entered by hand or recorded indoors");
            }

            var bytes = await GetDetailsAsync(activity, cancellationToken).ConfigureAwait(false);
            var full = Clients.RunkeeperClientContext.Deserialize(bytes, RunkeeperJson.Info<RunkeeperFitnessActivity>(), "activity");
            RequireFinished(activity, full);
            var start = RunkeeperStartTime.Compute(full.LocalStartTime, full.UtcOffsetHours, _client.Options.AssumedTimeZone) ?? activity.StartTime;
            var buffer = new MemoryStream();
            if (!RunkeeperGpxWriter.Write(buffer, full, start))
            {
                return ActivityContent.NotAvailable("no GPS path: the activity's path is empty");
            }

            buffer.Position = 0;
            return ActivityContent.Available(buffer, "gpx", buffer.Length);
        }

        return ActivityContent.NotAvailable($"Runkeeper does not offer {format.Name}");
    }

    internal static ActivitySummary? ToSummary(RunkeeperFeedItem item, JsonElement json, TimeZoneInfo? assumedTimeZone)
    {
        if (item.Id is not { } id || RunkeeperStartTime.ComputeOrWallClock(item.LocalStartTime, item.UtcOffsetHours, assumedTimeZone) is not { } start)
        {
            return null;
        }

        var duration = item.Duration is { } seconds && double.IsFinite(seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        return new ActivitySummary
        {
            Service = "runkeeper",
            Id = id,
            Name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{item.Type ?? "Activity"} {start:yyyy-MM-dd HH:mm}"),
            StartTime = start,
            Sport = item.Type,
            DistanceMeters = item.TotalDistance,
            ElapsedTime = duration,
            // Old feeds do not say; then the GPX request finds out.
            HasGpsTrack = item.HasPath ?? true,
            Raw = json.ValueKind == JsonValueKind.Undefined ? null : json,
        };
    }

    /// <summary>
    /// An activity still being recorded is incomplete: saving it now would keep a partial track for good, so it fails
    /// (and the next backup asks again) instead of being recorded as done.
    /// </summary>
    private void RequireFinished(ActivitySummary activity, RunkeeperFitnessActivity full)
    {
        if (full.IsLive == true)
        {
            _details.TryRemove(activity.Id, out _);
            throw new FitnessApiException($"Runkeeper activity {activity.Id} is still being recorded (is_live); it will be saved by a later run.") { Service = Service };
        }
    }

    private static bool? HasPath(ActivitySummary activity) =>
        activity.Raw is { ValueKind: JsonValueKind.Object } raw && raw.TryGetProperty("has_path", out var value)
            ? value.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null }
            : null;

    private static string Link(ActivitySummary activity) =>
        activity.Raw is { ValueKind: JsonValueKind.Object } raw && raw.TryGetProperty("uri", out var uri) && uri.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(uri.GetString())
            ? uri.GetString()!
            : activity.Id;

    private async Task<byte[]> GetDetailsAsync(ActivitySummary activity, CancellationToken cancellationToken)
    {
        var key = activity.Id;
        var entry = _details.GetOrAdd(key, added => new Lazy<Task<byte[]>>(() =>
        {
            _detailOrder.Enqueue(added);
            while (_detailOrder.Count > CachedActivities && _detailOrder.TryDequeue(out var old))
            {
                _details.TryRemove(old, out _);
            }

            return _client.FitnessActivities.GetBytesAsync(Link(activity), cancellationToken);
        }));

        var task = entry.Value;
        try
        {
            return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (task.IsFaulted || task.IsCanceled)
        {
            // A failed fetch is not cached: the next attempt asks again.
            _details.TryRemove(new KeyValuePair<string, Lazy<Task<byte[]>>>(key, entry));
            throw;
        }
    }
}

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
/// The details and the GPX come from the same request: a full activity is kept in memory from its fetch until both
/// formats have read it, so a backup asking for both costs one request per activity, which matters with Runkeeper's
/// small budget.
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
    // Bounds only the entries one format has read and the other never will (a backup of one of the two, or a rerun
    // where one file is already saved). In a backup of both, each download in progress holds at most one entry, since
    // its second read releases it, so this many downloads at once never lose one.
    private const int CachedActivities = 8;

    private readonly RunkeeperClient _client;
    // Full activities by id, in fetch order (the oldest goes first when the bound is passed). An entry leaves when the
    // last format that needs it has read it, not when later activities are fetched: the engine's own work between one
    // activity's details and its GPX (writing the file, the manifest) can take long enough for the other downloads to
    // fetch any number of activities, and each one evicted too early was a second request for it.
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<CachedActivity>> _details = new(StringComparer.Ordinal);
    private readonly LinkedList<CachedActivity> _detailOrder = new();

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
            var bytes = await GetDetailsAsync(activity, forGpx: false, cancellationToken).ConfigureAwait(false);
            RequireFinished(activity, Clients.RunkeeperClientContext.Deserialize(bytes, RunkeeperJson.Info<RunkeeperFitnessActivity>(), "activity"));
            return ActivityContent.Available(new MemoryStream(bytes, writable: false), "details.json", bytes.Length);
        }

        if (format.Equals(RunkeeperActivityFormats.Gpx))
        {
            if (HasPath(activity) == false)
            {
                return ActivityContent.NotAvailable("no GPS path: the activity was entered by hand or recorded indoors");
            }

            var bytes = await GetDetailsAsync(activity, forGpx: true, cancellationToken).ConfigureAwait(false);
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
            lock (_gate)
            {
                if (_details.TryGetValue(activity.Id, out var node))
                {
                    RemoveLocked(node);
                }
            }

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

    private async Task<byte[]> GetDetailsAsync(ActivitySummary activity, bool forGpx, CancellationToken cancellationToken)
    {
        if (!forGpx && HasPath(activity) == false)
        {
            // The GPX of an activity without a path is not built from it (OpenAsync answers without a request), so the
            // details are its only reader and there is nothing to keep.
            return await _client.FitnessActivities.GetBytesAsync(Link(activity), cancellationToken).ConfigureAwait(false);
        }

        LinkedListNode<CachedActivity>? node;
        lock (_gate)
        {
            if (!_details.TryGetValue(activity.Id, out node))
            {
                var link = Link(activity);
                // Lazy, started outside the lock: the fetch's synchronous part (token, rate limiter) must not hold it,
                // and a second format opened meanwhile waits for this fetch instead of starting its own.
                node = _detailOrder.AddLast(new CachedActivity(activity.Id, new Lazy<Task<byte[]>>(() => _client.FitnessActivities.GetBytesAsync(link, cancellationToken))));
                _details.Add(activity.Id, node);
                while (_details.Count > CachedActivities)
                {
                    RemoveLocked(_detailOrder.First!);
                }
            }
        }

        var entry = node.Value;
        var task = entry.Fetch.Value;
        byte[] bytes;
        try
        {
            bytes = await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (task.IsFaulted || task.IsCanceled)
        {
            // A failed fetch is not cached: the next attempt asks again.
            lock (_gate)
            {
                RemoveLocked(node);
            }

            throw;
        }

        lock (_gate)
        {
            if (forGpx)
            {
                entry.GpxRead = true;
            }
            else
            {
                entry.DetailsRead = true;
            }

            if (entry.DetailsRead && entry.GpxRead)
            {
                RemoveLocked(node);
            }
        }

        return bytes;
    }

    /// <summary>Drops an entry if it is still cached (a node is in the list exactly while its id maps to it); under <see cref="_gate"/>.</summary>
    private void RemoveLocked(LinkedListNode<CachedActivity> node)
    {
        if (node.List is not null)
        {
            _detailOrder.Remove(node);
            _details.Remove(node.Value.Id);
        }
    }

    /// <summary>One full activity's fetch and which of its two readers have had it.</summary>
    private sealed class CachedActivity(string id, Lazy<Task<byte[]>> fetch)
    {
        public string Id { get; } = id;

        public Lazy<Task<byte[]>> Fetch { get; } = fetch;

        public bool DetailsRead { get; set; }

        public bool GpxRead { get; set; }
    }
}

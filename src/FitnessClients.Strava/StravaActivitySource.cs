using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FitnessClients.Core.Activities;
using FitnessClients.Strava.Models;
using FitnessClients.Strava.Sources;
using FitnessClients.Strava.Tracks;
using FitnessClients.Strava.Web;

namespace FitnessClients.Strava;

/// <summary>
/// Strava as a backup source: lists the athlete's activities newest first (private ones included, which needs
/// activity:read_all) and opens the formats of <see cref="StravaActivityFormats"/>, each with the fewest requests it
/// needs: the summary comes with the listing, GPX, TCX and streams together cost one streams request (none for manual activities),
/// the detail one request, photos one request only when the summary counts photos, gear one request per piece of gear
/// for the client's lifetime, and originals come from the website with a session cookie, outside the API limits.
/// </summary>
/// <example>
/// <code>
/// var source = new StravaActivitySource(strava);
/// await foreach (var a in source.ListActivitiesAsync(new ActivityListOptions { After = lastRun }))
/// {
///     await using var streams = await source.OpenAsync(a, StravaActivityFormats.StreamsJson);
///     if (streams.IsAvailable) await streams.Stream.CopyToAsync(File.Create($"{a.Id}.streams.json"));
/// }
/// </code>
/// </example>
public sealed class StravaActivitySource : IActivitySource
{
    private readonly StravaClient _client;
    private readonly StravaWebExporter? _web;
    private readonly StravaStreamCache _streams;

    /// <summary>Creates the source over a client; the <c>original</c> format is then not available.</summary>
    /// <param name="client">The Strava client; not disposed by the source.</param>
    public StravaActivitySource(StravaClient client)
        : this(client, null)
    {
    }

    /// <summary>Creates the source over a client and, for original files, a website session.</summary>
    /// <param name="client">The Strava client; not disposed by the source.</param>
    /// <param name="webExporter">The website session that downloads originals; <see langword="null"/> records <c>original</c> as not available. Not disposed by the source.</param>
    public StravaActivitySource(StravaClient client, StravaWebExporter? webExporter)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _web = webExporter;
        _streams = new StravaStreamCache(client);
    }

    /// <inheritdoc />
    public string Service => "strava";

    /// <inheritdoc />
    public IReadOnlyList<ActivityFormat> SupportedFormats => StravaActivityFormats.All;

    /// <inheritdoc />
    /// <remarks>
    /// Strava returns the newest first when <c>before</c> is sent and reportedly oldest first with only <c>after</c>,
    /// so a <c>before</c> a day past now is always sent.
    /// </remarks>
    public async IAsyncEnumerable<ActivitySummary> ListActivitiesAsync(ActivityListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = options?.After;
        var before = options?.Before ?? _client.Options.TimeProvider.GetUtcNow().AddDays(1);
        await foreach (var (activity, json) in _client.Activities.ListWithJsonAsync(after, before, includePrivate: true, Clients.StravaActivitiesClient.MaxPageSize, cancellationToken).ConfigureAwait(false))
        {
            if (ToSummary(activity, json) is { } summary)
            {
                yield return summary;
            }
        }
    }

    /// <summary>
    /// One activity by id (<c>GET /activities/{id}</c>, one request), described as the listing describes activities, so
    /// its formats can be opened without listing; <see cref="ActivitySummary.Raw"/> holds the detailed JSON.
    /// </summary>
    /// <param name="id">The activity id (the number in strava.com/activities/ID).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The activity.</returns>
    /// <exception cref="Core.ResourceNotFoundException">Strava has no such activity, or it is not the athlete's.</exception>
    public async Task<ActivitySummary> GetActivityAsync(long id, CancellationToken cancellationToken = default)
    {
        JsonElement json;
        var stream = await _client.Activities.OpenDetailJsonAsync(id, includeAllEfforts: false, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            json = await JsonSerializer.DeserializeAsync(stream, StravaJson.Info<JsonElement>(), cancellationToken).ConfigureAwait(false);
        }

        var activity = json.ValueKind == JsonValueKind.Object ? json.Deserialize(StravaJson.Info<StravaDetailedActivity>()) : null;
        return (activity is null ? null : ToSummary(activity, json))
            ?? throw new Core.FitnessApiException($"Strava's answer for activity {id.ToString(CultureInfo.InvariantCulture)} has no id or start time.") { Service = Service };
    }

    /// <inheritdoc />
    public async Task<ActivityContent> OpenAsync(ActivitySummary activity, ActivityFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(format);
        if (!long.TryParse(activity.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw new ArgumentException($"'{activity.Id}' is not a Strava activity id.", nameof(activity));
        }

        if (format.Equals(StravaActivityFormats.SummaryJson))
        {
            if (activity.Raw is not { } raw)
            {
                return ActivityContent.NotAvailable("the listing kept no JSON for this activity");
            }

            var bytes = JsonSerializer.SerializeToUtf8Bytes(raw, StravaJson.Info<JsonElement>());
            return ActivityContent.Available(new MemoryStream(bytes, writable: false), format.FileExtension ?? "json", bytes.Length);
        }

        if (format.Equals(StravaActivityFormats.DetailJson) || format.Equals(ActivityFormat.DetailsJson))
        {
            var json = await _client.Activities.OpenDetailJsonAsync(id, includeAllEfforts: false, cancellationToken).ConfigureAwait(false);
            await using (json.ConfigureAwait(false))
            {
                return await BufferAsync(json, format, cancellationToken).ConfigureAwait(false);
            }
        }

        if (format.Equals(StravaActivityFormats.StreamsJson))
        {
            if (IsManual(activity))
            {
                return ActivityContent.NotAvailable("no streams: the activity was entered by hand");
            }

            var bytes = await _streams.GetBytesAsync(id, cancellationToken).ConfigureAwait(false);
            return ActivityContent.Available(new MemoryStream(bytes, writable: false), format.FileExtension ?? "json", bytes.Length);
        }

        if (format.Equals(StravaActivityFormats.Gpx) || format.Equals(StravaActivityFormats.Tcx))
        {
            if (IsManual(activity))
            {
                return ActivityContent.NotAvailable("no streams: the activity was entered by hand");
            }

            var streams = await _streams.GetAsync(id, cancellationToken).ConfigureAwait(false);
            var start = activity.StartTime.ToUniversalTime();
            var points = StravaTrackPoint.FromStreams(streams, start);
            if (points.Count == 0)
            {
                return ActivityContent.NotAvailable("no streams: Strava has no time stream for this activity");
            }

            var buffer = new MemoryStream();
            if (format.Equals(StravaActivityFormats.Gpx))
            {
                if (!points.Any(p => p.Position is not null))
                {
                    return ActivityContent.NotAvailable("no GPS track: the activity has no latlng stream (indoor)");
                }

                StravaGpxWriter.Write(buffer, activity.Name, activity.Sport, start, points);
            }
            else
            {
                var elapsed = activity.ElapsedTime is { } e ? (int?)e.TotalSeconds : null;
                StravaTcxWriter.Write(buffer, activity.Name, activity.Sport, start, activity.DistanceMeters, elapsed, points);
            }

            buffer.Position = 0;
            return ActivityContent.Available(buffer, format.FileExtension ?? format.Name, buffer.Length);
        }

        if (format.Equals(StravaActivityFormats.Original))
        {
            return await OpenOriginalAsync(activity, id, cancellationToken).ConfigureAwait(false);
        }

        if (format.Equals(StravaActivityFormats.Photos))
        {
            return await StravaPhotoContent.OpenAsync(_client, id, activity, cancellationToken).ConfigureAwait(false);
        }

        if (format.Equals(StravaActivityFormats.Gear))
        {
            return await StravaGearContent.OpenAsync(_client, activity, cancellationToken).ConfigureAwait(false);
        }

        return ActivityContent.NotAvailable($"Strava does not offer {format.Name}");
    }

    internal static ActivitySummary? ToSummary(StravaSummaryActivity activity, JsonElement json)
    {
        if (activity.Id is not { } id || activity.StartTime is not { } start)
        {
            return null;
        }

        return new ActivitySummary
        {
            Service = "strava",
            Id = id.ToString(CultureInfo.InvariantCulture),
            Name = activity.Name,
            StartTime = start,
            Sport = activity.SportType?.Value ?? activity.Type?.Value,
            DistanceMeters = activity.Distance,
            MovingTime = activity.MovingTime is { } moving ? TimeSpan.FromSeconds(moving) : null,
            ElapsedTime = activity.ElapsedTime is { } elapsed ? TimeSpan.FromSeconds(elapsed) : null,
            HasGpsTrack = activity.HasGpsTrack,
            Raw = json.Clone(),
        };
    }

    private async Task<ActivityContent> OpenOriginalAsync(ActivitySummary activity, long id, CancellationToken cancellationToken)
    {
        if (_web is null)
        {
            return ActivityContent.NotAvailable(
                "original files are not in Strava's API: configure the website session cookie (strava_remember_token) to download them (see docs/strava.md, 'Original files')");
        }

        if (IsManual(activity))
        {
            return ActivityContent.NotAvailable("no original file: the activity was entered by hand");
        }

        return await _web.OpenOriginalAsync(id, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsManual(ActivitySummary activity) =>
        activity.Raw is { ValueKind: JsonValueKind.Object } raw
        && raw.TryGetProperty("manual", out var manual)
        && manual.ValueKind == JsonValueKind.True;

    // Buffered, as before the typed API: the response is released at once and the backup gets the length.
    private static async Task<ActivityContent> BufferAsync(Stream json, ActivityFormat format, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await json.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        return ActivityContent.Available(buffer, format.FileExtension ?? "json", buffer.Length);
    }
}

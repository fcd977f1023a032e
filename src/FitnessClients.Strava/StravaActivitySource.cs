using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FitnessClients.Core.Activities;
using FitnessClients.Strava.Models;
using FitnessClients.Strava.Tracks;

namespace FitnessClients.Strava;

/// <summary>
/// Strava as a backup source: lists the athlete's activities newest first (private ones included, which needs
/// activity:read_all) and opens the summary, details and streams as JSON.
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

    /// <summary>Creates the source over a client.</summary>
    /// <param name="client">The Strava client; not disposed by the source.</param>
    public StravaActivitySource(StravaClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
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

        if (format.Equals(StravaActivityFormats.DetailsJson))
        {
            using var response = await _client.Activities.OpenDetailAsync(id, includeAllEfforts: false, cancellationToken).ConfigureAwait(false);
            return await BufferAsync(response, format, cancellationToken).ConfigureAwait(false);
        }

        if (format.Equals(StravaActivityFormats.StreamsJson))
        {
            if (IsManual(activity))
            {
                return ActivityContent.NotAvailable("no streams: the activity was entered by hand");
            }

            using var response = await _client.Streams.OpenAsync(id, StravaStreamTypes.All, cancellationToken).ConfigureAwait(false);
            return await BufferAsync(response, format, cancellationToken).ConfigureAwait(false);
        }

        if (format.Equals(StravaActivityFormats.Gpx) || format.Equals(StravaActivityFormats.Tcx))
        {
            if (IsManual(activity))
            {
                return ActivityContent.NotAvailable("no streams: the activity was entered by hand");
            }

            var streams = await _client.Streams.GetAsync(id, StravaStreamTypes.All, cancellationToken).ConfigureAwait(false);
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

    private static bool IsManual(ActivitySummary activity) =>
        activity.Raw is { ValueKind: JsonValueKind.Object } raw
        && raw.TryGetProperty("manual", out var manual)
        && manual.ValueKind == JsonValueKind.True;

    private static async Task<ActivityContent> BufferAsync(HttpResponseMessage response, ActivityFormat format, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await response.Content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        return ActivityContent.Available(buffer, format.FileExtension ?? "json", buffer.Length);
    }
}

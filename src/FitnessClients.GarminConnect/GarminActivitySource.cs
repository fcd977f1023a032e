using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FitnessClients.Core.Activities;
using FitnessClients.GarminConnect.Models;

namespace FitnessClients.GarminConnect;

/// <summary>
/// Garmin Connect as a source for backups and sync: activities newest first, each format as a stream or Garmin's
/// word that it has none.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="ActivityListOptions.After"/> and <see cref="ActivityListOptions.Before"/> are instants, Garmin's
/// <c>startDate</c>/<c>endDate</c> local calendar days. The list is asked for one extra day on each side (a local day
/// is at most 14 hours off UTC) and each activity is then checked exactly against the instants.
/// </para>
/// <para>
/// Multisport legs are listed after their parent when <see cref="GarminConnectClientOptions.ExpandMultisport"/> is on.
/// Manual activities have no file or track, so their file formats are reported as not available without asking Garmin.
/// </para>
/// </remarks>
public sealed class GarminActivitySource : IActivitySource
{
    private readonly GarminConnectClient _client;

    /// <summary>Creates the source.</summary>
    /// <param name="client">The client to read through; not disposed by the source.</param>
    public GarminActivitySource(GarminConnectClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <inheritdoc />
    public string Service => "garmin";

    /// <inheritdoc />
    public IReadOnlyList<ActivityFormat> SupportedFormats => GarminActivityFormats.All;

    /// <inheritdoc />
    public async IAsyncEnumerable<ActivitySummary> ListActivitiesAsync(ActivityListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = options?.After;
        var before = options?.Before;
        var query = new GarminActivityQuery
        {
            StartDate = after is { } a ? DateOnly.FromDateTime(a.UtcDateTime).AddDays(-1) : null,
            EndDate = before is { } b ? DateOnly.FromDateTime(b.UtcDateTime).AddDays(1) : null,
            SortOrder = GarminSortOrder.NewestFirst,
        };
        if (query.StartDate > query.EndDate)
        {
            yield break;
        }

        await foreach (var item in _client.Activities.ListAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (ToSummary(item) is not { } summary
                || (after is { } from && summary.StartTime < from)
                || (before is { } until && summary.StartTime >= until))
            {
                continue;
            }

            yield return summary;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The format is not one of <see cref="SupportedFormats"/>, or the id is not a Garmin id.</exception>
    public async Task<ActivityContent> OpenAsync(ActivitySummary activity, ActivityFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(format);
        if (!long.TryParse(activity.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw new ArgumentException($"'{activity.Id}' is not a Garmin activity id.", nameof(activity));
        }

        var downloads = _client.Downloads;
        if (format.Equals(GarminActivityFormats.SummaryJson))
        {
            return await downloads.OpenSummaryJsonAsync(id, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (format.Equals(GarminActivityFormats.DetailsJson))
        {
            return await downloads.OpenDetailsJsonAsync(id, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var download = ToDownloadFormat(format);
        if (IsManual(activity))
        {
            return ActivityContent.NotAvailable($"Activity {id} was entered by hand: Garmin has no {format.Name} for it.");
        }

        return format.Equals(GarminActivityFormats.Fit)
            ? await downloads.OpenOriginalFileAsync(id, cancellationToken).ConfigureAwait(false)
            : await downloads.OpenAsync(id, download, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Maps a list entry to the neutral summary, or <see langword="null"/> when it has no id or start time.</summary>
    /// <param name="item">The list entry.</param>
    public static ActivitySummary? ToSummary(GarminActivityListItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.ActivityId is not { } id || item.StartTime is not { } start)
        {
            return null;
        }

        return new ActivitySummary
        {
            Service = "garmin",
            Id = id.ToString(CultureInfo.InvariantCulture),
            StartTime = start,
            Sport = item.ActivityType?.TypeKey,
            Name = item.ActivityName,
            DistanceMeters = item.Distance,
            MovingTime = item.MovingTime,
            ElapsedTime = item.ElapsedTime,
            HasGpsTrack = item.HasPolyline ?? item.StartLatitude is not null,
            Raw = JsonSerializer.SerializeToElement(item, GarminJson.Info<GarminActivityListItem>()),
        };
    }

    private static GarminDownloadFormat ToDownloadFormat(ActivityFormat format)
    {
        if (format.Equals(GarminActivityFormats.Original) || format.Equals(GarminActivityFormats.Fit))
        {
            return GarminDownloadFormat.Original;
        }

        if (format.Equals(GarminActivityFormats.Gpx))
        {
            return GarminDownloadFormat.Gpx;
        }

        if (format.Equals(GarminActivityFormats.Tcx))
        {
            return GarminDownloadFormat.Tcx;
        }

        if (format.Equals(GarminActivityFormats.Kml))
        {
            return GarminDownloadFormat.Kml;
        }

        if (format.Equals(GarminActivityFormats.Csv))
        {
            return GarminDownloadFormat.Csv;
        }

        throw new ArgumentException($"Garmin does not serve the format '{format.Name}'; it serves {string.Join(", ", GarminActivityFormats.All.Select(f => f.Name))}.", nameof(format));
    }

    private static bool IsManual(ActivitySummary activity) =>
        activity.Raw is { ValueKind: JsonValueKind.Object } raw
        && raw.TryGetProperty("manualActivity", out var manual)
        && manual.ValueKind == JsonValueKind.True;
}

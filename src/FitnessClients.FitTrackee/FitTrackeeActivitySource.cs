using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FitnessClients.Core;
using FitnessClients.Core.Activities;
using FitnessClients.FitTrackee.Models;

namespace FitnessClients.FitTrackee;

/// <summary>
/// FitTrackee as a backup source: lists the user's workouts newest first and opens the list's summary JSON, the full
/// workout JSON (with notes), the GPX and the original upload.
/// </summary>
/// <example>
/// <code>
/// var engine = new BackupEngine(new FitTrackeeActivitySource(fittrackee), new BackupOptions { Folder = "backup/fittrackee" });
/// </code>
/// </example>
public sealed class FitTrackeeActivitySource : IActivitySource
{
    private readonly FitTrackeeClient _client;

    /// <summary>Creates the source over a client.</summary>
    /// <param name="client">The FitTrackee client; not disposed by the source.</param>
    public FitTrackeeActivitySource(FitTrackeeClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <inheritdoc />
    public string Service => "fittrackee";

    /// <inheritdoc />
    public IReadOnlyList<ActivityFormat> SupportedFormats { get; } =
        [ActivityFormat.SummaryJson, ActivityFormat.DetailsJson, ActivityFormat.Gpx, ActivityFormat.Original];

    /// <inheritdoc />
    /// <remarks>
    /// The range is sent as FitTrackee's <c>from</c>/<c>to</c> days in the user's timezone (widened to whole days) and
    /// then applied exactly. Start times carry the user's timezone offset, since FitTrackee keeps only UTC.
    /// </remarks>
    public async IAsyncEnumerable<ActivitySummary> ListActivitiesAsync(ActivityListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var zone = await _client.Profile.GetTimeZoneAsync(cancellationToken).ConfigureAwait(false);
        var sports = await _client.Sports.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var labels = sports.ToDictionary(s => s.Id, s => s.Label);
        var query = new FitTrackeeWorkoutQuery
        {
            Order = "desc",
            OrderBy = "workout_date",
            From = options?.After is { } after ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime) : null,
            To = options?.Before is { } before ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(before, zone).DateTime) : null,
        };

        await foreach (var workout in _client.Workouts.ListAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (workout.WorkoutDate is not { } start
                || (options?.After is { } a && start < a)
                || (options?.Before is { } b && start >= b))
            {
                continue;
            }

            yield return new ActivitySummary
            {
                Service = Service,
                Id = workout.Id,
                StartTime = TimeZoneInfo.ConvertTime(start, zone),
                Sport = labels.TryGetValue(workout.SportId, out var label) ? label : workout.SportId.ToString(CultureInfo.InvariantCulture),
                Name = workout.Title,
                DistanceMeters = workout.Distance is { } km ? km * 1000d : null,
                MovingTime = workout.MovingTime,
                ElapsedTime = workout.DurationTime,
                HasGpsTrack = workout.WithFile,
                Raw = workout.Raw,
            };
        }
    }

    /// <inheritdoc />
    public async Task<ActivityContent> OpenAsync(ActivitySummary activity, ActivityFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(format);
        if (format.Equals(ActivityFormat.SummaryJson))
        {
            if (activity.Raw is not { } raw)
            {
                return ActivityContent.NotAvailable("the listing kept no JSON for this workout");
            }

            return Json(raw, format);
        }

        if (format.Equals(ActivityFormat.DetailsJson))
        {
            var full = await _client.Workouts.GetAsync(activity.Id, cancellationToken).ConfigureAwait(false);
            return full.Raw is { } json ? Json(json, format) : ActivityContent.NotAvailable("FitTrackee returned no JSON for this workout");
        }

        if (format.Equals(ActivityFormat.Gpx) || format.Equals(ActivityFormat.Original))
        {
            if (!activity.HasGpsTrack)
            {
                return ActivityContent.NotAvailable("no file: the workout was entered by hand");
            }

            if (format.Equals(ActivityFormat.Original))
            {
                var config = await _client.Config.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                if (!config.SupportsOriginalDownload)
                {
                    return ActivityContent.NotAvailable($"FitTrackee {config.Version} does not serve original files (0.12.0 and later do)");
                }
            }

            try
            {
                var file = format.Equals(ActivityFormat.Gpx)
                    ? await _client.Workouts.DownloadGpxAsync(activity.Id, cancellationToken).ConfigureAwait(false)
                    : await _client.Workouts.DownloadOriginalAsync(activity.Id, cancellationToken).ConfigureAwait(false);
                return ActivityContent.Available(file.Content, file.Extension, file.Length);
            }
            catch (ResourceNotFoundException)
            {
                return ActivityContent.NotAvailable($"FitTrackee has no {format.Name} file for this workout");
            }
        }

        return ActivityContent.NotAvailable($"FitTrackee does not offer {format.Name}");
    }

    private static ActivityContent Json(JsonElement json, ActivityFormat format)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(json, FitTrackeeJson.Info<JsonElement>());
        return ActivityContent.Available(new MemoryStream(bytes, writable: false), format.FileExtension ?? "json", bytes.Length);
    }
}

using System.Globalization;
using FitnessClients.Core.Activities;
using FitnessClients.FitTrackee.Models;

namespace FitnessClients.FitTrackee;

/// <summary>
/// FitTrackee as a sync target: uploads a file (GPX, TCX, FIT or KML, as the instance's version allows), or creates a
/// manual workout when there is none, and never creates the same workout twice.
/// </summary>
/// <remarks>
/// <para>
/// FitTrackee itself has no duplicate detection, so every upload writes a source marker first in the notes
/// (<c>source: strava:123</c>) and looks before it leaps: a workout whose notes carry the marker, or (unless turned
/// off) one that starts within <see cref="FitTrackeeSinkOptions.DuplicateTolerance"/> of the activity, is returned
/// instead of uploading again. A sync that crashed between the upload and recording it therefore finds the workout
/// on the rerun.
/// </para>
/// <para>
/// Before sending a file, its extension is checked against the instance's version and its size against
/// <c>max_single_file_size</c> from <c>/api/config</c> (<see cref="FitTrackeeFileTooLargeException"/>, nothing sent).
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var sink = new FitTrackeeActivitySink(fittrackee);
/// var result = await sink.UploadAsync(new ActivityUpload { Activity = summary, Sport = "Running", File = gpx, FileFormat = ActivityFormat.Gpx });
/// </code>
/// </example>
public sealed class FitTrackeeActivitySink : IActivitySink
{
    private readonly FitTrackeeClient _client;
    private readonly FitTrackeeSinkOptions _options;

    /// <summary>Creates the sink over a client.</summary>
    /// <param name="client">The FitTrackee client; not disposed by the sink.</param>
    /// <param name="options">Duplicate tolerance and visibility; defaults when <see langword="null"/>.</param>
    public FitTrackeeActivitySink(FitTrackeeClient client, FitTrackeeSinkOptions? options = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _options = options ?? new FitTrackeeSinkOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.DuplicateTolerance, TimeSpan.Zero, nameof(options));
    }

    /// <inheritdoc />
    public string Service => "fittrackee";

    /// <inheritdoc />
    /// <remarks>All four are accepted by FitTrackee 0.10.0 and later; an older instance takes GPX only, and <see cref="UploadAsync"/> says so.</remarks>
    public IReadOnlyList<ActivityFormat> AcceptedFormats { get; } = [ActivityFormat.Gpx, ActivityFormat.Tcx, ActivityFormat.Fit, ActivityFormat.Kml];

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The sport label is unknown, the format is not accepted, or a manual workout lacks duration or distance.</exception>
    /// <exception cref="FitTrackeeFileTooLargeException">The file is over the instance's limit; nothing was sent.</exception>
    public async Task<ActivityUploadResult> UploadAsync(ActivityUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var activity = upload.Activity ?? throw new ArgumentException("The upload has no activity.", nameof(upload));
        if (_options.SkipDuplicates && await FindDuplicateAsync(activity, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return new ActivityUploadResult(existing, WasDuplicate: true);
        }

        var sport = await _client.Sports.ResolveAsync(upload.Sport, cancellationToken).ConfigureAwait(false);
        var notes = BuildNotes(activity, upload.Notes);
        var title = string.IsNullOrWhiteSpace(activity.Name) ? null : Truncate(activity.Name.Trim(), 255);

        if (upload.File is { } file)
        {
            var format = upload.FileFormat ?? throw new ArgumentException("The upload has a file but no FileFormat; say which format it is.", nameof(upload));
            var extension = format.FileExtension ?? format.Name;
            if (!AcceptedFormats.Contains(format))
            {
                throw new ArgumentException($"FitTrackee does not take '{format.Name}' files; send one of {string.Join(", ", AcceptedFormats)}.", nameof(upload));
            }

            var created = await _client.Workouts.UploadAsync(
                    file,
                    FileName(activity, extension),
                    new FitTrackeeUploadData { SportId = sport.Id, Title = title, Notes = notes, WorkoutVisibility = _options.WorkoutVisibility },
                    cancellationToken)
                .ConfigureAwait(false);
            return new ActivityUploadResult(created[0].Id, WasDuplicate: false);
        }

        var duration = activity.ElapsedTime ?? activity.MovingTime;
        if (duration is not { TotalSeconds: >= 1 } || activity.DistanceMeters is not > 0)
        {
            throw new ArgumentException(
                $"Activity {activity.Service}:{activity.Id} has no file, and a manual FitTrackee workout needs both a duration and a distance above zero.",
                nameof(upload));
        }

        var workout = await _client.Workouts.CreateManualAsync(
                new FitTrackeeManualWorkout
                {
                    SportId = sport.Id,
                    StartTime = activity.StartTime,
                    Duration = duration.Value,
                    DistanceKm = Math.Min(activity.DistanceMeters.Value / 1000d, 999.9),
                    Title = title,
                    Notes = notes,
                    WorkoutVisibility = _options.WorkoutVisibility,
                },
                cancellationToken)
            .ConfigureAwait(false);
        return new ActivityUploadResult(workout.Id, WasDuplicate: false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// First the notes filter finds workouts carrying the activity's source marker (each candidate is fetched to check
    /// the notes exactly, because lists do not return notes); then, when
    /// <see cref="FitTrackeeSinkOptions.MatchStartTimeWithoutMarker"/> is on, the workouts of the days around the start
    /// are compared by start time.
    /// </remarks>
    public async Task<string?> FindDuplicateAsync(ActivitySummary activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var marker = FitTrackeeSinkOptions.SourceMarker(activity.Service, activity.Id);
        var byMarker = await _client.Workouts.ListPageAsync(new FitTrackeeWorkoutQuery { Notes = marker, PerPage = 10 }, 1, cancellationToken).ConfigureAwait(false);
        foreach (var candidate in byMarker.Workouts)
        {
            var full = await _client.Workouts.GetAsync(candidate.Id, cancellationToken).ConfigureAwait(false);
            if (HasMarker(full.Notes, marker))
            {
                return full.Id;
            }
        }

        if (!_options.MatchStartTimeWithoutMarker)
        {
            return null;
        }

        // The list's from/to are days in the user's timezone; cover every day the tolerance window touches.
        var zone = await _client.Profile.GetTimeZoneAsync(cancellationToken).ConfigureAwait(false);
        var tolerance = _options.DuplicateTolerance;
        var from = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(activity.StartTime - tolerance, zone).DateTime);
        var to = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(activity.StartTime + tolerance, zone).DateTime);
        string? best = null;
        var bestGap = TimeSpan.MaxValue;
        await foreach (var workout in _client.Workouts.ListAsync(new FitTrackeeWorkoutQuery { From = from, To = to }, cancellationToken).ConfigureAwait(false))
        {
            if (workout.WorkoutDate is not { } start)
            {
                continue;
            }

            var gap = (start - activity.StartTime).Duration();
            if (gap <= tolerance && gap < bestGap)
            {
                best = workout.Id;
                bestGap = gap;
            }
        }

        return best;
    }

    /// <summary>The notes to store: the source marker on the first line (so truncation never removes it), then the caller's notes, cut to FitTrackee's 500 characters.</summary>
    internal static string BuildNotes(ActivitySummary activity, string? notes)
    {
        var marker = FitTrackeeSinkOptions.SourceMarker(activity.Service, activity.Id);
        var text = string.IsNullOrWhiteSpace(notes) ? marker : marker + "\n" + notes.Trim();
        return Truncate(text, FitTrackeeSinkOptions.MaxNotesLength);
    }

    // The marker must end where the notes' first line or the notes end, so "strava:12" never matches "strava:123".
    private static bool HasMarker(string? notes, string marker)
    {
        if (string.IsNullOrEmpty(notes))
        {
            return false;
        }

        foreach (var line in notes.Split('\n'))
        {
            if (string.Equals(line.Trim(), marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private static string FileName(ActivitySummary activity, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{activity.Service}-{activity.Id}.{extension.TrimStart('.')}");
}

using FitnessClients.Core.Activities;

namespace FitnessClients.Backup.Tests.Sync;

/// <summary>
/// An in-memory <see cref="IActivitySink"/> that behaves like FitTrackee where sync cares: it creates a new workout
/// for every upload (no duplicate detection of its own), finds duplicates by start time within a tolerance, accepts
/// only known sport labels, and lets tests fail or interrupt it before or after it has accepted an upload.
/// </summary>
internal sealed class InMemoryActivitySink : IActivitySink
{
    private int _nextId;

    public string Service => "fittrackee";

    public IReadOnlyList<ActivityFormat> AcceptedFormats { get; set; } = [ActivityFormat.Gpx, ActivityFormat.Tcx, ActivityFormat.Fit, ActivityFormat.Kml];

    public List<Workout> Workouts { get; } = [];

    public int UploadCalls { get; private set; }

    public int DuplicateChecks { get; private set; }

    public TimeSpan DuplicateTolerance { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Called before an upload is accepted; may throw (nothing is created then).</summary>
    public Action<ActivityUpload>? BeforeAccept { get; set; }

    /// <summary>Called after an upload was accepted and stored; may throw (the workout exists, the caller never hears).</summary>
    public Action<ActivityUpload, Workout>? AfterAccept { get; set; }

    /// <summary>Called before a duplicate search; may throw.</summary>
    public Action<ActivitySummary>? BeforeFind { get; set; }

    public Task<ActivityUploadResult> UploadAsync(ActivityUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        cancellationToken.ThrowIfCancellationRequested();
        UploadCalls++;
        BeforeAccept?.Invoke(upload);
        if (!Backup.Sync.SportMapping.FitTrackeeSports.Contains(upload.Sport))
        {
            throw new InvalidOperationException($"unknown sport '{upload.Sport}'");
        }

        if (upload.File is not null && (upload.FileFormat is null || !AcceptedFormats.Contains(upload.FileFormat)))
        {
            throw new InvalidOperationException($"format {upload.FileFormat} not accepted");
        }

        byte[]? bytes = null;
        if (upload.File is { } file)
        {
            using var copy = new MemoryStream();
            file.CopyTo(copy);
            bytes = copy.ToArray();
        }

        var workout = new Workout(
            "w" + (++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture),
            upload.Activity.Service,
            upload.Activity.Id,
            upload.Activity.StartTime,
            upload.Sport,
            upload.FileFormat?.Name ?? "manual",
            bytes);
        Workouts.Add(workout);
        AfterAccept?.Invoke(upload, workout);
        return Task.FromResult(new ActivityUploadResult(workout.Id, false));
    }

    public Task<string?> FindDuplicateAsync(ActivitySummary activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        DuplicateChecks++;
        BeforeFind?.Invoke(activity);
        var match = Workouts.FirstOrDefault(w => (w.StartTime - activity.StartTime).Duration() <= DuplicateTolerance);
        return Task.FromResult(match?.Id);
    }

    internal sealed record Workout(string Id, string SourceService, string SourceId, DateTimeOffset StartTime, string Sport, string Format, byte[]? Content);
}

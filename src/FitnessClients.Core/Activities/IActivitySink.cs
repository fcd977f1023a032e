namespace FitnessClients.Core.Activities;

/// <summary>A service that activities can be uploaded to (FitTrackee). Sync depends only on this.</summary>
public interface IActivitySink
{
    /// <summary>The service's short name, e.g. <c>fittrackee</c>.</summary>
    string Service { get; }

    /// <summary>The file formats <see cref="UploadAsync"/> accepts.</summary>
    IReadOnlyList<ActivityFormat> AcceptedFormats { get; }

    /// <summary>Uploads one activity.</summary>
    /// <param name="upload">The activity, its file (or none, for a manual entry) and the target sport.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The id the sink gave the activity.</returns>
    Task<ActivityUploadResult> UploadAsync(ActivityUpload upload, CancellationToken cancellationToken = default);

    /// <summary>Finds an activity already in the sink that is likely the same one (same start within a tolerance, same source marker).</summary>
    /// <param name="activity">The activity about to be uploaded.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The sink's id of the duplicate, or <see langword="null"/>.</returns>
    Task<string?> FindDuplicateAsync(ActivitySummary activity, CancellationToken cancellationToken = default);
}

/// <summary>What to upload to an <see cref="IActivitySink"/>.</summary>
public sealed record ActivityUpload
{
    /// <summary>The activity as its source described it.</summary>
    public required ActivitySummary Activity { get; init; }

    /// <summary>The sink's sport to file it under (already mapped from the source's type).</summary>
    public required string Sport { get; init; }

    /// <summary>The activity file, or <see langword="null"/> to create a manual entry from the summary.</summary>
    public Stream? File { get; init; }

    /// <summary>The file's format, when <see cref="File"/> is set.</summary>
    public ActivityFormat? FileFormat { get; init; }

    /// <summary>Notes to store with the activity (sinks add a source marker used to find duplicates).</summary>
    public string? Notes { get; init; }
}

/// <summary>The outcome of an upload.</summary>
/// <param name="TargetId">The sink's id of the activity.</param>
/// <param name="WasDuplicate">Whether the sink already had it and nothing new was created.</param>
public sealed record ActivityUploadResult(string TargetId, bool WasDuplicate);

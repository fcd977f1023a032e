namespace FitnessClients.FitTrackee;

/// <summary>How <see cref="FitTrackeeActivitySink"/> uploads and recognises what it uploaded before.</summary>
public sealed class FitTrackeeSinkOptions
{
    /// <summary>The longest notes FitTrackee keeps; longer notes are cut (after the source marker, which always stays).</summary>
    public const int MaxNotesLength = 500;

    /// <summary>
    /// How far apart two start times may be and still be the same activity (default 5 minutes, as strava-to-fittrackee
    /// uses). FitTrackee dates a file upload by its first track point, which can differ a little from the source's start.
    /// </summary>
    public TimeSpan DuplicateTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether a workout starting within <see cref="DuplicateTolerance"/> counts as a duplicate even without this SDK's
    /// source marker (default <see langword="true"/>): it was most likely uploaded by hand or by another tool, and a
    /// second copy would only clutter the account. Turn off for accounts with many overlapping activities.
    /// </summary>
    public bool MatchStartTimeWithoutMarker { get; set; } = true;

    /// <summary>Whether <see cref="FitTrackeeActivitySink.UploadAsync"/> looks for a duplicate first and returns it instead of uploading (default <see langword="true"/>).</summary>
    public bool SkipDuplicates { get; set; } = true;

    /// <summary>The visibility of uploaded workouts (<c>private</c>, <c>followers_only</c>, <c>public</c>); the user's default when <see langword="null"/>.</summary>
    public string? WorkoutVisibility { get; set; }

    /// <summary>The source marker written first in the notes, e.g. <c>source: strava:123</c>; found again by the notes filter.</summary>
    /// <param name="service">The source service, e.g. <c>strava</c>.</param>
    /// <param name="id">The source's id of the activity.</param>
    public static string SourceMarker(string service, string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return $"source: {service.Trim()}:{id.Trim()}";
    }
}

namespace FitnessClients.Testing;

/// <summary>
/// A workout file as the emulator received it in <c>POST /api/workouts</c> (one per workout created; each file of an
/// archive separately), byte for byte: what a test compares with the client's file and with the original download.
/// </summary>
/// <param name="WorkoutId">The workout created from it.</param>
/// <param name="FileName">The file name the multipart part carried (or the archive entry's name).</param>
/// <param name="Content">The bytes.</param>
/// <param name="Data">The <c>data</c> form field as sent (a JSON string).</param>
/// <param name="ReceivedAt">When it arrived, on the emulator clock.</param>
/// <param name="ArchiveFileName">The zip's file name when the file came in an archive, else <see langword="null"/>.</param>
public sealed record FitTrackeeUploadedFile(string WorkoutId, string FileName, ReadOnlyMemory<byte> Content, string Data, DateTimeOffset ReceivedAt, string? ArchiveFileName = null)
{
    /// <summary>The lower-case extension FitTrackee parsed it as (<c>gpx</c>, <c>tcx</c>, <c>kml</c>, <c>kmz</c>, <c>fit</c>).</summary>
    public string Extension => Path.GetExtension(FileName).TrimStart('.').ToLowerInvariant();
}

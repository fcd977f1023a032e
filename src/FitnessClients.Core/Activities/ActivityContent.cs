namespace FitnessClients.Core.Activities;

/// <summary>
/// The outcome of opening a format of an activity: a stream to read, or the service's word that it does not
/// have that format for this activity (a manual activity has no GPX; a GPX upload has no TCX). Not having a
/// format is an answer, not an error, so backups can record it and not ask again.
/// </summary>
public sealed class ActivityContent : IAsyncDisposable, IDisposable
{
    private ActivityContent(Stream? stream, string? fileExtension, long? length, string? unavailableReason, IReadOnlyList<ActivityContentFile>? files = null)
    {
        Stream = stream;
        FileExtension = fileExtension;
        Length = length;
        UnavailableReason = unavailableReason;
        Files = files ?? [];
    }

    /// <summary>
    /// Whether the service has the format; when <see langword="true"/>, either <see cref="Stream"/> is set or, for a
    /// format of several files, <see cref="Files"/> is not empty.
    /// </summary>
    public bool IsAvailable => Stream is not null || Files.Count > 0;

    /// <summary>
    /// The files of a format that is several files (an activity's photos) or a file shared by many activities (gear);
    /// empty for single-stream content. Owned by this object.
    /// </summary>
    public IReadOnlyList<ActivityContentFile> Files { get; }

    /// <summary>The content, read once from start to end. Owned by this object.</summary>
    public Stream? Stream { get; }

    /// <summary>The file extension the content should be stored with, without a dot (e.g. <c>fit</c> or <c>fit.gz</c>).</summary>
    public string? FileExtension { get; }

    /// <summary>The content length when the service announced it.</summary>
    public long? Length { get; }

    /// <summary>Why the format is not available, when it is not (e.g. "manual activity without GPS").</summary>
    public string? UnavailableReason { get; }

    /// <summary>Content to read.</summary>
    /// <param name="stream">The content; ownership passes to the result.</param>
    /// <param name="fileExtension">The extension to store it with, without a dot.</param>
    /// <param name="length">The length when known.</param>
    public static ActivityContent Available(Stream stream, string fileExtension, long? length = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileExtension);
        return new ActivityContent(stream, fileExtension.TrimStart('.'), length, null);
    }

    /// <summary>Content that is several files, or a file shared by many activities; see <see cref="ActivityContentFile"/>.</summary>
    /// <param name="files">At least one file; ownership passes to the result.</param>
    /// <exception cref="ArgumentException">The list is empty or names a file twice.</exception>
    public static ActivityContent FromFiles(IReadOnlyList<ActivityContentFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            throw new ArgumentException("At least one file is needed; say NotAvailable when there is none.", nameof(files));
        }

        if (files.Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != files.Count)
        {
            throw new ArgumentException("Two files have the same name.", nameof(files));
        }

        return new ActivityContent(null, null, null, null, files);
    }

    /// <summary>The service does not have this format for this activity.</summary>
    /// <param name="reason">Why, in a few words.</param>
    public static ActivityContent NotAvailable(string reason) => new(null, null, null, reason);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Stream is not null)
        {
            await Stream.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var file in Files)
        {
            await file.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Stream?.Dispose();
        foreach (var file in Files)
        {
            file.Dispose();
        }
    }
}

namespace FitnessClients.Core.Activities;

/// <summary>
/// The outcome of opening a format of an activity: a stream to read, or the service's word that it does not
/// have that format for this activity (a manual activity has no GPX; a GPX upload has no TCX). Not having a
/// format is an answer, not an error, so backups can record it and not ask again.
/// </summary>
public sealed class ActivityContent : IAsyncDisposable, IDisposable
{
    private ActivityContent(Stream? stream, string? fileExtension, long? length, string? unavailableReason)
    {
        Stream = stream;
        FileExtension = fileExtension;
        Length = length;
        UnavailableReason = unavailableReason;
    }

    /// <summary>Whether the service has the format; when <see langword="true"/>, <see cref="Stream"/> is set.</summary>
    public bool IsAvailable => Stream is not null;

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

    /// <summary>The service does not have this format for this activity.</summary>
    /// <param name="reason">Why, in a few words.</param>
    public static ActivityContent NotAvailable(string reason) => new(null, null, null, reason);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Stream?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <inheritdoc />
    public void Dispose() => Stream?.Dispose();
}

namespace FitnessClients.FitTrackee;

/// <summary>A downloaded workout file: a stream to read once, and the name the server gave it.</summary>
public sealed class FitTrackeeFile : IAsyncDisposable, IDisposable
{
    internal FitTrackeeFile(Stream content, string? fileName, string extension, long? length)
    {
        Content = content;
        FileName = fileName;
        Extension = extension;
        Length = length;
    }

    /// <summary>The file's bytes. Owned by this object (disposing it ends the download).</summary>
    public Stream Content { get; }

    /// <summary>The file name from <c>Content-Disposition</c>, when sent.</summary>
    public string? FileName { get; }

    /// <summary>The file's extension without a dot, e.g. <c>gpx</c> or <c>fit</c>.</summary>
    public string Extension { get; }

    /// <summary>The length when announced.</summary>
    public long? Length { get; }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Content.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => Content.Dispose();
}

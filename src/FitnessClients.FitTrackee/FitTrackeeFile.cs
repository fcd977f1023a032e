namespace FitnessClients.FitTrackee;

/// <summary>A downloaded workout file: a stream to read once, and the name the server gave it.</summary>
public sealed class FitTrackeeFile : IAsyncDisposable, IDisposable
{
    private readonly IDisposable? _response;

    internal FitTrackeeFile(Stream content, string? fileName, string extension, long? length, IDisposable? response = null)
    {
        Content = content;
        FileName = fileName;
        Extension = extension;
        Length = length;
        _response = response;
    }

    /// <summary>The file's bytes, read from the network as they are consumed. Owned by this object (disposing it ends the download).</summary>
    public Stream Content { get; }

    /// <summary>The file name from <c>Content-Disposition</c>, when sent.</summary>
    public string? FileName { get; }

    /// <summary>The file's extension without a dot, e.g. <c>gpx</c> or <c>fit</c>.</summary>
    public string Extension { get; }

    /// <summary>The length when announced.</summary>
    public long? Length { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _response?.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Content.Dispose();
        _response?.Dispose();
    }
}

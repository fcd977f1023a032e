using FitnessClients.Core;

namespace FitnessClients.GarminConnect.Http;

/// <summary>
/// A read-only view of a stream that also disposes what the stream depends on (the HTTP response, a ZIP archive and
/// its temp file), and, for a response body, reports a connection lost mid-body as the SDK's
/// <see cref="ServiceUnavailableException"/> instead of a bare <see cref="IOException"/>.
/// </summary>
internal sealed class OwningReadStream : Stream
{
    private readonly Stream _inner;
    private readonly HttpRequestMessage? _request;
    private readonly IDisposable?[] _owned;
    private int _disposed;

    /// <param name="inner">The stream to read.</param>
    /// <param name="request">The request whose body this is, to map network failures; <see langword="null"/> for local streams.</param>
    /// <param name="owned">Disposed after <paramref name="inner"/>, in order.</param>
    public OwningReadStream(Stream inner, HttpRequestMessage? request, params IDisposable?[] owned)
    {
        _inner = inner;
        _request = request;
        _owned = owned;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("The download is read once from start to end.");

    public override long Position
    {
        get => throw new NotSupportedException("The download is read once from start to end.");
        set => throw new NotSupportedException("The download is read once from start to end.");
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return _inner.Read(buffer);
        }
        catch (Exception exception) when (Map(exception, CancellationToken.None) is { } mapped)
        {
            throw mapped;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (Map(exception, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("The download is read once from start to end.");

    public override void SetLength(long value) => throw new NotSupportedException("The download is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The download is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _inner.Dispose();
            foreach (var owned in _owned)
            {
                owned?.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _inner.DisposeAsync().ConfigureAwait(false);
            foreach (var owned in _owned)
            {
                if (owned is IAsyncDisposable asyncOwned)
                {
                    await asyncOwned.DisposeAsync().ConfigureAwait(false);
                }
                else
                {
                    owned?.Dispose();
                }
            }
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    private FitnessApiException? Map(Exception exception, CancellationToken cancellationToken) =>
        _request is null ? null : FitnessApiExceptionFactory.FromException(exception, GarminErrorMapping.ServiceName, _request, cancellationToken);
}

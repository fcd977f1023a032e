using System.Net;

namespace FitnessClients.Testing;

/// <summary>Wraps a response body so each chunk arrives <c>delay</c> after the previous one on the emulator's clock.</summary>
internal sealed class SlowBodyContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly int _chunkSize;
    private readonly TimeSpan _delay;
    private readonly TimeProvider _timeProvider;

    public SlowBodyContent(HttpContent inner, int chunkSize, TimeSpan delay, TimeProvider timeProvider)
    {
        _inner = inner;
        _chunkSize = chunkSize;
        _delay = delay;
        _timeProvider = timeProvider;
        ContentHeaders.CopyExceptLength(inner, this);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            var buffer = new byte[_chunkSize];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new ThrottledReadStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _chunkSize, _delay, _timeProvider);

    protected override bool TryComputeLength(out long length)
    {
        var known = _inner.Headers.ContentLength;
        length = known ?? 0;
        return known is not null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

using System.Net;

namespace FitnessClients.Testing;

/// <summary>
/// Wraps a response body so that it advertises its full length but delivers only the first <c>allowed</c> bytes and then
/// fails: the in-process form of a download cut off mid-way. Over the loopback port the failure makes the server close
/// the connection after the bytes it sent.
/// </summary>
internal sealed class TruncatedContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly long _allowed;
    private readonly long _advertised;

    public TruncatedContent(HttpContent inner, long allowed, long advertised)
    {
        _inner = inner;
        _allowed = allowed;
        _advertised = advertised;
        ContentHeaders.CopyExceptLength(inner, this);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            await source.CopyToAsync(stream, 16 * 1024, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new TruncatingReadStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _allowed, _advertised);

    protected override bool TryComputeLength(out long length)
    {
        length = _advertised;
        return true;
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

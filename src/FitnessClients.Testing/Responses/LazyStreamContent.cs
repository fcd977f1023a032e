using System.Net;

namespace FitnessClients.Testing;

/// <summary>Content whose stream is opened only when the body is sent or read, and copied through without buffering.</summary>
internal sealed class LazyStreamContent(Func<Stream> openStream, long? knownLength) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var source = openStream();
        await using (source.ConfigureAwait(false))
        {
            await source.CopyToAsync(stream, 64 * 1024, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(openStream());

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => openStream();

    protected override bool TryComputeLength(out long length)
    {
        length = knownLength ?? 0;
        return knownLength is not null;
    }
}

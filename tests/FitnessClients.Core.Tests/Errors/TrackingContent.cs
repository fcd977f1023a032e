using System.Net;
using System.Text;

namespace FitnessClients.Core.Tests.Errors;

/// <summary>Content that remembers whether it was disposed, or fails when read.</summary>
internal sealed class TrackingContent(string text, bool failOnRead = false) : HttpContent
{
    public bool Disposed { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        failOnRead ? throw new IOException("connection reset while reading the body") : stream.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}

namespace FitnessClients.Tests.Shared;

/// <summary>
/// A response body or an upload piped from elsewhere: readable once, front to back, not seekable. Whatever buffers it
/// on the way (HttpClient with ResponseContentRead, a MemoryStream copy) hands back a seekable stream instead.
/// </summary>
internal sealed class ForwardOnlyStream(byte[] content) : ReadOnlyTestStream
{
    private readonly MemoryStream _inner = new(content, writable: false);

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

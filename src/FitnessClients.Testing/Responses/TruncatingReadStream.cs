namespace FitnessClients.Testing;

/// <summary>
/// Passes through the first <c>allowed</c> bytes of a stream, then fails the way a dropped connection fails a real
/// download: with <see cref="HttpIOException"/> (<see cref="HttpRequestError.ResponseEnded"/>), as SocketsHttpHandler throws.
/// </summary>
internal sealed class TruncatingReadStream(Stream inner, long allowed, long advertised) : ReadOnlyWrappingStream(inner)
{
    private long _position;


    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = Inner.Read(buffer[..Limit(buffer.Length)]);
        return Advance(read, buffer.Length);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await Inner.ReadAsync(buffer[..Limit(buffer.Length)], cancellationToken).ConfigureAwait(false);
        return Advance(read, buffer.Length);
    }

    private int Limit(int requested)
    {
        var left = allowed - _position;
        if (left <= 0 && requested > 0)
        {
            throw new HttpIOException(
                HttpRequestError.ResponseEnded,
                $"The response ended prematurely, with at least {advertised - _position} additional bytes expected (emulated truncated body).");
        }

        return (int)Math.Min(requested, left);
    }

    private int Advance(int read, int requested)
    {
        _position += read;
        if (read == 0 && requested > 0 && _position < advertised)
        {
            throw new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely (emulated truncated body).");
        }

        return read;
    }
}

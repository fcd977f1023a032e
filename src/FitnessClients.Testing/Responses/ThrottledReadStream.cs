namespace FitnessClients.Testing;

/// <summary>Reads a stream in chunks of at most <c>chunkSize</c> bytes, each delivered <c>delay</c> after the previous one on the emulator's clock: a slow body.</summary>
internal sealed class ThrottledReadStream(Stream inner, int chunkSize, TimeSpan delay, TimeProvider timeProvider) : ReadOnlyWrappingStream(inner)
{
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length == 0)
        {
            return 0;
        }

        // Read first, so the end of the body (a read of 0) costs no wait: n chunks take n delays.
        var read = await Inner.ReadAsync(buffer[..Math.Min(buffer.Length, chunkSize)], cancellationToken).ConfigureAwait(false);
        if (read > 0)
        {
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        return read;
    }
}

using System.Buffers;
using System.Buffers.Binary;
using System.Net;

namespace FitnessClients.Testing;

/// <summary>
/// A body of a fixed length whose bytes are computed while it is read: byte <c>n</c> is a pure function of the seed and
/// <c>n</c> (SplitMix64 of the 8-byte block index), so a 500 MB download costs a 64 KiB buffer, is the same on every run,
/// and a test can verify what it received with <see cref="Fill"/> without keeping a copy.
/// </summary>
/// <remarks>
/// Reading the content as a stream (<c>HttpCompletionOption.ResponseHeadersRead</c>) and sending it over the loopback port
/// both generate on demand; <see cref="BytesProduced"/> shows how far the reader got. Reading it with
/// <c>ReadAsByteArrayAsync</c> or a default <c>GetAsync</c> buffers it in the client, as with any content.
/// </remarks>
/// <example>
/// <code>
/// var expected = new byte[4096];
/// GeneratedContent.Fill(expected, offset: 1_000_000, seed: 7); // what bytes 1,000,000..1,004,095 of seed 7 are
/// </code>
/// </example>
public sealed class GeneratedContent : HttpContent
{
    private const int ChunkSize = 64 * 1024;
    private long _bytesProduced;

    /// <summary>Creates a body of <paramref name="length"/> bytes.</summary>
    /// <param name="length">The length, advertised as <c>Content-Length</c>.</param>
    /// <param name="seed">Selects the byte sequence.</param>
    public GeneratedContent(long length, ulong seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        Seed = seed;
    }

    /// <summary>The body length in bytes.</summary>
    public long Length { get; }

    /// <summary>The seed that selects the bytes.</summary>
    public ulong Seed { get; }

    /// <summary>How many bytes have been generated so far, over every read of this content: evidence of lazy generation.</summary>
    public long BytesProduced => Interlocked.Read(ref _bytesProduced);

    /// <summary>Writes into <paramref name="destination"/> the bytes found at <paramref name="offset"/> of the sequence <paramref name="seed"/> selects.</summary>
    /// <param name="destination">Where to write; its length says how many bytes.</param>
    /// <param name="offset">The position of the first byte in the body.</param>
    /// <param name="seed">The seed.</param>
    public static void Fill(Span<byte> destination, long offset, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        Span<byte> block = stackalloc byte[8];
        var written = 0;
        while (written < destination.Length)
        {
            var position = offset + written;
            var blockIndex = position >> 3;
            var within = (int)(position & 7);
            BinaryPrimitives.WriteUInt64LittleEndian(block, SplitMix64(seed + (ulong)blockIndex));
            var count = Math.Min(8 - within, destination.Length - written);
            block.Slice(within, count).CopyTo(destination[written..]);
            written += count;
        }
    }

    internal int Read(long position, Span<byte> destination)
    {
        var count = (int)Math.Min(destination.Length, Length - position);
        if (count <= 0)
        {
            return 0;
        }

        Fill(destination[..count], position, Seed);
        Interlocked.Add(ref _bytesProduced, count);
        return count;
    }

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    /// <inheritdoc />
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            long position = 0;
            int count;
            while ((count = Read(position, buffer.AsSpan(0, ChunkSize))) > 0)
            {
                await stream.WriteAsync(buffer.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
                position += count;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc />
    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[ChunkSize];
        long position = 0;
        int count;
        while ((count = Read(position, buffer)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            stream.Write(buffer, 0, count);
            position += count;
        }
    }

    /// <inheritdoc />
    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new GeneratedStream(this));

    /// <inheritdoc />
    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => new GeneratedStream(this);

    /// <inheritdoc />
    protected override bool TryComputeLength(out long length)
    {
        length = Length;
        return true;
    }

    private static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}

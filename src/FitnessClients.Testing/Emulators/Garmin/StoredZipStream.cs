using System.Buffers.Binary;
using System.Text;

namespace FitnessClients.Testing;

/// <summary>
/// A ZIP archive with one stored (uncompressed) entry, produced while it is read: local header, the entry's bytes as
/// the entry reader yields them, then a data descriptor and the central directory carrying the CRC-32
/// computed on the way. Its length is known up front, so the response has a <c>Content-Length</c>; nothing is buffered
/// beyond the caller's read buffer. This is how a 500 MB original is served. Entries stay below 4 GB (no ZIP64).
/// </summary>
internal sealed class StoredZipStream : Stream
{
    private const ushort Version = 20;
    private const ushort DataDescriptorFlag = 0x0008;
    private const ushort Utf8Flag = 0x0800;
    private readonly byte[] _name;
    private readonly long _entryLength;
    private readonly Func<Span<byte>, int> _readEntry;
    private readonly Action<int>? _onProduced;
    private readonly ushort _dosTime;
    private readonly ushort _dosDate;
    private readonly byte[] _header;
    private byte[]? _trailer;
    private long _position;
    private uint _crc;

    /// <param name="entryName">The entry's file name.</param>
    /// <param name="entryLength">The entry's length in bytes.</param>
    /// <param name="modified">The entry's local modification time.</param>
    /// <param name="readEntry">Fills the span with the entry's next bytes, in order, and returns how many it wrote (more than 0 until the end).</param>
    /// <param name="onProduced">Told how many bytes each read produced, for counters.</param>
    public StoredZipStream(string entryName, long entryLength, DateTime modified, Func<Span<byte>, int> readEntry, Action<int>? onProduced = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entryLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(entryLength, 4_000_000_000L);
        _name = Encoding.UTF8.GetBytes(entryName);
        _entryLength = entryLength;
        _readEntry = readEntry;
        _onProduced = onProduced;
        var time = GarminOriginalZip.Clamp(modified);
        _dosTime = (ushort)((time.Hour << 11) | (time.Minute << 5) | (time.Second / 2));
        _dosDate = (ushort)(((time.Year - 1980) << 9) | (time.Month << 5) | time.Day);
        _header = LocalHeader();
        Length = _header.Length + entryLength + 16 + 46 + _name.Length + 22;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length { get; }

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty || _position >= Length)
        {
            return 0;
        }

        int produced;
        var entryStart = _header.Length;
        var entryEnd = entryStart + _entryLength;
        if (_position < entryStart)
        {
            produced = Copy(_header, (int)_position, buffer);
        }
        else if (_position < entryEnd)
        {
            var want = (int)Math.Min(buffer.Length, entryEnd - _position);
            produced = _readEntry(buffer[..want]);
            if (produced <= 0)
            {
                throw new InvalidOperationException("The entry ended before its declared length.");
            }

            _crc = Crc32.Update(_crc, buffer[..produced]);
        }
        else
        {
            _trailer ??= Trailer(entryStart);
            produced = Copy(_trailer, (int)(_position - entryEnd), buffer);
        }

        _position += produced;
        _onProduced?.Invoke(produced);
        return produced;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static int Copy(byte[] source, int from, Span<byte> destination)
    {
        var count = Math.Min(destination.Length, source.Length - from);
        source.AsSpan(from, count).CopyTo(destination);
        return count;
    }

    private byte[] LocalHeader()
    {
        var header = new byte[30 + _name.Length];
        var span = header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, 0x04034b50);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], DataDescriptorFlag | Utf8Flag);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], 0); // stored
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], _dosTime);
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], _dosDate);
        // CRC-32 and sizes (offsets 14..25) are zero here and follow the data in the descriptor.
        BinaryPrimitives.WriteUInt16LittleEndian(span[26..], (ushort)_name.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], 0);
        _name.CopyTo(span[30..]);
        return header;
    }

    private byte[] Trailer(long entryStart)
    {
        var size = (uint)_entryLength;
        var trailer = new byte[16 + 46 + _name.Length + 22];
        var span = trailer.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, 0x08074b50);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], _crc);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], size);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], size);

        var central = span[16..];
        BinaryPrimitives.WriteUInt32LittleEndian(central, 0x02014b50);
        BinaryPrimitives.WriteUInt16LittleEndian(central[4..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(central[6..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(central[8..], DataDescriptorFlag | Utf8Flag);
        BinaryPrimitives.WriteUInt16LittleEndian(central[10..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(central[12..], _dosTime);
        BinaryPrimitives.WriteUInt16LittleEndian(central[14..], _dosDate);
        BinaryPrimitives.WriteUInt32LittleEndian(central[16..], _crc);
        BinaryPrimitives.WriteUInt32LittleEndian(central[20..], size);
        BinaryPrimitives.WriteUInt32LittleEndian(central[24..], size);
        BinaryPrimitives.WriteUInt16LittleEndian(central[28..], (ushort)_name.Length);
        // extra length, comment length, disk number, internal and external attributes stay 0 (offsets 30..41).
        BinaryPrimitives.WriteUInt32LittleEndian(central[42..], 0); // the local header is at offset 0
        _name.CopyTo(central[46..]);

        var end = central[(46 + _name.Length)..];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)(46 + _name.Length));
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], (uint)(entryStart + _entryLength + 16));
        return trailer;
    }
}

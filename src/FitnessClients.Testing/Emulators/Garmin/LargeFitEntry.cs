using System.Buffers.Binary;

namespace FitnessClients.Testing;

/// <summary>
/// The bytes of a huge FIT file produced in order: a valid 14-byte header, <see cref="GeneratedContent"/> bytes as the
/// data records, and the file CRC over everything before it. Used as the entry of a <see cref="StoredZipStream"/>.
/// </summary>
internal sealed class LargeFitEntry
{
    private readonly long _length;
    private readonly ulong _seed;
    private readonly byte[] _header = new byte[FitFileHeader.Size];
    private long _position;
    private ushort _crc;

    public LargeFitEntry(long length, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, FitFileHeader.Size + 2L);
        _length = length;
        _seed = seed;
        FitFileHeader.Write(_header, (uint)(length - FitFileHeader.Size - 2));
    }

    public int Read(Span<byte> destination)
    {
        var dataEnd = _length - 2;
        int count;
        if (_position < FitFileHeader.Size)
        {
            count = Math.Min(destination.Length, FitFileHeader.Size - (int)_position);
            _header.AsSpan((int)_position, count).CopyTo(destination);
        }
        else if (_position < dataEnd)
        {
            count = (int)Math.Min(destination.Length, dataEnd - _position);
            GeneratedContent.Fill(destination[..count], _position - FitFileHeader.Size, _seed);
        }
        else if (_position < _length)
        {
            Span<byte> crc = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16LittleEndian(crc, _crc);
            count = Math.Min(destination.Length, (int)(_length - _position));
            crc.Slice((int)(_position - dataEnd), count).CopyTo(destination);
            _position += count;
            return count;
        }
        else
        {
            return 0;
        }

        _crc = FitCrc.Update(_crc, destination[..count]);
        _position += count;
        return count;
    }
}

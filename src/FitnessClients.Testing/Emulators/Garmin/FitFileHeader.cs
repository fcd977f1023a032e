using System.Buffers.Binary;

namespace FitnessClients.Testing;

/// <summary>The 14-byte FIT file header: size, protocol and profile versions, data size, <c>.FIT</c>, and the header's own CRC.</summary>
internal static class FitFileHeader
{
    public const int Size = 14;

    /// <summary>FIT protocol 1.0 (no developer fields are written).</summary>
    public const byte ProtocolVersion = 0x10;

    /// <summary>Profile version 21.32.</summary>
    public const ushort ProfileVersion = 2132;

    public static void Write(Span<byte> destination, uint dataSize)
    {
        destination[0] = Size;
        destination[1] = ProtocolVersion;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], ProfileVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], dataSize);
        destination[8] = (byte)'.';
        destination[9] = (byte)'F';
        destination[10] = (byte)'I';
        destination[11] = (byte)'T';
        BinaryPrimitives.WriteUInt16LittleEndian(destination[12..], FitCrc.Compute(destination[..12]));
    }
}

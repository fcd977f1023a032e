using System.Buffers.Binary;

namespace FitnessClients.Testing;

/// <summary>
/// The ZIP CRC-32 (reflected polynomial 0xEDB88320), computed incrementally so a streamed ZIP entry's checksum is known
/// when its last byte has gone out; slicing-by-8, since a 500 MB original passes through it. (System.IO.Hashing is a
/// separate package this kit does not take.)
/// </summary>
internal static class Crc32
{
    private static readonly uint[][] Tables = CreateTables();

    /// <summary>Continues a CRC: start with 0, feed the data in order, and the result after the last call is the checksum.</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        var t = Tables;
        uint[] t0 = t[0], t1 = t[1], t2 = t[2], t3 = t[3], t4 = t[4], t5 = t[5], t6 = t[6], t7 = t[7];
        var c = ~crc;
        while (data.Length >= 8)
        {
            var low = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ c;
            var high = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            c = t7[low & 0xFF] ^ t6[(low >> 8) & 0xFF] ^ t5[(low >> 16) & 0xFF] ^ t4[low >> 24] ^
                t3[high & 0xFF] ^ t2[(high >> 8) & 0xFF] ^ t1[(high >> 16) & 0xFF] ^ t0[high >> 24];
            data = data[8..];
        }

        foreach (var b in data)
        {
            c = t0[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return ~c;
    }

    private static uint[][] CreateTables()
    {
        var tables = new uint[8][];
        for (var k = 0; k < 8; k++)
        {
            tables[k] = new uint[256];
        }

        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            tables[0][n] = c;
        }

        for (var n = 0; n < 256; n++)
        {
            for (var k = 1; k < 8; k++)
            {
                tables[k][n] = tables[0][tables[k - 1][n] & 0xFF] ^ (tables[k - 1][n] >> 8);
            }
        }

        return tables;
    }
}

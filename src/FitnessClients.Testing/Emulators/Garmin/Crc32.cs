namespace FitnessClients.Testing;

/// <summary>
/// The ZIP CRC-32 (reflected polynomial 0xEDB88320), computed incrementally so a streamed ZIP entry's checksum is known
/// when its last byte has gone out. (System.IO.Hashing is a separate package this kit does not take.)
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = CreateTable();

    /// <summary>Continues a CRC: start with 0, feed the data in order, and the result after the last call is the checksum.</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        var c = ~crc;
        foreach (var b in data)
        {
            c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return ~c;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}

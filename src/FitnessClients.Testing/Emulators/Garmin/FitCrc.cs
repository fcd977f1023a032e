namespace FitnessClients.Testing;

/// <summary>
/// The FIT protocol's CRC-16. The FIT SDK computes it a nibble at a time; it is CRC-16/ARC (reflected polynomial
/// 0xA001), so a byte-wise table gives the same value faster, which matters for a streamed 500 MB original.
/// </summary>
internal static class FitCrc
{
    private static readonly ushort[] Table = CreateTable();

    public static ushort Update(ushort crc, ReadOnlySpan<byte> data)
    {
        var table = Table;
        foreach (var b in data)
        {
            crc = (ushort)((crc >> 8) ^ table[(crc ^ b) & 0xFF]);
        }

        return crc;
    }

    public static ushort Compute(ReadOnlySpan<byte> data) => Update(0, data);

    private static ushort[] CreateTable()
    {
        var table = new ushort[256];
        for (var n = 0; n < 256; n++)
        {
            var c = (ushort)n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? (ushort)(0xA001 ^ (c >> 1)) : (ushort)(c >> 1);
            }

            table[n] = c;
        }

        return table;
    }
}

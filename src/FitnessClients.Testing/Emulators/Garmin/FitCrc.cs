namespace FitnessClients.Testing;

/// <summary>The FIT protocol's CRC-16 (the CRC-16/ARC polynomial, computed a nibble at a time as the FIT SDK describes).</summary>
internal static class FitCrc
{
    private static readonly ushort[] Table =
    [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
        0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
    ];

    public static ushort Update(ushort crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            var tmp = Table[crc & 0xF];
            crc = (ushort)((crc >> 4) & 0x0FFF);
            crc = (ushort)(crc ^ tmp ^ Table[b & 0xF]);
            tmp = Table[crc & 0xF];
            crc = (ushort)((crc >> 4) & 0x0FFF);
            crc = (ushort)(crc ^ tmp ^ Table[(b >> 4) & 0xF]);
        }

        return crc;
    }

    public static ushort Compute(ReadOnlySpan<byte> data) => Update(0, data);
}

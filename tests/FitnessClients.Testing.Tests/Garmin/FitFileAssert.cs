using System.Buffers.Binary;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests.Garmin;

/// <summary>Checks a FIT file's framing: the 14-byte header with <c>.FIT</c> and its CRC, the data size, and the file CRC.</summary>
internal static class FitFileAssert
{
    public static void IsValid(ReadOnlySpan<byte> file)
    {
        Assert.That(file.Length, Is.GreaterThan(16));
        Assert.That(file[0], Is.EqualTo(14), "header size");
        Assert.That(System.Text.Encoding.ASCII.GetString(file.Slice(8, 4)), Is.EqualTo(".FIT"));
        Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(file[12..]), Is.EqualTo(FitCrc.Compute(file[..12])), "header CRC");
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(file[4..]), Is.EqualTo(file.Length - 16), "data size");
        Assert.That(FitCrc.Compute(file), Is.Zero, "a FIT file including its trailing CRC checks to zero");
    }
}

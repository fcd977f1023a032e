using System.Numerics;

namespace FitnessClients.Testing;

/// <summary>FitTrackee's 22-character workout ids: a UUID in shortuuid's base-57 alphabet, most significant digit first.</summary>
internal static class FitTrackeeShortId
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private const int Length = 22;

    /// <summary>An id from 16 bytes drawn from <paramref name="random"/> (a version-4 UUID's layout).</summary>
    public static string Next(DeterministicRandom random)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, random.NextUInt64());
        BitConverter.TryWriteBytes(bytes[8..], random.NextUInt64());
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return Encode(bytes);
    }

    /// <summary>Encodes a big-endian 128-bit value.</summary>
    public static string Encode(ReadOnlySpan<byte> bigEndian)
    {
        var number = new BigInteger(bigEndian, isUnsigned: true, isBigEndian: true);
        var digits = new char[Length];
        for (var i = Length - 1; i >= 0; i--)
        {
            number = BigInteger.DivRem(number, Alphabet.Length, out var digit);
            digits[i] = Alphabet[(int)digit];
        }

        return new string(digits);
    }

    /// <summary>Whether <paramref name="id"/> could be a short id (FitTrackee's decoder fails on other characters).</summary>
    public static bool IsWellFormed(string id) => id.Length is > 0 and <= Length && id.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}

using System.IO.Compression;

namespace FitnessClients.Testing;

/// <summary>Builds the original-download ZIP (one deflated entry) with <see cref="ZipArchive"/>; deterministic for the same entry and time.</summary>
internal static class GarminOriginalZip
{
    public static byte[] Build(string entryName, ReadOnlySpan<byte> content, DateTime modified)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = archive.CreateEntry(entryName, CompressionLevel.Optimal);
            entry.LastWriteTime = new DateTimeOffset(DateTime.SpecifyKind(Clamp(modified), DateTimeKind.Unspecified), TimeSpan.Zero);
            using var entryStream = entry.Open();
            entryStream.Write(content);
        }

        return stream.ToArray();
    }

    /// <summary>ZIP (DOS) times cover 1980 to 2107 with two-second steps.</summary>
    public static DateTime Clamp(DateTime time)
    {
        var clamped = time.Year < 1980 ? new DateTime(1980, 1, 1, 0, 0, 0, DateTimeKind.Unspecified) : time.Year > 2107 ? new DateTime(2107, 12, 31, 0, 0, 0, DateTimeKind.Unspecified) : time;
        return new DateTime(clamped.Year, clamped.Month, clamped.Day, clamped.Hour, clamped.Minute, clamped.Second / 2 * 2, DateTimeKind.Unspecified);
    }
}

using System.Buffers.Binary;

namespace FitnessClients.Testing;

/// <summary>
/// Reads the little the upload route needs from a FIT file: <c>file_id</c> (serial number and <c>time_created</c>, how
/// Garmin recognises a duplicate), the first <c>session</c>'s sport, elapsed time and distance, and whether any
/// <c>record</c> has a position. Stops quietly at anything it does not understand.
/// </summary>
internal static class GarminFitReader
{
    public static GarminUploadedFileInfo? TryRead(ReadOnlySpan<byte> file)
    {
        if (file.Length < 12 || file[0] < 12 || file[8] != '.' || file[9] != 'F' || file[10] != 'I' || file[11] != 'T')
        {
            return null;
        }

        var headerSize = file[0];
        var end = (int)Math.Min(file.Length, headerSize + (long)BinaryPrimitives.ReadUInt32LittleEndian(file[4..]));
        var definitions = new Dictionary<int, Definition>();
        uint? serial = null, created = null, sessionStart = null, elapsed = null, distance = null;
        byte? sport = null;
        var hasPosition = false;
        var position = (int)headerSize;
        try
        {
            while (position < end)
            {
                var header = file[position++];
                if ((header & 0x80) == 0 && (header & 0x40) != 0)
                {
                    var bigEndian = file[position + 1] == 1;
                    var global = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(file[(position + 2)..]) : BinaryPrimitives.ReadUInt16LittleEndian(file[(position + 2)..]);
                    var count = file[position + 4];
                    position += 5;
                    var fields = new List<(byte Number, byte Size)>(count);
                    for (var i = 0; i < count; i++, position += 3)
                    {
                        fields.Add((file[position], file[position + 1]));
                    }

                    var developerSize = 0;
                    if ((header & 0x20) != 0)
                    {
                        var developerCount = file[position++];
                        for (var i = 0; i < developerCount; i++, position += 3)
                        {
                            developerSize += file[position + 1];
                        }
                    }

                    definitions[header & 0x0F] = new Definition(global, bigEndian, fields, developerSize);
                    continue;
                }

                var local = (header & 0x80) != 0 ? (header >> 5) & 0x03 : header & 0x0F;
                if (!definitions.TryGetValue(local, out var definition))
                {
                    break;
                }

                foreach (var (number, size) in definition.Fields)
                {
                    var value = size == 4 ? Read32(file.Slice(position, 4), definition.BigEndian) : (uint?)null;
                    var single = size == 1 ? file[position] : (byte?)null;
                    switch (definition.Global, number)
                    {
                        case (0, 3): serial = value; break;
                        case (0, 4): created = value; break;
                        case (18, 2): sessionStart ??= value; break;
                        case (18, 5) when sport is null: sport = single; break;
                        case (18, 7) when elapsed is null: elapsed = value; break;
                        case (18, 9) when distance is null: distance = value; break;
                        case (20, 0) when value is not null and not 0x7FFFFFFF: hasPosition = true; break;
                    }

                    position += size;
                }

                position += definition.DeveloperSize;
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            // A truncated or foreign file: keep what was read.
        }

        var start = created ?? sessionStart;
        return new GarminUploadedFileInfo(
            GarminOriginalFormat.Fit,
            start is { } seconds and not 0xFFFFFFFF ? GarminFitWriter.FitEpoch.AddSeconds(seconds) : null,
            elapsed is { } ms and not 0xFFFFFFFF ? ms / 1000.0 : null,
            distance is { } cm and not 0xFFFFFFFF ? cm / 100.0 : null,
            sport switch
            {
                1 => "running",
                2 => "cycling",
                5 => "lap_swimming",
                11 => "walking",
                17 => "hiking",
                _ => "other",
            },
            null,
            hasPosition,
            serial is 0 or 0xFFFFFFFF ? null : serial);
    }

    private static uint Read32(ReadOnlySpan<byte> bytes, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    private sealed record Definition(ushort Global, bool BigEndian, List<(byte Number, byte Size)> Fields, int DeveloperSize);
}

using System.Buffers.Binary;

namespace FitnessClients.Testing;

/// <summary>
/// Writes a small but well-formed FIT activity file from the synthetic recording: a valid header and file CRC, then
/// <c>file_id</c> (activity, Garmin, the device's serial number, the start as <c>time_created</c>), one <c>record</c> per
/// sample (time, position, altitude, heart rate, distance, speed), one <c>session</c> per leg with its sport, and
/// <c>activity</c>. Deterministic for an activity.
/// </summary>
internal static class GarminFitWriter
{
    public static readonly DateTime FitEpoch = new(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    private const uint InvalidUInt32 = 0xFFFFFFFF;

    public static byte[] Write(GarminEmulatedActivity activity, IReadOnlyList<GarminTrackPoint> track, IReadOnlyList<GarminEmulatedActivity> legs)
    {
        var body = new MemoryStream();
        var buffer = new byte[64];

        // file_id (global 0) as local type 0.
        Definition(body, 0, 0, [(0, 1, 0x00), (1, 2, 0x84), (2, 2, 0x84), (3, 4, 0x8C), (4, 4, 0x86)]);
        var data = buffer.AsSpan();
        data[0] = 0x00;
        data[1] = 4; // activity
        BinaryPrimitives.WriteUInt16LittleEndian(data[2..], 1); // Garmin
        BinaryPrimitives.WriteUInt16LittleEndian(data[4..], (ushort)((activity.DeviceApplicationInstallationId ?? 0) % 65_000));
        BinaryPrimitives.WriteUInt32LittleEndian(data[6..], (uint)((activity.DeviceId ?? 1) & 0xFFFFFFFF));
        BinaryPrimitives.WriteUInt32LittleEndian(data[10..], FitTime(activity.StartUtc.UtcDateTime));
        body.Write(buffer, 0, 14);

        // record (global 20) as local type 1.
        Definition(body, 1, 20, [(253, 4, 0x86), (0, 4, 0x85), (1, 4, 0x85), (2, 2, 0x84), (3, 1, 0x02), (5, 4, 0x86), (6, 2, 0x84)]);
        foreach (var point in track)
        {
            data[0] = 0x01;
            BinaryPrimitives.WriteUInt32LittleEndian(data[1..], FitTime(point.Time));
            BinaryPrimitives.WriteInt32LittleEndian(data[5..], point.Latitude is { } lat ? Semicircles(lat) : int.MaxValue);
            BinaryPrimitives.WriteInt32LittleEndian(data[9..], point.Longitude is { } lon ? Semicircles(lon) : int.MaxValue);
            BinaryPrimitives.WriteUInt16LittleEndian(data[13..], point.Elevation is { } ele ? (ushort)Math.Clamp(Math.Round((ele + 500) * 5), 0, 65_534) : ushort.MaxValue);
            data[15] = point.HeartRate is { } hr ? (byte)Math.Clamp(hr, 0, 254) : (byte)0xFF;
            BinaryPrimitives.WriteUInt32LittleEndian(data[16..], (uint)Math.Round(point.Distance * 100));
            BinaryPrimitives.WriteUInt16LittleEndian(data[20..], (ushort)Math.Clamp(Math.Round(point.Speed * 1000), 0, 65_534));
            body.Write(buffer, 0, 22);
        }

        // session (global 18) as local type 2, one per leg.
        Definition(body, 2, 18, [(253, 4, 0x86), (2, 4, 0x86), (7, 4, 0x86), (8, 4, 0x86), (9, 4, 0x86), (5, 1, 0x00), (6, 1, 0x00)]);
        foreach (var leg in legs)
        {
            var type = GarminActivityTypes.Find(leg.TypeKey);
            data[0] = 0x02;
            BinaryPrimitives.WriteUInt32LittleEndian(data[1..], FitTime((leg.StartUtc + leg.ElapsedDuration).UtcDateTime));
            BinaryPrimitives.WriteUInt32LittleEndian(data[5..], FitTime(leg.StartUtc.UtcDateTime));
            BinaryPrimitives.WriteUInt32LittleEndian(data[9..], (uint)Math.Round(leg.ElapsedDuration.TotalMilliseconds));
            BinaryPrimitives.WriteUInt32LittleEndian(data[13..], (uint)Math.Round(leg.Duration.TotalMilliseconds));
            BinaryPrimitives.WriteUInt32LittleEndian(data[17..], (uint)Math.Round(leg.Distance * 100));
            data[21] = type?.FitSport ?? 0;
            data[22] = 0;
            body.Write(buffer, 0, 23);
        }

        // activity (global 34) as local type 3.
        Definition(body, 3, 34, [(253, 4, 0x86), (0, 4, 0x86), (1, 2, 0x84), (2, 1, 0x00), (3, 1, 0x00), (4, 1, 0x00), (5, 4, 0x86)]);
        var end = (activity.StartUtc + activity.ElapsedDuration).UtcDateTime;
        data[0] = 0x03;
        BinaryPrimitives.WriteUInt32LittleEndian(data[1..], FitTime(end));
        BinaryPrimitives.WriteUInt32LittleEndian(data[5..], (uint)Math.Round(activity.Duration.TotalMilliseconds));
        BinaryPrimitives.WriteUInt16LittleEndian(data[9..], (ushort)legs.Count);
        data[11] = 0; // manual
        data[12] = 26; // activity
        data[13] = 1; // stop
        BinaryPrimitives.WriteUInt32LittleEndian(data[14..], FitTime(end + activity.UtcOffset));
        body.Write(buffer, 0, 18);

        var payload = body.ToArray();
        var file = new byte[FitFileHeader.Size + payload.Length + 2];
        FitFileHeader.Write(file, (uint)payload.Length);
        payload.CopyTo(file, FitFileHeader.Size);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(file.Length - 2), FitCrc.Compute(file.AsSpan(0, file.Length - 2)));
        return file;
    }

    public static uint FitTime(DateTime utc) => utc <= FitEpoch ? InvalidUInt32 : (uint)Math.Floor((utc - FitEpoch).TotalSeconds);

    private static int Semicircles(double degrees) => (int)Math.Round(degrees * (2147483648.0 / 180));

    private static void Definition(Stream stream, byte localType, ushort globalMessage, (byte Number, byte Size, byte BaseType)[] fields)
    {
        Span<byte> header = stackalloc byte[6];
        header[0] = (byte)(0x40 | localType);
        header[1] = 0; // reserved
        header[2] = 0; // little-endian
        BinaryPrimitives.WriteUInt16LittleEndian(header[3..], globalMessage);
        header[5] = (byte)fields.Length;
        stream.Write(header);
        foreach (var (number, size, baseType) in fields)
        {
            stream.Write([number, size, baseType]);
        }
    }
}

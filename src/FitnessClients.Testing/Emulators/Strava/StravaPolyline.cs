using System.Text;

namespace FitnessClients.Testing;

/// <summary>Google's encoded polyline format (precision 5), which Strava's <c>map.polyline</c> and <c>summary_polyline</c> use.</summary>
internal static class StravaPolyline
{
    public static string Encode(StravaTrack track, int every)
    {
        var builder = new StringBuilder();
        long lastLat = 0;
        long lastLon = 0;
        for (var i = 0; i < track.Count; i++)
        {
            if (i % every != 0 && i != track.Count - 1)
            {
                continue;
            }

            var lat = (long)Math.Round(track.Latitude[i] * 1e5);
            var lon = (long)Math.Round(track.Longitude[i] * 1e5);
            Append(builder, lat - lastLat);
            Append(builder, lon - lastLon);
            (lastLat, lastLon) = (lat, lon);
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, long value)
    {
        var v = value < 0 ? ~(value << 1) : value << 1;
        while (v >= 0x20)
        {
            builder.Append((char)((0x20 | (v & 0x1F)) + 63));
            v >>= 5;
        }

        builder.Append((char)(v + 63));
    }
}

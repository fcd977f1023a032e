using FitnessClients.Strava.Models;

namespace FitnessClients.Strava.Tracks;

/// <summary>One sample of an activity, gathered from the streams at one index.</summary>
internal readonly record struct StravaTrackPoint(
    DateTimeOffset Time,
    StravaLatLng? Position,
    double? Altitude,
    double? Distance,
    int? HeartRate,
    int? Cadence,
    int? Power,
    int? Temperature)
{
    public static IReadOnlyList<StravaTrackPoint> FromStreams(StravaStreamSet streams, DateTimeOffset startUtc)
    {
        var time = streams.Time;
        var latlng = streams.LatLng;
        var altitude = streams.Altitude;
        var distance = streams.Distance;
        var hr = streams.Heartrate;
        var cadence = streams.Cadence;
        var watts = streams.Watts;
        var temp = streams.Temp;
        var count = time?.Count ?? 0;
        var points = new List<StravaTrackPoint>(count);
        for (var i = 0; i < count; i++)
        {
            if (time![i] is not { } seconds)
            {
                continue;
            }

            points.Add(new StravaTrackPoint(
                startUtc.ToUniversalTime().AddSeconds(seconds),
                At(latlng, i),
                At(altitude, i),
                At(distance, i),
                At(hr, i),
                At(cadence, i),
                At(watts, i),
                At(temp, i)));
        }

        return points;
    }

    private static T? At<T>(IReadOnlyList<T?>? list, int index)
        where T : struct =>
        list is not null && index < list.Count ? list[index] : null;
}

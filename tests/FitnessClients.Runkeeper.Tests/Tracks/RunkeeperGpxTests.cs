using System.Text;
using System.Xml.Linq;
using FitnessClients.Runkeeper.Models;

namespace FitnessClients.Runkeeper.Tests.Tracks;

/// <summary>GPX built from hand-made paths: segments at pauses, times, heart rate matching, altitude rules.</summary>
public class RunkeeperGpxTests
{
    private static readonly XNamespace Gpx = "http://www.topografix.com/GPX/1/1";
    private static readonly XNamespace Tpx = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1";

    private static RunkeeperPathPoint P(double t, string type, double alt = 0) => new() { Timestamp = t, Latitude = 42 + (t / 10000), Longitude = -71, Altitude = alt, Type = type };

    private static XDocument Write(RunkeeperFitnessActivity activity)
    {
        using var output = new MemoryStream();
        Assert.That(RunkeeperGpx.TryWrite(activity, output), Is.True);
        return XDocument.Parse(Encoding.UTF8.GetString(output.ToArray()));
    }

    [Test]
    public void Pauses_split_segments_and_times_count_from_the_start_in_utc()
    {
        var activity = new RunkeeperFitnessActivity
        {
            Type = "Running",
            LocalStartTime = new DateTime(2016, 6, 25, 20, 17, 23),
            UtcOffsetHours = -4,
            Path = [P(0, "start", 10), P(5, "gps", 11), P(10, "pause", 12), P(70, "resume", 12), P(75, "gps", 13), P(80, "pause", 13), P(100, "resume", 14), P(105, "end", 15)],
            HeartRate = [new() { Timestamp = 0, HeartRate = 100 }, new() { Timestamp = 6, HeartRate = 110 }, new() { Timestamp = 74, HeartRate = 150 }],
        };

        var gpx = Write(activity);

        var segments = gpx.Descendants(Gpx + "trkseg").Select(s => s.Elements(Gpx + "trkpt").Count()).ToList();
        Assert.That(segments, Is.EqualTo(new[] { 3, 3, 2 }));
        var times = gpx.Descendants(Gpx + "trkpt").Select(p => p.Element(Gpx + "time")!.Value).ToList();
        Assert.That(times[0], Is.EqualTo("2016-06-26T00:17:23Z"));
        Assert.That(times[3], Is.EqualTo("2016-06-26T00:18:33Z"));
        var hr = gpx.Descendants(Gpx + "trkpt").Select(p => p.Descendants(Tpx + "hr").SingleOrDefault()?.Value).ToList();
        Assert.That(hr, Is.EqualTo(new[] { "100", "110", "110", "150", "150", "150", null, null }), "nearest sample within 10 s, none beyond");
        Assert.That(gpx.Descendants(Gpx + "ele").Count(), Is.EqualTo(8));
        Assert.That(gpx.Root!.Attribute("version")!.Value, Is.EqualTo("1.1"));
    }

    [Test]
    public void Points_arrive_out_of_order_or_without_coordinates_and_are_sorted_or_dropped()
    {
        var activity = new RunkeeperFitnessActivity
        {
            LocalStartTime = new DateTime(2012, 7, 20, 9, 52, 29),
            Path = [P(20, "end"), P(0, "start"), new RunkeeperPathPoint { Timestamp = 5, Type = "gps" }, P(10, "gps")],
        };

        var gpx = Write(activity);

        var times = gpx.Descendants(Gpx + "trkpt").Select(p => p.Element(Gpx + "time")!.Value).ToList();
        Assert.That(times, Is.EqualTo(new[] { "2012-07-20T09:52:29Z", "2012-07-20T09:52:39Z", "2012-07-20T09:52:49Z" }), "no offset: the wall clock is written as UTC");
        Assert.That(gpx.Descendants(Tpx + "hr"), Is.Empty);
    }

    [Test]
    public void An_assumed_time_zone_places_an_activity_without_offset()
    {
        var activity = new RunkeeperFitnessActivity { LocalStartTime = new DateTime(2012, 7, 20, 9, 0, 0), Path = [P(0, "start"), P(1, "end")] };
        using var output = new MemoryStream();

        RunkeeperGpx.TryWrite(activity, output, TimeZoneInfo.CreateCustomTimeZone("Test/Plus2", TimeSpan.FromHours(2), "T", "T"));

        Assert.That(Encoding.UTF8.GetString(output.ToArray()), Does.Contain("<time>2012-07-20T07:00:00Z</time>"));
    }
}

using System.Xml.Linq;
using FitnessClients.Core.Activities;
using FitnessClients.Strava.Tests.Clients;
using FitnessClients.Testing;
using RichardSzalay.MockHttp;

namespace FitnessClients.Strava.Tests.Tracks;

public class StravaTrackFormatsTests
{
    private static readonly XNamespace Gpx = "http://www.topografix.com/GPX/1/1";
    private static readonly XNamespace Tpx = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1";
    private static readonly XNamespace Tcx = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2";
    private static readonly XNamespace Ax = "http://www.garmin.com/xmlschemas/ActivityExtension/v2";

    private static ActivitySummary Activity(string id, string name = "Run <&> \"fun\"") => new()
    {
        Service = "strava",
        Id = id,
        Name = name,
        Sport = "Run",
        StartTime = new DateTimeOffset(2025, 10, 18, 8, 49, 52, TimeSpan.FromHours(-4)),
        DistanceMeters = 20,
        ElapsedTime = TimeSpan.FromSeconds(2),
    };

    private static async Task<(StravaActivitySource Source, MockHttpMessageHandler Mock, StravaClient Client)> CreateAsync(string streamsJson)
    {
        var mock = new MockHttpMessageHandler();
        mock.When(StravaTestClient.Api + "activities/*/streams").Respond("application/json", streamsJson);
        var client = await StravaTestClient.CreateAsync(mock, new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56)), "activity:read_all");
        return (new StravaActivitySource(client), mock, client);
    }

    private static async Task<XDocument> ReadAsync(ActivityContent content)
    {
        Assert.That(content.IsAvailable, Is.True, content.UnavailableReason);
        using var reader = new StreamReader(content.Stream!);
        var text = await reader.ReadToEndAsync();
        Assert.That(text, Does.StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
        return XDocument.Parse(text);
    }

    [Test]
    public async Task Gpx_has_one_track_with_times_from_the_start_elevation_and_sensor_extensions()
    {
        var (source, mock, client) = await CreateAsync("""{"time":{"data":[0,2]},"latlng":{"data":[[40.1,-73.5],[40.2,-73.6]]},"altitude":{"data":[7.5,8.0]},"heartrate":{"data":[120,130.0]},"cadence":{"data":[80,82]},"temp":{"data":[21,22]}}""");
        using var _ = mock;
        using var __ = client;

        await using var content = await source.OpenAsync(Activity("1"), ActivityFormat.Gpx);
        var doc = await ReadAsync(content);

        var trk = doc.Root!.Elements(Gpx + "trk").Single();
        Assert.That(trk.Element(Gpx + "name")!.Value, Is.EqualTo("Run <&> \"fun\""), "escaped, then read back intact");
        var points = trk.Descendants(Gpx + "trkpt").ToList();
        Assert.That(points, Has.Count.EqualTo(2));
        Assert.That(points[1].Attribute("lat")!.Value, Is.EqualTo("40.2"));
        Assert.That(points[1].Attribute("lon")!.Value, Is.EqualTo("-73.6"));
        Assert.That(points[1].Element(Gpx + "ele")!.Value, Is.EqualTo("8"));
        Assert.That(points[1].Element(Gpx + "time")!.Value, Is.EqualTo("2025-10-18T12:49:54Z"));
        Assert.That(points[1].Descendants(Tpx + "hr").Single().Value, Is.EqualTo("130"));
        Assert.That(points[1].Descendants(Tpx + "cad").Single().Value, Is.EqualTo("82"));
        Assert.That(points[1].Descendants(Tpx + "atemp").Single().Value, Is.EqualTo("22"));
    }

    [Test]
    public async Task Tcx_works_without_gps_and_carries_power()
    {
        var (source, mock, client) = await CreateAsync("""{"time":{"data":[0,1]},"distance":{"data":[0,5.5]},"watts":{"data":[200,210]},"heartrate":{"data":[100,101]}}""");
        using var _ = mock;
        using var __ = client;

        await using var gpx = await source.OpenAsync(Activity("2"), ActivityFormat.Gpx);
        Assert.That(gpx.IsAvailable, Is.False);
        Assert.That(gpx.UnavailableReason, Does.Contain("no GPS"));

        await using var content = await source.OpenAsync(Activity("2"), ActivityFormat.Tcx);
        var doc = await ReadAsync(content);
        var activity = doc.Descendants(Tcx + "Activity").Single();
        Assert.That(activity.Attribute("Sport")!.Value, Is.EqualTo("Running"));
        Assert.That(activity.Element(Tcx + "Id")!.Value, Is.EqualTo("2025-10-18T12:49:52Z"));
        var points = doc.Descendants(Tcx + "Trackpoint").ToList();
        Assert.That(points, Has.Count.EqualTo(2));
        Assert.That(points[1].Element(Tcx + "DistanceMeters")!.Value, Is.EqualTo("5.5"));
        Assert.That(points[1].Descendants(Ax + "Watts").Single().Value, Is.EqualTo("210"));
        Assert.That(points[1].Element(Tcx + "HeartRateBpm")!.Element(Tcx + "Value")!.Value, Is.EqualTo("101"));
        Assert.That(activity.Element(Tcx + "Notes")!.Value, Is.EqualTo("Run <&> \"fun\""));
    }

    [Test]
    public async Task Manual_activities_have_no_track_and_cost_no_request()
    {
        var (source, mock, client) = await CreateAsync("{}");
        using var _ = mock;
        using var __ = client;
        var manual = Activity("3") with { Raw = System.Text.Json.JsonDocument.Parse("""{"manual":true}""").RootElement.Clone() };

        await using var gpx = await source.OpenAsync(manual, ActivityFormat.Gpx);
        await using var tcx = await source.OpenAsync(manual, ActivityFormat.Tcx);

        Assert.That(gpx.IsAvailable, Is.False);
        Assert.That(tcx.UnavailableReason, Does.Contain("no streams"));
    }
}

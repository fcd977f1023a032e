using FitnessClients.Core.Activities;
using FitnessClients.Strava.Tests.Clients;
using FitnessClients.Strava.Tests.Sources;
using FitnessClients.Testing;
using RichardSzalay.MockHttp;

namespace FitnessClients.Strava.Tests.Tracks;

/// <summary>The GPX built from streams has the shape the GPX 1.1 schema demands.</summary>
public class GpxSchemaShapeTests
{
    private static async Task<string> ReadAsync(ActivityContent content)
    {
        Assert.That(content.IsAvailable, Is.True, content.UnavailableReason);
        using var reader = new StreamReader(content.Stream!);
        return await reader.ReadToEndAsync();
    }

    [Test]
    public async Task Every_gpx_the_emulator_activities_give_has_the_gpx_1_1_shape()
    {
        var clock = new FakeTimeProvider(EmulatorClient.Start);
        var emulator = new StravaEmulator(clock, new StravaEmulatorOptions { ActivityCount = 25, Seed = 21, EmojiNameShare = 0.3 });
        using var client = await EmulatorClient.CreateAsync(emulator, clock);
        var source = new StravaActivitySource(client);

        // 25 activities stay inside one quarter hour's budget: nothing waits on the clock.
        var documents = new List<(string Id, string Text)>();
        await foreach (var activity in source.ListActivitiesAsync())
        {
            await using var content = await source.OpenAsync(activity, ActivityFormat.Gpx);
            if (content.IsAvailable)
            {
                documents.Add((activity.Id, await ReadAsync(content)));
            }
        }

        Assert.That(documents, Has.Count.EqualTo(emulator.Activities.Count(a => !a.IsManual && !a.IsTrainer)));
        foreach (var (id, text) in documents)
        {
            Assert.That(GpxSchemaShape.Check(text), Is.Empty, $"activity {id}");
            Assert.That(text, Does.Contain("<trkpt "));
        }

        Assert.That(documents.Any(d => d.Text.Contains("gpxtpx:hr", StringComparison.Ordinal)), Is.True, "some emulated activities have heart rate");
    }

    [Test]
    public async Task A_gpx_with_every_sensor_stream_keeps_the_schema_shape()
    {
        using var mock = new MockHttpMessageHandler();
        mock.When(StravaTestClient.Api + "activities/*/streams").Respond("application/json",
            """{"time":{"data":[0,1,3]},"latlng":{"data":[[40.1,-73.5],[40.2,-73.6],[40.3,-73.7]]},"altitude":{"data":[7.5,8.0,8.5]},"heartrate":{"data":[120,130.0,131]},"cadence":{"data":[80,82,84]},"watts":{"data":[200,210,null]},"temp":{"data":[21,22,22]}}""");
        using var client = await StravaTestClient.CreateAsync(mock, new FakeTimeProvider(EmulatorClient.Start), "activity:read_all");
        var activity = new ActivitySummary
        {
            Service = "strava",
            Id = "1",
            Name = "Ride & <coffee> 🚴‍♀️",
            Sport = "Ride",
            StartTime = new DateTimeOffset(2025, 10, 18, 8, 49, 52, TimeSpan.FromHours(2)),
        };

        await using var content = await new StravaActivitySource(client).OpenAsync(activity, ActivityFormat.Gpx);
        var text = await ReadAsync(content);

        Assert.That(GpxSchemaShape.Check(text), Is.Empty);
        Assert.That(text, Does.Contain("PowerInWatts>200<"), "power kept, in a foreign namespace");
        Assert.That(text, Does.Not.Contain("<power>"));
    }

    [TestCase("<?xml version=\"1.0\"?><gpx xmlns=\"http://www.topografix.com/GPX/1/1\" version=\"1.1\" creator=\"x\"><trk><trkseg><trkpt lat=\"1\" lon=\"2\"><time>2025-01-01T00:00:02Z</time></trkpt><trkpt lat=\"1\" lon=\"2\"><time>2025-01-01T00:00:01Z</time></trkpt></trkseg></trk></gpx>", "not after")]
    [TestCase("<?xml version=\"1.0\"?><gpx xmlns=\"http://www.topografix.com/GPX/1/1\" version=\"1.1\" creator=\"x\"><trk><trkseg><trkpt lat=\"1\" lon=\"2\"><time>2025-01-01T00:00:02Z</time><ele>3</ele></trkpt></trkseg></trk></gpx>", "against the schema's order")]
    [TestCase("<?xml version=\"1.0\"?><gpx xmlns=\"http://www.topografix.com/GPX/1/1\" version=\"1.1\" creator=\"x\"><trk><trkseg><trkpt lat=\"1\" lon=\"2\"><time>2025-01-01T00:00:02Z</time><extensions><power>3</power></extensions></trkpt></trkseg></trk></gpx>", "foreign namespace")]
    [TestCase("<?xml version=\"1.0\"?><gpx xmlns=\"http://www.topografix.com/GPX/1/1\" version=\"1.1\"><trk><trkseg><trkpt lat=\"1\" lon=\"2\"><time>2025-01-01T00:00:02Z</time></trkpt></trkseg></trk></gpx>", "creator")]
    [TestCase("<?xml version=\"1.0\"?><gpx xmlns=\"http://www.topografix.com/GPX/1/0\" version=\"1.1\" creator=\"x\"/>", "root is")]
    [TestCase("<gpx xmlns=\"http://www.topografix.com/GPX/1/1\" version=\"1.1\" creator=\"x\"><trk><trkseg/></trk></gpx>", "declaration")]
    [TestCase("<?xml version=\"1.0\"?><gpx xmlns=\"http://www.topografix.com/GPX/1/1\" version=\"1.1\" creator=\"x\"><trk><trkseg><trkpt lat=\"91\" lon=\"2\"><time>2025-01-01T00:00:02Z</time></trkpt></trkseg></trk></gpx>", "@lat")]
    [TestCase("<?xml version=\"1.0\"?><gpx xmlns=\"http://www.topografix.com/GPX/1/1\" version=\"1.1\" creator=\"x\"><trk><trkseg/></trk><trk><trkseg/></trk></gpx>", "2 trk")]
    public void The_shape_check_finds_what_the_schema_forbids(string gpx, string expected)
    {
        Assert.That(GpxSchemaShape.Check(gpx), Has.Some.Contains(expected));
    }
}

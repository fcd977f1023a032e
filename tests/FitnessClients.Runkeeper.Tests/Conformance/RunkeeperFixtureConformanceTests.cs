using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using FitnessClients.Runkeeper.Models;
using FitnessClients.Testing;
using RichardSzalay.MockHttp;

namespace FitnessClients.Runkeeper.Tests.Conformance;

/// <summary>
/// The models and the client over real Health Graph replies kept in ../shared/reference/fixtures/runkeeper (skipped
/// when absent). The 2012 feed pages end with a trailing comma (<c>"size": 83,}</c>) and must still be read.
/// </summary>
public class RunkeeperFixtureConformanceTests
{
    private static T Read<T>(string fixture) => JsonSerializer.Deserialize(RunkeeperFixtures.Read(fixture), RunkeeperJson.Info<T>())!;

    [TestCase("HealthGraphNet__userinfo.json", 42240902L)]
    [TestCase("kennyma_health_graph__user_get.json", 5568845L)]
    public void User_documents_name_the_feed(string fixture, long userId)
    {
        var user = Read<RunkeeperUser>(fixture);

        Assert.That(user.UserId, Is.EqualTo(userId));
        Assert.That(user.FitnessActivities, Is.EqualTo("/fitnessActivities"));
        Assert.That(user.Records, Is.EqualTo("/records"));
    }

    [TestCase("Oddleif_runkeeper-sdk-for-net__feed_page0_TRAILING_COMMA.json.txt", null, "page=1")]
    [TestCase("Oddleif_runkeeper-sdk-for-net__feed_page1_TRAILING_COMMA.json.txt", "page=0", "page=2")]
    public void Feed_pages_with_a_trailing_comma_are_read(string fixture, string? previous, string next)
    {
        var text = RunkeeperFixtures.Read(fixture);
        Assert.That(text.TrimEnd(), Does.EndWith(",}"), "the fixture keeps its trailing comma");

        var page = JsonSerializer.Deserialize(text, RunkeeperJson.Info<RunkeeperFeedPage>())!;

        Assert.That(page.Size, Is.EqualTo(83));
        Assert.That(page.Items, Has.Count.EqualTo(2));
        Assert.That(page.Next, Does.Contain(next).And.Contain("pageSize=2").And.Contain("modifiedNoLaterThan=2012-07-22"));
        Assert.That(page.Previous, previous is null ? Is.Null : Does.Contain(previous));
        Assert.That(page.Items!.Select(i => i.LocalStartTime), Is.All.Not.Null);
        Assert.That(page.Items!.Select(i => i.StartTime), Is.All.Null, "2012 feeds have no utc_offset");
    }

    [Test]
    public void The_2011_feed_and_the_2016_items_are_read_with_their_offsets()
    {
        var feed = Read<RunkeeperFeedPage>("kennyma_health_graph__fitness_activities_feed.json");
        var items = Read<IReadOnlyList<RunkeeperFeedItem>>("nmackay132_FitnessStats__feed_items_2016.json");

        Assert.That(feed.Size, Is.EqualTo(5));
        Assert.That(feed.Next, Is.Null);
        Assert.That(feed.Items![0].Id, Is.EqualTo("52367938"));
        Assert.That(feed.Items[0].LocalStartTime, Is.EqualTo(new DateTime(2011, 9, 15, 13, 28, 59)));
        Assert.That(items[0].StartTime, Is.EqualTo(new DateTimeOffset(2016, 6, 25, 20, 17, 23, TimeSpan.FromHours(-4))));
        Assert.That(items[2].StartTime!.Value.UtcDateTime, Is.EqualTo(new DateTime(2016, 5, 20, 21, 25, 31, DateTimeKind.Utc)));
        Assert.That(items.Select(i => i.HasPath), Is.All.True);
        Assert.That(items[0].EntryMode, Is.EqualTo("API"));
    }

    [Test]
    public void The_full_activity_fixture_reads_and_has_no_path_to_write()
    {
        var activity = Read<RunkeeperFitnessActivity>("kennyma_health_graph__fitness_activity.json");

        Assert.That(activity.Id, Is.EqualTo("52367938"));
        Assert.That(activity.UserId, Is.EqualTo(5362813));
        Assert.That(activity.TotalCalories, Is.EqualTo(1983));
        Assert.That(activity.Path, Is.Empty);
        Assert.That(activity.ExtensionData, Does.ContainKey("nearest_background_activity"));
        using var output = new MemoryStream();
        Assert.That(RunkeeperGpx.TryWrite(activity, output), Is.False);
        Assert.That(output.Length, Is.Zero);
    }

    [Test]
    public void The_new_activity_body_has_a_path_that_becomes_a_two_point_gpx()
    {
        var activity = Read<RunkeeperFitnessActivity>("kennyma_health_graph__new_fitness_activity_params.json");
        using var output = new MemoryStream();

        Assert.That(RunkeeperGpx.TryWrite(activity, output), Is.True);

        var gpx = XDocument.Parse(Encoding.UTF8.GetString(output.ToArray()));
        XNamespace ns = "http://www.topografix.com/GPX/1/1";
        var points = gpx.Descendants(ns + "trkpt").ToList();
        Assert.That(points, Has.Count.EqualTo(2));
        Assert.That(points.Select(p => p.Element(ns + "time")!.Value), Is.EqualTo(new[] { "2011-01-01T00:00:00Z", "2011-01-01T00:00:08Z" }));
        Assert.That(points.Select(p => p.Element(ns + "ele")), Is.All.Null, "altitude 0 everywhere means none");
    }

    [Test]
    public async Task The_client_follows_the_recorded_2012_pages_through_next()
    {
        var page0 = RunkeeperFixtures.Read("Oddleif_runkeeper-sdk-for-net__feed_page0_TRAILING_COMMA.json.txt");
        var page1 = RunkeeperFixtures.Read("Oddleif_runkeeper-sdk-for-net__feed_page1_TRAILING_COMMA.json.txt");
        var user = RunkeeperFixtures.Read("HealthGraphNet__userinfo.json");
        var mock = new MockHttpMessageHandler();
        HttpContent Content(string json) => new StringContent(json, Encoding.UTF8, "application/json");
        mock.When(HttpMethod.Get, RunkeeperTestClient.Api + "user").Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = Content(user) });
        mock.When(HttpMethod.Get, RunkeeperTestClient.Api + "fitnessActivities").WithQueryString("page", "1").Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = Content(page1) });
        mock.When(HttpMethod.Get, RunkeeperTestClient.Api + "fitnessActivities").WithQueryString("page", "2")
            .Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = Content("""{"items":[],"previous":"/fitnessActivities?page=1&pageSize=2","size":4}""") });
        mock.When(HttpMethod.Get, RunkeeperTestClient.Api + "fitnessActivities").Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = Content(page0) });
        var (client, _) = await RunkeeperTestClient.CreateAsync(mock, new FakeTimeProvider(FakeTimeDefaults.Start), RunkeeperTestClient.NewToken());
        using var _client = client;

        var ids = new List<string?>();
        await foreach (var item in client.FitnessActivities.ListAsync(pageSize: 2))
        {
            ids.Add(item.Id);
        }

        Assert.That(ids, Is.EqualTo(new[] { "103227434", "103032067", "102760570", "102578176" }));
    }
}

using System.Net;
using FitnessClients.Core;
using FitnessClients.Core.Activities;
using FitnessClients.Strava.Clients;
using FitnessClients.Strava.Models;
using FitnessClients.Testing;
using RichardSzalay.MockHttp;

namespace FitnessClients.Strava.Tests.Clients;

public class StravaClientTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static string Page(int count, long firstId) =>
        "[" + string.Join(",", Enumerable.Range(0, count).Select(i =>
            $$$"""{"id":{{{firstId - i}}},"name":"A{{{i}}}","sport_type":"Run","start_date":"2026-03-01T12:00:00Z","start_date_local":"2026-03-01T13:00:00Z","utc_offset":3600.0,"distance":1000.5,"moving_time":300,"elapsed_time":310,"map":{"summary_polyline":"abc"}}""")) + "]";

    [Test]
    public async Task Listing_pages_200_at_a_time_with_epoch_after_and_bearer_token_until_a_short_page()
    {
        using var mock = new MockHttpMessageHandler();
        var after = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        mock.Expect(HttpMethod.Get, StravaTestClient.Api + "athlete/activities")
            .WithExactQueryString($"after={after.ToUnixTimeSeconds()}&page=1&per_page=200")
            .WithHeaders("Authorization", "Bearer " + StravaTestClient.AccessToken)
            .Respond("application/json", Page(200, 17_000_000_000));
        mock.Expect(HttpMethod.Get, StravaTestClient.Api + "athlete/activities")
            .WithExactQueryString($"after={after.ToUnixTimeSeconds()}&page=2&per_page=200")
            .Respond("application/json", Page(3, 16_000_000_000));
        using var client = await StravaTestClient.CreateAsync(mock, new FakeTimeProvider(Now), "read", "activity:read_all");

        var items = new List<StravaSummaryActivity>();
        await foreach (var a in client.Activities.ListAsync(after: after))
        {
            items.Add(a);
        }

        mock.VerifyNoOutstandingExpectation();
        Assert.That(items, Has.Count.EqualTo(203));
        Assert.That(items[0].Id, Is.EqualTo(17_000_000_000));
        Assert.That(items[0].StartTime, Is.EqualTo(new DateTimeOffset(2026, 3, 1, 13, 0, 0, TimeSpan.FromHours(1))));
    }

    [Test]
    public async Task Listing_without_activity_read_all_fails_with_the_missing_scope_instead_of_a_short_list()
    {
        using var mock = new MockHttpMessageHandler();
        var list = mock.When(StravaTestClient.Api + "athlete/activities").Respond("application/json", "[]");
        using var client = await StravaTestClient.CreateAsync(mock, new FakeTimeProvider(Now), "read", "activity:read");

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(async () =>
        {
            await foreach (var _ in client.Activities.ListAsync())
            {
            }
        });

        Assert.That(ex!.Message, Does.Contain("activity:read_all"));
        Assert.That(ex.Message, Does.Not.Contain(StravaTestClient.AccessToken));
        Assert.That(mock.GetMatchCount(list), Is.Zero);
        var publicOnly = new List<StravaSummaryActivity>();
        await foreach (var a in client.Activities.ListAsync(includePrivate: false))
        {
            publicOnly.Add(a);
        }

        Assert.That(mock.GetMatchCount(list), Is.EqualTo(1), "public-only listing is allowed with activity:read");
    }

    [Test]
    public async Task Streams_ask_once_with_comma_joined_keys_and_key_by_type()
    {
        using var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, StravaTestClient.Api + "activities/16181809559/streams")
            .WithExactQueryString("key_by_type=true&keys=time,latlng,heartrate")
            .Respond("application/json", """{"time":{"data":[0,1],"series_type":"distance","original_size":2,"resolution":"high"},"latlng":{"data":[[1.5,2.5],[1.6,2.6]]}}""");
        using var client = await StravaTestClient.CreateAsync(mock, new FakeTimeProvider(Now), "activity:read_all");

        var set = await client.Streams.GetAsync(16181809559, [StravaStreamTypes.Time, StravaStreamTypes.LatLng, StravaStreamTypes.Heartrate]);

        mock.VerifyNoOutstandingExpectation();
        Assert.That(set.Time, Is.EqualTo(new int?[] { 0, 1 }));
        Assert.That(set.LatLng![1], Is.EqualTo(new StravaLatLng(1.6, 2.6)));
        Assert.That(set.Heartrate, Is.Null);
    }

    [Test]
    public async Task Detail_photos_gear_and_stats_use_their_paths()
    {
        using var mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
        mock.Expect(StravaTestClient.Api + "activities/7142833299").WithExactQueryString("include_all_efforts=true").Respond("application/json", """{"id":7142833299,"description":"x"}""");
        mock.Expect(StravaTestClient.Api + "activities/7142833299/photos").WithExactQueryString("photo_sources=true&size=5000")
            .Respond("application/json", """[{"unique_id":"u1","urls":{"100":"https://cdn.test/small.jpg","5000":"https://cdn.test/big.jpg"}}]""");
        var gear = mock.When(StravaTestClient.Api + "gear/g3423618").Respond("application/json", """{"id":"g3423618","retired":true,"distance":966309}""");
        mock.Expect(StravaTestClient.Api + "athletes/26462176/stats").Respond("application/json", """{"all_run_totals":{"count":3,"moving_time":474287.0}}""");
        var image = mock.When("https://cdn.test/big.jpg").Respond(_ =>
        {
            Assert.That(_.Headers.Authorization, Is.Null, "the token never goes to the CDN");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1, 2, 3]) };
        });
        using var client = await StravaTestClient.CreateAsync(mock, new FakeTimeProvider(Now), "activity:read_all");

        var detail = await client.Activities.GetAsync(7142833299, includeAllEfforts: true);
        var photos = await client.Photos.ListAsync(7142833299);
        await using var bytes = await client.Photos.OpenImageAsync(photos[0]);
        var g1 = await client.Gear.GetAsync("g3423618");
        var g2 = await client.Gear.GetAsync("g3423618");
        var stats = await client.Athlete.GetStatsAsync(26462176);

        mock.VerifyNoOutstandingExpectation();
        Assert.That(detail.Description, Is.EqualTo("x"));
        Assert.That(bytes.Length, Is.EqualTo(3));
        Assert.That(mock.GetMatchCount(image), Is.EqualTo(1));
        Assert.That(g2, Is.SameAs(g1));
        Assert.That(g1.Retired, Is.True);
        Assert.That(mock.GetMatchCount(gear), Is.EqualTo(1), "gear is cached per id");
        Assert.That(stats.AllRunTotals!.MovingTime, Is.EqualTo(474287));
    }

    [Test]
    public async Task Upload_posts_multipart_then_polls_on_the_client_clock_until_ready()
    {
        using var mock = new MockHttpMessageHandler();
        string? posted = null;
        mock.Expect(HttpMethod.Post, StravaTestClient.Api + "uploads").Respond(async r =>
        {
            posted = await r.Content!.ReadAsStringAsync();
            return new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("""{"id":8919698041,"status":"Your activity is still being processed."}""") };
        });
        mock.Expect(StravaTestClient.Api + "uploads/8919698041").Respond("application/json", """{"id":8919698041,"status":"Your activity is still being processed."}""");
        mock.Expect(StravaTestClient.Api + "uploads/8919698041").Respond("application/json", """{"id":8919698041,"status":"Your activity is ready.","activity_id":8319193780}""");
        var clock = new TimerTrackingTimeProvider(Now);
        using var client = await StravaTestClient.CreateAsync(mock, clock, "activity:write", "activity:read_all");

        using var file = new MemoryStream("<gpx/>"u8.ToArray());
        var created = await client.Uploads.CreateAsync(file, "gpx", name: "Morning", externalId: "ext-1");
        var done = await RateLimits.FakeClockDriver.RunAsync(clock, () => client.Uploads.WaitAsync(created, TimeSpan.FromSeconds(1)));

        mock.VerifyNoOutstandingExpectation();
        Assert.That(done.ActivityId, Is.EqualTo(8319193780));
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Now.AddSeconds(2)));
        Assert.That(posted, Does.Contain("name=file").And.Contain("name=data_type").And.Contain("gpx").And.Contain("name=external_id").And.Contain("ext-1"));
    }

    [Test]
    public async Task Activity_source_maps_summaries_and_opens_json_formats()
    {
        using var mock = new MockHttpMessageHandler();
        mock.When(StravaTestClient.Api + "athlete/activities").Respond("application/json",
            """[{"id":16181809559,"name":"Run","sport_type":"TrailRun","type":"Run","start_date":"2025-10-18T12:49:52Z","start_date_local":"2025-10-18T08:49:52Z","utc_offset":-14400.0,"distance":22601.3,"moving_time":7772,"elapsed_time":7792,"map":{"summary_polyline":"k~w"}},{"id":16185205521,"name":"Manual","sport_type":"Yoga","manual":true,"start_date":"2025-10-18T10:00:00Z","start_date_local":"2025-10-18T06:00:00Z","map":{"summary_polyline":""},"start_latlng":[]}]""");
        var streams = mock.When(StravaTestClient.Api + "activities/16181809559/streams").Respond("application/json", """{"time":{"data":[0]}}""");
        using var client = await StravaTestClient.CreateAsync(mock, new FakeTimeProvider(Now), "activity:read_all");
        var source = new StravaActivitySource(client);

        var list = new List<ActivitySummary>();
        await foreach (var a in source.ListActivitiesAsync())
        {
            list.Add(a);
        }

        Assert.That(list, Has.Count.EqualTo(2));
        Assert.That(list[0].Id, Is.EqualTo("16181809559"));
        Assert.That(list[0].Sport, Is.EqualTo("TrailRun"));
        Assert.That(list[0].StartTime, Is.EqualTo(new DateTimeOffset(2025, 10, 18, 8, 49, 52, TimeSpan.FromHours(-4))));
        Assert.That(list[0].MovingTime, Is.EqualTo(TimeSpan.FromSeconds(7772)));
        Assert.That(list[0].HasGpsTrack, Is.True);
        Assert.That(list[1].HasGpsTrack, Is.False);

        await using (var summary = await source.OpenAsync(list[0], StravaActivityFormats.SummaryJson))
        {
            using var reader = new StreamReader(summary.Stream!);
            Assert.That(await reader.ReadToEndAsync(), Does.Contain("\"utc_offset\":-14400.0"));
        }

        await using (var s = await source.OpenAsync(list[0], StravaActivityFormats.StreamsJson))
        {
            Assert.That(s.IsAvailable, Is.True);
        }

        await using var manual = await source.OpenAsync(list[1], StravaActivityFormats.StreamsJson);
        Assert.That(manual.IsAvailable, Is.False);
        Assert.That(manual.UnavailableReason, Does.Contain("no streams"));
        Assert.That(mock.GetMatchCount(streams), Is.EqualTo(1));
    }
}

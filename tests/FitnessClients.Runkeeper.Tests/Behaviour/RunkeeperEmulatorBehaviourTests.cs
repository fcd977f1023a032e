using System.Net;
using System.Xml.Linq;
using FitnessClients.Core;
using FitnessClients.Core.Activities;
using FitnessClients.Core.OAuth;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Core.Tokens;
using FitnessClients.Runkeeper.Auth;
using FitnessClients.Runkeeper.RateLimits;
using FitnessClients.Testing;

namespace FitnessClients.Runkeeper.Tests.Behaviour;

/// <summary>The client against the Runkeeper emulator: the feed to its end, trailing commas, offsets, GPX, 429 cooldown, OAuth.</summary>
public class RunkeeperEmulatorBehaviourTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 8, 3, 0, TimeSpan.Zero);
    private static readonly XNamespace Gpx = "http://www.topografix.com/GPX/1/1";
    private static readonly XNamespace Tpx = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1";

    private static async Task<List<ActivitySummary>> ListAllAsync(IActivitySource source, ActivityListOptions? options = null)
    {
        var list = new List<ActivitySummary>();
        await foreach (var activity in source.ListActivitiesAsync(options))
        {
            list.Add(activity);
        }

        return list;
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task The_feed_is_followed_to_its_end_newest_first_with_real_offsets(bool trailingCommas)
    {
        var clock = new TimerTrackingTimeProvider(Start);
        var emulator = new RunkeeperEmulator(clock, new RunkeeperEmulatorOptions { ActivityCount = 23, TrailingCommas = trailingCommas, StrictMediaTypes = true });
        var (client, _) = await RunkeeperTestClient.ForEmulatorAsync(emulator, clock, configure: o => o.PageSize = 5);
        using var _client = client;

        var listed = await ListAllAsync(new RunkeeperActivitySource(client));

        var expected = emulator.Activities;
        Assert.That(listed.Select(a => a.Id), Is.EqualTo(expected.Select(a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.That(listed.Select(a => a.StartTime.Offset), Is.EqualTo(expected.Select(a => a.StartLocal.Offset)));
        Assert.That(listed.Select(a => a.StartTime.UtcDateTime), Is.EqualTo(expected.Select(a => a.StartUtc.UtcDateTime)));
        Assert.That(emulator.Requests.Count(HttpMethod.Get, "/user"), Is.EqualTo(1));
        Assert.That(emulator.Requests.Count(HttpMethod.Get, "/fitnessActivities"), Is.EqualTo(5), "23 items at 5 per page");
        Assert.That(emulator.Requests.Where(r => r.StatusCode != HttpStatusCode.OK), Is.Empty);
    }

    [Test]
    public async Task Date_filters_are_sent_as_local_dates_and_applied_exactly_to_instants()
    {
        var clock = new TimerTrackingTimeProvider(Start);
        var emulator = new RunkeeperEmulator(clock, new RunkeeperEmulatorOptions { ActivityCount = 80 });
        var (client, _) = await RunkeeperTestClient.ForEmulatorAsync(emulator, clock);
        using var _client = client;
        var all = emulator.Activities;
        var after = all[50].StartUtc;
        var before = all[10].StartUtc;

        var listed = await ListAllAsync(new RunkeeperActivitySource(client), new ActivityListOptions { After = after, Before = before });

        Assert.That(listed.Select(a => a.Id), Is.EqualTo(all.Where(a => a.StartUtc >= after && a.StartUtc < before).Select(a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var feed = emulator.Requests.Where(HttpMethod.Get, "/fitnessActivities")[0];
        Assert.That(feed.Query, Does.Contain("noEarlierThan=" + after.UtcDateTime.AddHours(-12).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(feed.Query, Does.Contain("noLaterThan=" + before.UtcDateTime.AddHours(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task The_emulator_refuses_another_runkeeper_media_type_and_in_strict_mode_a_missing_one()
    {
        var clock = new TimerTrackingTimeProvider(Start);
        var emulator = new RunkeeperEmulator(clock);
        using var http = emulator.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", emulator.IssueAccessToken());

        using var lenient = await http.GetAsync(new Uri("user", UriKind.Relative));
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "user");
        wrong.Headers.Accept.ParseAdd(RunkeeperMediaTypes.FitnessActivityFeed);
        using var refused = await http.SendAsync(wrong);
        emulator.Options.StrictMediaTypes = true;
        using var strict = await http.GetAsync(new Uri("user", UriKind.Relative));

        Assert.That(lenient.StatusCode, Is.EqualTo(HttpStatusCode.OK), "observed in 2018: no Accept still gets JSON");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(strict.StatusCode, Is.EqualTo(HttpStatusCode.NotAcceptable));
    }

    [Test]
    public async Task Gpx_has_one_segment_per_pause_times_from_the_start_and_heart_rate_in_the_garmin_extension()
    {
        var clock = new TimerTrackingTimeProvider(Start);
        var emulator = new RunkeeperEmulator(clock, new RunkeeperEmulatorOptions { ActivityCount = 40, PauseShare = 0.7, HeartRateShare = 0.7, ManualShare = 0.1 });
        var (client, _) = await RunkeeperTestClient.ForEmulatorAsync(emulator, clock);
        using var _client = client;
        var source = new RunkeeperActivitySource(client);
        var listed = await ListAllAsync(source);
        var target = emulator.Activities.First(a => a.PauseCount == 2 && a.HasHeartRate);
        var summary = listed.Single(a => a.Id == target.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await using var content = await source.OpenAsync(summary, RunkeeperActivityFormats.Gpx);

        Assert.That(content.IsAvailable, Is.True, content.UnavailableReason);
        using var reader = new StreamReader(content.Stream!);
        var text = await reader.ReadToEndAsync();
        Assert.That(text, Does.StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
        var gpx = XDocument.Parse(text);
        var segments = gpx.Descendants(Gpx + "trkseg").ToList();
        Assert.That(segments, Has.Count.EqualTo(3));
        var path = emulator.GetPath(target);
        var points = segments.SelectMany(s => s.Elements(Gpx + "trkpt")).ToList();
        Assert.That(points, Has.Count.EqualTo(path.Count));
        for (var i = 0; i < path.Count; i++)
        {
            var time = DateTimeOffset.Parse(points[i].Element(Gpx + "time")!.Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.That(time, Is.EqualTo(target.StartUtc.AddSeconds(path[i].Timestamp)).Within(TimeSpan.FromMilliseconds(1)));
            var hr = points[i].Descendants(Tpx + "hr").Single();
            Assert.That(int.Parse(hr.Value, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(RunkeeperEmulator.HeartRateAt(path[i].Timestamp)).Within(1));
        }

        Assert.That(segments[0].Elements(Gpx + "trkpt").Last().Element(Gpx + "time")!.Value, Is.Not.EqualTo(segments[1].Elements(Gpx + "trkpt").First().Element(Gpx + "time")!.Value),
            "the resume point comes after the pause gap");
    }

    [Test]
    public async Task A_manual_activity_has_no_gpx_and_details_and_gpx_cost_one_request()
    {
        var clock = new TimerTrackingTimeProvider(Start);
        var emulator = new RunkeeperEmulator(clock, new RunkeeperEmulatorOptions { ActivityCount = 30, ManualShare = 0.3 });
        var (client, _) = await RunkeeperTestClient.ForEmulatorAsync(emulator, clock);
        using var _client = client;
        var source = new RunkeeperActivitySource(client);
        var listed = await ListAllAsync(source);
        var manual = listed.First(a => !a.HasGpsTrack);
        var gps = listed.First(a => a.HasGpsTrack);
        var before = emulator.Requests.Count();

        await using var noGpx = await source.OpenAsync(manual, RunkeeperActivityFormats.Gpx);
        await using var details = await source.OpenAsync(gps, RunkeeperActivityFormats.DetailsJson);
        await using var gpx = await source.OpenAsync(gps, RunkeeperActivityFormats.Gpx);

        Assert.That(noGpx.IsAvailable, Is.False);
        Assert.That(noGpx.UnavailableReason, Does.Contain("no GPS path"));
        Assert.That(details.IsAvailable && gpx.IsAvailable, Is.True);
        Assert.That(emulator.Requests.Count() - before, Is.EqualTo(1));
    }

    [Test]
    public async Task A_legacy_feed_without_utc_offset_keeps_the_wall_clock_or_uses_the_assumed_zone()
    {
        var clock = new TimerTrackingTimeProvider(Start);
        var emulator = new RunkeeperEmulator(clock, new RunkeeperEmulatorOptions { ActivityCount = 6, LegacyShape = true });
        var (plain, _) = await RunkeeperTestClient.ForEmulatorAsync(emulator, clock);
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test/Minus3", TimeSpan.FromHours(-3), "Test", "Test");
        var (zoned, _) = await RunkeeperTestClient.ForEmulatorAsync(emulator, clock, configure: o => o.AssumedTimeZone = zone);
        using var _plain = plain;
        using var _zoned = zoned;

        var wallClock = await ListAllAsync(new RunkeeperActivitySource(plain));
        var assumed = await ListAllAsync(new RunkeeperActivitySource(zoned));

        var expected = emulator.Activities;
        Assert.That(wallClock.Select(a => a.StartTime.DateTime), Is.EqualTo(expected.Select(a => a.StartLocal.DateTime)));
        Assert.That(wallClock.Select(a => a.StartTime.Offset), Is.All.EqualTo(TimeSpan.Zero));
        Assert.That(assumed.Select(a => a.StartTime.Offset), Is.All.EqualTo(TimeSpan.FromHours(-3)));
        Assert.That(assumed.Select(a => a.StartTime.DateTime), Is.EqualTo(expected.Select(a => a.StartLocal.DateTime)));
    }

    [Test]
    public async Task A_429_closes_the_quarter_hour_and_the_listing_resumes_at_the_next_boundary()
    {
        var clock = new TimerTrackingTimeProvider(Start);
        var emulator = new RunkeeperEmulator(clock, new RunkeeperEmulatorOptions { ActivityCount = 30, RequestsPerQuarterHour = 4 });
        var policy = RunkeeperRateLimits.CreatePolicy(clock, requestsPerQuarterHour: 100);
        var (client, _) = await RunkeeperTestClient.ForEmulatorAsync(emulator, clock, policy, o => o.PageSize = 5);
        using var _client = client;

        var listed = await clock.RunUntilCompletedAsync(ListAllAsync(new RunkeeperActivitySource(client)), maxAdvance: TimeSpan.FromMinutes(20));

        Assert.That(listed, Has.Count.EqualTo(30));
        var rejected = emulator.Requests.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.That(rejected, Has.Count.EqualTo(1), "one 429, then a wait: no hammering");
        var boundary = new DateTimeOffset(2026, 5, 4, 8, 15, 0, TimeSpan.Zero);
        var afterRejection = emulator.Requests.Where(r => r.Sequence > rejected[0].Sequence).ToList();
        Assert.That(afterRejection, Is.Not.Empty);
        Assert.That(afterRejection.Select(r => r.ReceivedAt), Is.All.GreaterThanOrEqualTo(boundary));
        Assert.That(afterRejection.Select(r => r.ReceivedAt), Is.All.LessThan(boundary.AddSeconds(5)));
    }

    [Test]
    public async Task In_throw_mode_a_429_becomes_a_rate_limit_error_naming_the_next_quarter_hour()
    {
        var clock = new TimerTrackingTimeProvider(Start);
        var emulator = new RunkeeperEmulator(clock, new RunkeeperEmulatorOptions { ActivityCount = 30, RequestsPerQuarterHour = 2 });
        var policy = RunkeeperRateLimits.CreatePolicy(clock, 100, RateLimitExhaustionBehavior.Throw);
        var (client, _) = await RunkeeperTestClient.ForEmulatorAsync(emulator, clock, policy, o => o.PageSize = 5);
        using var _client = client;

        var error = Assert.ThrowsAsync<RateLimitExceededException>(() => ListAllAsync(new RunkeeperActivitySource(client)));

        Assert.That(error!.ResumeAt, Is.EqualTo(new DateTimeOffset(2026, 5, 4, 8, 15, 0, TimeSpan.Zero)));
        Assert.That(error.Message, Does.Contain("15 minutes"));
        Assert.That(policy.GetStatus().CooldownUntil, Is.EqualTo(new DateTimeOffset(2026, 5, 4, 8, 15, 0, TimeSpan.Zero)));
    }

    [Test]
    public async Task The_code_exchange_against_the_emulator_gives_a_working_token_and_deauthorize_revokes_it()
    {
        var clock = new TimerTrackingTimeProvider(Start);
        var emulator = new RunkeeperEmulator(clock, new RunkeeperEmulatorOptions { ActivityCount = 3 });
        var store = new InMemoryTokenStore();
        var options = new RunkeeperClientOptions
        {
            TokenStore = store,
            ClientId = emulator.RegisteredClientId,
            ClientSecret = emulator.RegisteredClientSecret,
            PrimaryHandler = emulator.CreateHandler(),
            TimeProvider = clock,
            RateLimitPolicy = RunkeeperRateLimits.CreatePolicy(clock),
        };
        options.Resilience.Enabled = false;
        using var auth = new RunkeeperAuthenticator(options);
        var redirect = new Uri("http://127.0.0.1:9/runkeeper/authorized");
        var request = auth.CreateAuthorizationRequest(redirect);
        using var browser = emulator.CreateClient();
        using var page = await browser.GetAsync(request.BuildUri());
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        var callback = AuthorizationCallback.ParseRedirectUrl(page.Headers.Location!.AbsoluteUri, request.State);

        var token = await auth.ExchangeCodeAsync(callback, redirect);
        using (var client = RunkeeperClient.Create(options))
        {
            Assert.That((await client.User.GetAsync()).UserId, Is.EqualTo(emulator.UserId));
        }

        Assert.That(token.ExpiresAt, Is.Null);
        Assert.That(await auth.DeauthorizeAsync(), Is.True);
        Assert.That(emulator.Deauthorizations, Is.EqualTo(1));
        Assert.That(emulator.OAuth.IsValidAccessToken(token.AccessToken), Is.False);
        await store.SaveAsync("default", token);
        using var after = RunkeeperClient.Create(options);
        Assert.ThrowsAsync<AuthenticationRequiredException>(() => after.User.GetAsync());
    }
}

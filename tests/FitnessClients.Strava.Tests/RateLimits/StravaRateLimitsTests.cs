using System.Net;
using FitnessClients.Core;
using FitnessClients.Core.Http;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Strava.Http;
using FitnessClients.Strava.RateLimits;
using FitnessClients.Testing;

namespace FitnessClients.Strava.Tests.RateLimits;

public class StravaRateLimitsTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static HttpClient CreateClient(KitStravaEmulator emulator, RateLimitPolicy policy, TimeProvider clock) =>
        new(new RateLimitHandler(policy)
        {
            InnerHandler = new ErrorMappingHandler(StravaErrorMapping.CreateOptions(), clock) { InnerHandler = emulator.CreateHandler() },
        })
        { BaseAddress = emulator.DefaultBaseAddress };

    [Test]
    public async Task A_350_activity_backup_never_hits_429_and_uses_each_full_read_window()
    {
        var clock = new TimerTrackingTimeProvider(Start);
        var emulator = new KitStravaEmulator(clock);
        var policy = StravaRateLimits.CreatePolicy(clock);
        using var http = CreateClient(emulator, policy, clock);
        var sentAt = new List<DateTimeOffset>();

        await FakeClockDriver.RunAsync(clock, async () =>
        {
            // 2 list pages, then detail + streams per activity: 702 reads.
            for (var page = 1; page <= 2; page++)
            {
                using var list = await http.GetAsync(new Uri($"athlete/activities?page={page}&per_page=200", UriKind.Relative));
                list.EnsureSuccessStatusCode();
                sentAt.Add(clock.GetUtcNow());
            }

            for (var id = 1; id <= 350; id++)
            {
                using var detail = await http.GetAsync(new Uri($"activities/{id}", UriKind.Relative));
                detail.EnsureSuccessStatusCode();
                sentAt.Add(clock.GetUtcNow());
                using var streams = await http.GetAsync(new Uri($"activities/{id}/streams?keys=time&key_by_type=true", UriKind.Relative));
                streams.EnsureSuccessStatusCode();
                sentAt.Add(clock.GetUtcNow());
            }

            return 0;
        });

        Assert.That(emulator.RateLimits!.Responses429, Is.Zero);
        Assert.That(sentAt, Has.Count.EqualTo(702));
        var perWindow = sentAt.GroupBy(t => new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute / 15 * 15, 0, TimeSpan.Zero))
            .OrderBy(g => g.Key).Select(g => g.Count()).ToList();
        Assert.That(perWindow, Has.Count.EqualTo(8), "702 reads at 100 per quarter hour take 8 windows");
        Assert.That(perWindow.Take(perWindow.Count - 1), Has.All.GreaterThanOrEqualTo(95).And.All.LessThanOrEqualTo(100));
    }

    [Test]
    public async Task Daily_exhaustion_in_throw_mode_resumes_at_the_next_utc_midnight()
    {
        var clock = new TimerTrackingTimeProvider(new DateTimeOffset(2026, 3, 2, 23, 50, 0, TimeSpan.Zero));
        var emulator = new KitStravaEmulator(clock, overall15: 5000, read15: 5000, readDaily: 1000);
        var policy = StravaRateLimits.CreatePolicy(clock, RateLimitExhaustionBehavior.Throw);
        using var http = CreateClient(emulator, policy, clock);

        // Another process of the same application spent 995 of the day's 1,000 reads; the headers tell the policy.
        using (var other = emulator.CreateClient())
        {
            for (var i = 0; i < 995; i++)
            {
                using var spent = await other.GetAsync(new Uri("activities/1", UriKind.Relative));
                spent.EnsureSuccessStatusCode();
            }
        }

        var ex = await FakeClockDriver.RunAsync(clock, async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                try
                {
                    using var response = await http.GetAsync(new Uri("activities/1", UriKind.Relative));
                }
                catch (RateLimitExceededException e)
                {
                    return e;
                }
            }

            return null;
        });

        Assert.That(ex, Is.Not.Null);
        Assert.That(ex!.ResumeAt, Is.EqualTo(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero)));
        Assert.That(ex.Window, Is.EqualTo(StravaRateLimits.ReadDaily));
        Assert.That(emulator.RateLimits!.Responses429, Is.Zero, "the policy stops before Strava has to say no");
    }

    [TestCase("read rate limit", "100,1000", "100,900", StravaRateLimits.Read15Minutes, 8, 15)]
    [TestCase("read rate limit", "100,1000", "20,1000", StravaRateLimits.ReadDaily, 24, 0)]
    [TestCase("overall rate limit", "200,2000", "200,300", StravaRateLimits.Overall15Minutes, 8, 15)]
    public async Task A_429_body_field_names_the_window(string field, string limit, string usage, string window, int resumeHour, int resumeMinute)
    {
        var now = new DateTimeOffset(2026, 3, 2, 8, 3, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(now);
        var headerPrefix = field.StartsWith("read", StringComparison.Ordinal) ? "X-ReadRateLimit-" : "X-RateLimit-";
        using var response = new HttpResponseMessage((HttpStatusCode)429)
        {
            Content = new StringContent($$"""{"message":"Rate Limit Exceeded","errors":[{"resource":"Application","field":"{{field}}","code":"exceeded"}]}"""),
            RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://www.strava.com/api/v3/athlete"),
        };
        response.Headers.Add(headerPrefix + "Limit", limit);
        response.Headers.Add(headerPrefix + "Usage", usage);

        var ex = await FitnessApiExceptionFactory.FromResponseAsync(response, StravaErrorMapping.CreateOptions(), clock);

        Assert.That(ex, Is.TypeOf<RateLimitExceededException>());
        var rate = (RateLimitExceededException)ex;
        Assert.That(rate.Window, Is.EqualTo(window));
        var expected = resumeHour == 24 ? new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero) : new DateTimeOffset(2026, 3, 2, resumeHour, resumeMinute, 0, TimeSpan.Zero);
        Assert.That(rate.ResumeAt, Is.EqualTo(expected));
        Assert.That(rate.Service, Is.EqualTo("strava"));
    }

    [Test]
    public void Shared_policy_is_one_per_client_id()
    {
        var clock = new FakeTimeProvider(Start);
        var a = StravaRateLimits.GetSharedPolicy("shared-test-1", clock);
        Assert.That(StravaRateLimits.GetSharedPolicy("shared-test-1", clock), Is.SameAs(a));
        Assert.That(StravaRateLimits.GetSharedPolicy("shared-test-2", clock), Is.Not.SameAs(a));
        Assert.That(a.Windows.Select(w => (w.Name, w.Limit)), Is.EqualTo(new[]
        {
            (StravaRateLimits.Overall15Minutes, 200), (StravaRateLimits.OverallDaily, 2000), (StravaRateLimits.Read15Minutes, 100), (StravaRateLimits.ReadDaily, 1000),
        }));
    }

    [TestCase("POST", "https://www.strava.com/api/v3/uploads", true)]
    [TestCase("POST", "https://www.strava.com/api/v3/activities", true)]
    [TestCase("GET", "https://www.strava.com/api/v3/uploads/5", false)]
    [TestCase("PUT", "https://www.strava.com/api/v3/activities/5", false)]
    [TestCase("GET", "https://www.strava.com/api/v3/athlete/activities", false)]
    public void Uploads_count_only_against_the_overall_budget(string method, string url, bool upload)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        Assert.That(StravaRateLimits.IsUpload(request), Is.EqualTo(upload));
    }
}

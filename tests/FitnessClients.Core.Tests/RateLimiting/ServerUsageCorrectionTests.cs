using System.Globalization;
using System.Net;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Testing;
using static FitnessClients.Core.Tests.RateLimiting.RateLimitTestKit;

namespace FitnessClients.Core.Tests.RateLimiting;

public class ServerUsageCorrectionTests
{
    private static FixedWindowRateLimitPolicy StravaOverallOnly(FakeTimeProvider clock) =>
        new([RateLimitWindow.QuarterHour("overall 15-minute", 200), RateLimitWindow.DailyUtc("overall daily", 2000)], clock)
        {
            MaxJitter = TimeSpan.Zero,
            ExhaustionBehavior = RateLimitExhaustionBehavior.Throw,
            UsageReaders = [new CommaSeparatedUsageHeaderReader("X-RateLimit-Limit", "X-RateLimit-Usage", "overall 15-minute", "overall daily")],
        };

    private static HttpResponseMessage Usage(string limits, string usages) =>
        Response(HttpStatusCode.OK, ("X-RateLimit-Limit", limits), ("X-RateLimit-Usage", usages));

    private static (int Quarter, int Daily) Used(RateLimitPolicy policy)
    {
        var windows = policy.GetStatus().Windows;
        return (windows[0].Used, windows[1].Used);
    }

    [Test]
    public async Task Usage_reported_higher_than_counted_raises_the_count()
    {
        var clock = new FakeTimeProvider(Utc(8, 7));
        var policy = StravaOverallOnly(clock);
        var request = Get();
        await policy.AcquireAsync(request);

        policy.OnResponse(request, Usage("200,2000", "150,1500"));

        Assert.That(Used(policy), Is.EqualTo((150, 1500)));
    }

    [Test]
    public async Task Usage_reported_lower_than_counted_lowers_the_count()
    {
        var clock = new FakeTimeProvider(Utc(8, 7));
        var policy = StravaOverallOnly(clock);
        HttpRequestMessage last = Get();
        for (var i = 0; i < 10; i++)
        {
            last = Get();
            await policy.AcquireAsync(last);
        }

        policy.OnResponse(last, Usage("200,2000", "3,40"));

        Assert.That(Used(policy), Is.EqualTo((3, 40)));
    }

    [Test]
    public async Task Requests_granted_after_the_reported_one_stay_counted_because_the_service_has_not_seen_them_yet()
    {
        var clock = new FakeTimeProvider(Utc(8, 7));
        var policy = StravaOverallOnly(clock);
        var first = Get();
        await policy.AcquireAsync(first);
        await policy.AcquireAsync(Get());
        await policy.AcquireAsync(Get());

        policy.OnResponse(first, Usage("200,2000", "50,60"));

        Assert.That(Used(policy), Is.EqualTo((52, 62)));
    }

    [Test]
    public async Task The_service_limit_replaces_the_configured_one()
    {
        var clock = new FakeTimeProvider(Utc(8, 7));
        var policy = StravaOverallOnly(clock);
        var request = Get();
        await policy.AcquireAsync(request);

        policy.OnResponse(request, Usage("400, 4000", "1, 1"));

        Assert.That(policy.GetStatus().Windows.Select(w => w.Limit), Is.EqualTo(new[] { 400, 4000 }));
    }

    [Test]
    public async Task Lowercase_names_spaces_missing_and_garbage_headers_are_tolerated()
    {
        var clock = new FakeTimeProvider(Utc(8, 7));
        var policy = StravaOverallOnly(clock);
        var request = Get();
        await policy.AcquireAsync(request);

        policy.OnResponse(request, Response(HttpStatusCode.OK, ("x-ratelimit-limit", " 200 , 2000 "), ("x-ratelimit-usage", " 20 , 30 ")));
        Assert.That(Used(policy), Is.EqualTo((20, 30)));

        policy.OnResponse(request, Response());
        Assert.That(Used(policy), Is.EqualTo((20, 30)), "absent headers change nothing");

        policy.OnResponse(request, Usage("200,2000", "lots,31"));
        Assert.That(Used(policy), Is.EqualTo((20, 31)), "the garbage position is ignored, the other applies");

        policy.OnResponse(request, Usage("two hundred", "%%%"));
        Assert.That(Used(policy), Is.EqualTo((20, 31)));
    }

    [Test]
    public async Task A_report_for_a_quarter_hour_that_has_already_rolled_over_does_not_touch_the_new_one()
    {
        var clock = new FakeTimeProvider(Utc(8, 14, 59));
        var policy = StravaOverallOnly(clock);
        var late = Get();
        await policy.AcquireAsync(late);

        clock.SetUtcNow(Utc(8, 15, 1));
        await policy.AcquireAsync(Get());
        policy.OnResponse(late, Usage("200,2000", "200,900"));

        var windows = policy.GetStatus().Windows;
        Assert.That(windows[0].Used, Is.EqualTo(1), "the old quarter's 200 must not block the new quarter");
        Assert.That(windows[1].Used, Is.EqualTo(901), "the day has not rolled over, so the daily count applies");
    }

    [Test]
    public async Task A_faulty_reader_never_makes_OnResponse_throw()
    {
        var clock = new FakeTimeProvider(Utc(8, 7));
        var policy = new FixedWindowRateLimitPolicy([RateLimitWindow.QuarterHour("15-minute", 10)], clock)
        {
            UsageReaders = [new ThrowingReader(), new FlaskLimiterHeaderReader("15-minute")],
        };
        var request = Get();
        await policy.AcquireAsync(request);

        policy.OnResponse(request, Response(HttpStatusCode.OK, ("X-RateLimit-Limit", "10"), ("X-RateLimit-Remaining", "4")));

        Assert.That(policy.GetStatus().Windows.Single().Used, Is.EqualTo(6));
    }

    [Test]
    public async Task Reports_for_unknown_windows_are_ignored()
    {
        var clock = new FakeTimeProvider(Utc(8, 7));
        var policy = new FixedWindowRateLimitPolicy([RateLimitWindow.QuarterHour("15-minute", 10)], clock)
        {
            UsageReaders = [new FlaskLimiterHeaderReader("hourly")],
        };
        var request = Get();
        await policy.AcquireAsync(request);

        policy.OnResponse(request, Response(HttpStatusCode.OK, ("X-RateLimit-Limit", "10"), ("X-RateLimit-Remaining", "0")));

        Assert.That(policy.GetStatus().Windows.Single().Used, Is.EqualTo(1));
    }

    [Test]
    public async Task A_reported_reset_time_moves_the_end_of_the_current_period()
    {
        // Flask-Limiter's fixed windows start with the first request, not on the clock: FitTrackee's reset wins.
        var clock = new FakeTimeProvider(Utc(8, 12, 30));
        var policy = new FixedWindowRateLimitPolicy([new RateLimitWindow("api", 300, TimeSpan.FromMinutes(5))], clock)
        {
            MaxJitter = TimeSpan.Zero,
            ExhaustionBehavior = RateLimitExhaustionBehavior.Throw,
            UsageReaders = [new FlaskLimiterHeaderReader("api")],
        };
        var request = Get();
        await policy.AcquireAsync(request);
        var serverReset = Utc(8, 16, 10);

        policy.OnResponse(request, Response(
            HttpStatusCode.OK,
            ("X-RateLimit-Limit", "300"),
            ("X-RateLimit-Remaining", "0"),
            ("X-RateLimit-Reset", serverReset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))));

        var ex = Assert.ThrowsAsync<RateLimitExceededException>(async () => await policy.AcquireAsync(Get()));
        Assert.That(ex!.ResumeAt, Is.EqualTo(serverReset));
        clock.SetUtcNow(Utc(8, 15));
        Assert.That(policy.GetStatus().Windows.Single().Used, Is.EqualTo(300), "still the server's period at our 08:15 boundary");
        clock.SetUtcNow(serverReset);
        await policy.AcquireAsync(Get());
        Assert.That(policy.GetStatus().Windows.Single().Used, Is.EqualTo(1));
    }

    [Test]
    public async Task A_reset_time_further_away_than_the_window_length_is_capped()
    {
        var clock = new FakeTimeProvider(Utc(8, 12, 30));
        var policy = new FixedWindowRateLimitPolicy([new RateLimitWindow("api", 300, TimeSpan.FromMinutes(5))], clock)
        {
            UsageReaders = [new FlaskLimiterHeaderReader("api")],
        };
        var request = Get();
        await policy.AcquireAsync(request);

        policy.OnResponse(request, Response(HttpStatusCode.OK, ("X-RateLimit-Limit", "300"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "9999999999")));

        Assert.That(policy.GetStatus().Windows.Single().ResetsAt, Is.EqualTo(Utc(8, 17, 30)));
    }

    private sealed class ThrowingReader : IRateLimitUsageReader
    {
        public IReadOnlyList<RateLimitUsageReport> Read(HttpResponseMessage response, DateTimeOffset now) =>
            throw new FormatException("reader bug");
    }
}

using System.Net;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Testing;
using static FitnessClients.Core.Tests.RateLimiting.RateLimitTestKit;

namespace FitnessClients.Core.Tests.RateLimiting;

/// <summary>The configuration the Strava package is expected to use: overall 200/2000 for all requests, read 100/1000 for non-uploads.</summary>
public class StravaStyleWindowsTests
{
    private static FixedWindowRateLimitPolicy Strava(FakeTimeProvider clock) =>
        new(
            [
                RateLimitWindow.QuarterHour("overall 15-minute", 200),
                RateLimitWindow.DailyUtc("overall daily", 2000),
                RateLimitWindow.QuarterHour("read 15-minute", 100, request => !IsUpload(request)),
                RateLimitWindow.DailyUtc("read daily", 1000, request => !IsUpload(request)),
            ],
            clock)
        {
            MaxJitter = TimeSpan.Zero,
            ExhaustionBehavior = RateLimitExhaustionBehavior.Throw,
            UsageReaders =
            [
                new CommaSeparatedUsageHeaderReader("X-RateLimit-Limit", "X-RateLimit-Usage", "overall 15-minute", "overall daily"),
                new CommaSeparatedUsageHeaderReader("X-ReadRateLimit-Limit", "X-ReadRateLimit-Usage", "read 15-minute", "read daily"),
            ],
        };

    private static HttpResponseMessage StravaHeaders(string overallUsage, string readUsage) => Response(
        HttpStatusCode.OK,
        ("X-Ratelimit-Limit", "200,2000"),
        ("X-Ratelimit-Usage", overallUsage),
        ("X-Readratelimit-Limit", "100,1000"),
        ("X-Readratelimit-Usage", readUsage));

    [Test]
    public async Task Reads_stop_at_the_read_limit_while_uploads_still_go_through_the_overall_limit()
    {
        var clock = new FakeTimeProvider(Utc(8, 7));
        var policy = Strava(clock);
        for (var i = 0; i < 100; i++)
        {
            await policy.AcquireAsync(Get());
        }

        var ex = Assert.ThrowsAsync<RateLimitExceededException>(async () => await policy.AcquireAsync(Get()));
        Assert.That(ex!.Window, Is.EqualTo("read 15-minute"), "the read window is the more restrictive one for reads");
        Assert.That(ex.ResumeAt, Is.EqualTo(Utc(8, 15)));

        await policy.AcquireAsync(Upload());
        var windows = policy.GetStatus().Windows.ToDictionary(w => w.Name);
        Assert.That(windows["overall 15-minute"].Used, Is.EqualTo(101));
        Assert.That(windows["read 15-minute"].Used, Is.EqualTo(100));
    }

    [Test]
    public async Task The_overall_limit_decides_when_the_service_says_it_is_nearly_used_up()
    {
        var clock = new FakeTimeProvider(Utc(8, 7));
        var policy = Strava(clock);
        var read = Get();
        await policy.AcquireAsync(read);

        // Another process of the same app has been uploading: overall 199 of 200, reads only 10 of 100.
        policy.OnResponse(read, StravaHeaders("199,500", "10,300"));

        await policy.AcquireAsync(Get());
        var ex = Assert.ThrowsAsync<RateLimitExceededException>(async () => await policy.AcquireAsync(Get()));
        Assert.That(ex!.Window, Is.EqualTo("overall 15-minute"));
        Assert.That(ex.Usage, Is.EqualTo(200));
        Assert.ThrowsAsync<RateLimitExceededException>(async () => await policy.AcquireAsync(Upload()));
    }

    [Test]
    public async Task An_exhausted_read_day_blocks_reads_until_midnight_but_not_uploads()
    {
        var clock = new FakeTimeProvider(Utc(8, 7));
        var policy = Strava(clock);
        var read = Get();
        await policy.AcquireAsync(read);

        policy.OnResponse(read, StravaHeaders("40,1200", "30,1000"));

        var ex = Assert.ThrowsAsync<RateLimitExceededException>(async () => await policy.AcquireAsync(Get()));
        Assert.That(ex!.Window, Is.EqualTo("read daily"));
        Assert.That(ex.ResumeAt, Is.EqualTo(Utc(0, 0, day: 6)));
        Assert.DoesNotThrowAsync(async () => await policy.AcquireAsync(Upload()));

        clock.SetUtcNow(Utc(8, 15));
        Assert.ThrowsAsync<RateLimitExceededException>(async () => await policy.AcquireAsync(Get()), "a new quarter hour does not help");
        clock.SetUtcNow(Utc(0, 0, day: 6));
        Assert.DoesNotThrowAsync(async () => await policy.AcquireAsync(Get()));
    }
}

using System.Net;
using System.Net.Http.Headers;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Testing;
using static FitnessClients.Core.Tests.RateLimiting.RateLimitTestKit;

namespace FitnessClients.Core.Tests.RateLimiting;

public class TooManyRequestsCooldownTests
{
    private static FixedWindowRateLimitPolicy Policy(TimerTrackingTimeProvider clock, RateLimitExhaustionBehavior behavior = RateLimitExhaustionBehavior.Throw) =>
        new([RateLimitWindow.QuarterHour("15-minute", 100), RateLimitWindow.DailyUtc("daily", 1000)], clock)
        {
            MaxJitter = TimeSpan.Zero,
            ExhaustionBehavior = behavior,
            UsageReaders = [new CommaSeparatedUsageHeaderReader("X-RateLimit-Limit", "X-RateLimit-Usage", "15-minute", "daily")],
        };

    private static HttpResponseMessage TooMany(params (string Name, string Value)[] headers) =>
        Response(HttpStatusCode.TooManyRequests, headers);

    [Test]
    public async Task Retry_after_seconds_give_a_cooldown_of_exactly_that_long()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 7));
        var policy = Policy(clock);
        var request = Get();
        await policy.AcquireAsync(request);

        policy.OnResponse(request, TooMany(("Retry-After", "30")));

        Assert.That(policy.GetStatus().CooldownUntil, Is.EqualTo(Utc(8, 7, 30)));
        var ex = Assert.ThrowsAsync<RateLimitExceededException>(async () => await policy.AcquireAsync(Get()));
        Assert.That(ex!.ResumeAt, Is.EqualTo(Utc(8, 7, 30)));
        Assert.That(ex.Message, Does.Contain("429"));
        clock.SetUtcNow(Utc(8, 7, 30));
        Assert.That(policy.GetStatus().CooldownUntil, Is.Null);
        Assert.DoesNotThrowAsync(async () => await policy.AcquireAsync(Get()));
    }

    [Test]
    public async Task In_wait_mode_an_acquire_during_the_cooldown_waits_exactly_until_it_ends()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 7));
        var policy = Policy(clock, RateLimitExhaustionBehavior.Wait);
        var request = Get();
        await policy.AcquireAsync(request);
        policy.OnResponse(request, TooMany(("Retry-After", "30")));

        var waiting = policy.AcquireAsync(Get()).AsTask();
        WaitForTimers(clock);
        clock.SetUtcNow(Utc(8, 7, 29));
        Assert.That(waiting.IsCompleted, Is.False);

        clock.SetUtcNow(Utc(8, 7, 30));
        await Completes(waiting);
    }

    [Test]
    public async Task Retry_after_as_an_http_date_is_honoured()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 7));
        var policy = Policy(clock);
        var request = Get();
        await policy.AcquireAsync(request);
        var response = TooMany();
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Utc(8, 9));

        policy.OnResponse(request, response);

        Assert.That(policy.GetStatus().CooldownUntil, Is.EqualTo(Utc(8, 9)));
    }

    [Test]
    public async Task Without_retry_after_a_reported_daily_exhaustion_cools_down_until_UTC_midnight()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 7));
        var policy = Policy(clock);
        var request = Get();
        await policy.AcquireAsync(request);

        policy.OnResponse(request, TooMany(("X-RateLimit-Limit", "100,1000"), ("X-RateLimit-Usage", "101,1000")));

        Assert.That(policy.GetStatus().CooldownUntil, Is.EqualTo(Utc(0, 0, day: 6)));
        var ex = Assert.ThrowsAsync<RateLimitExceededException>(async () => await policy.AcquireAsync(Get()));
        Assert.That(ex!.ResumeAt, Is.EqualTo(Utc(0, 0, day: 6)));
        Assert.That(ex.Window, Is.EqualTo("daily"));
        Assert.That(ex.Limit, Is.EqualTo(1000));
        Assert.That(ex.Usage, Is.EqualTo(1000));
    }

    [Test]
    public async Task Without_retry_after_a_reported_quarter_hour_exhaustion_cools_down_until_the_next_quarter()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 7));
        var policy = Policy(clock);
        var request = Get();
        await policy.AcquireAsync(request);

        policy.OnResponse(request, TooMany(("X-RateLimit-Limit", "100,1000"), ("X-RateLimit-Usage", "100,400")));

        Assert.That(policy.GetStatus().CooldownUntil, Is.EqualTo(Utc(8, 15)));
    }

    [Test]
    public async Task Without_any_information_the_default_cooldown_doubles_per_consecutive_429_up_to_the_cap()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 0));
        var policy = new FixedWindowRateLimitPolicy([RateLimitWindow.DailyUtc("daily", 1000)], clock)
        {
            DefaultCooldown = TimeSpan.FromSeconds(60),
            MaxCooldown = TimeSpan.FromMinutes(3),
            ExhaustionBehavior = RateLimitExhaustionBehavior.Throw,
        };
        var cooldowns = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            var request = Get();
            await policy.AcquireAsync(request);
            policy.OnResponse(request, TooMany());
            var until = policy.GetStatus().CooldownUntil!.Value;
            cooldowns.Add(until - clock.GetUtcNow());
            clock.SetUtcNow(until);
        }

        Assert.That(cooldowns, Is.EqualTo(new[] { TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(180), TimeSpan.FromSeconds(180) }));
    }

    [Test]
    public async Task A_successful_response_ends_the_run_of_consecutive_429s()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 0));
        var policy = new FixedWindowRateLimitPolicy([RateLimitWindow.DailyUtc("daily", 1000)], clock) { ExhaustionBehavior = RateLimitExhaustionBehavior.Throw };
        var first = Get();
        await policy.AcquireAsync(first);
        policy.OnResponse(first, TooMany());
        clock.SetUtcNow(policy.GetStatus().CooldownUntil!.Value);
        var ok = Get();
        await policy.AcquireAsync(ok);
        policy.OnResponse(ok, Response());

        var again = Get();
        await policy.AcquireAsync(again);
        policy.OnResponse(again, TooMany());

        Assert.That(policy.GetStatus().CooldownUntil, Is.EqualTo(clock.GetUtcNow().AddSeconds(60)));
    }

    [Test]
    public async Task A_shorter_hint_does_not_cut_a_running_cooldown_short()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 7));
        var policy = Policy(clock);
        var first = Get();
        var second = Get();
        await policy.AcquireAsync(first);
        await policy.AcquireAsync(second);

        policy.OnResponse(first, TooMany(("Retry-After", "120")));
        policy.OnResponse(second, TooMany(("Retry-After", "5")));

        Assert.That(policy.GetStatus().CooldownUntil, Is.EqualTo(Utc(8, 9)));
    }

    [Test]
    public async Task A_429_for_a_quarter_hour_already_over_does_not_block_the_new_one()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 14, 59));
        var policy = Policy(clock);
        var late = Get();
        await policy.AcquireAsync(late);
        clock.SetUtcNow(Utc(8, 15, 1));

        policy.OnResponse(late, TooMany(("X-RateLimit-Limit", "100,1000"), ("X-RateLimit-Usage", "100,400")));

        Assert.That(policy.GetStatus().CooldownUntil, Is.Null);
        Assert.DoesNotThrowAsync(async () => await policy.AcquireAsync(Get()));
    }

    [Test]
    public async Task StatusChanged_reports_the_cooldown()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 7));
        var policy = Policy(clock);
        var request = Get();
        await policy.AcquireAsync(request);
        RateLimitStatus? seen = null;
        policy.StatusChanged += (_, status) => seen = status;

        policy.OnResponse(request, TooMany(("Retry-After", "30")));

        Assert.That(seen?.CooldownUntil, Is.EqualTo(Utc(8, 7, 30)));
    }
}

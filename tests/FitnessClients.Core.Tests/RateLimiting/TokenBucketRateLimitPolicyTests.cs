using System.Net;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Testing;
using static FitnessClients.Core.Tests.RateLimiting.RateLimitTestKit;

namespace FitnessClients.Core.Tests.RateLimiting;

public class TokenBucketRateLimitPolicyTests
{
    [Test]
    public async Task A_full_bucket_allows_a_burst_then_one_request_per_period()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 0));
        var policy = new TokenBucketRateLimitPolicy(capacity: 3, tokensPerPeriod: 1, period: TimeSpan.FromSeconds(1), timeProvider: clock);
        for (var i = 0; i < 3; i++)
        {
            await policy.AcquireAsync(Get());
        }

        var waiting = policy.AcquireAsync(Get()).AsTask();
        WaitForTimers(clock);
        Assert.That(clock.NextTimerDue, Is.EqualTo(Utc(8, 0, 1)));
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.That(waiting.IsCompleted, Is.False);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Completes(waiting);
        Assert.That(policy.GetStatus().Windows.Single().Used, Is.EqualTo(3));
    }

    [Test]
    public async Task Whole_periods_refill_the_bucket_up_to_its_capacity()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 0));
        var policy = new TokenBucketRateLimitPolicy(capacity: 5, tokensPerPeriod: 2, period: TimeSpan.FromSeconds(1), timeProvider: clock)
        {
            ExhaustionBehavior = RateLimitExhaustionBehavior.Throw,
        };
        for (var i = 0; i < 5; i++)
        {
            await policy.AcquireAsync(Get());
        }

        clock.Advance(TimeSpan.FromMilliseconds(2500));
        Assert.That(policy.GetStatus().Windows.Single().Remaining, Is.EqualTo(4), "two whole periods, two tokens each");
        for (var i = 0; i < 4; i++)
        {
            await policy.AcquireAsync(Get());
        }

        var ex = Assert.ThrowsAsync<RateLimitExceededException>(async () => await policy.AcquireAsync(Get()));
        Assert.That(ex!.ResumeAt, Is.EqualTo(Utc(8, 0, 3)));
        Assert.That(ex.Window, Is.EqualTo("token bucket"));

        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.That(policy.GetStatus().Windows.Single().Remaining, Is.EqualTo(5), "never more than the capacity");
    }

    [Test]
    public async Task Status_says_when_the_bucket_is_full_again()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 0));
        var policy = new TokenBucketRateLimitPolicy(capacity: 4, tokensPerPeriod: 1, period: TimeSpan.FromSeconds(2), timeProvider: clock);
        await policy.AcquireAsync(Get());
        await policy.AcquireAsync(Get());
        await policy.AcquireAsync(Get());

        var bucket = policy.GetStatus().Windows.Single();

        Assert.That((bucket.Limit, bucket.Used), Is.EqualTo((4, 3)));
        Assert.That(bucket.ResetsAt, Is.EqualTo(Utc(8, 0, 6)));
    }

    [Test]
    public void The_defaults_are_a_burst_of_five_then_one_per_second()
    {
        var policy = new TokenBucketRateLimitPolicy();

        Assert.That((policy.Capacity, policy.TokensPerPeriod, policy.Period), Is.EqualTo((5, 1, TimeSpan.FromSeconds(1))));
    }

    [Test]
    public async Task A_429_with_retry_after_cools_the_bucket_down()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 0));
        var policy = new TokenBucketRateLimitPolicy(timeProvider: clock) { ExhaustionBehavior = RateLimitExhaustionBehavior.Throw };
        var request = Get();
        await policy.AcquireAsync(request);

        policy.OnResponse(request, Response(HttpStatusCode.TooManyRequests, ("Retry-After", "600")));

        var ex = Assert.ThrowsAsync<RateLimitExceededException>(async () => await policy.AcquireAsync(Get()));
        Assert.That(ex!.ResumeAt, Is.EqualTo(Utc(8, 10)));
        Assert.That(policy.GetStatus().CooldownUntil, Is.EqualTo(Utc(8, 10)));
    }

    [Test]
    public async Task A_429_without_information_uses_the_doubling_default_cooldown()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 0));
        var policy = new TokenBucketRateLimitPolicy(timeProvider: clock) { DefaultCooldown = TimeSpan.FromMinutes(1) };
        var first = Get();
        await policy.AcquireAsync(first);
        policy.OnResponse(first, Response(HttpStatusCode.TooManyRequests));
        Assert.That(policy.GetStatus().CooldownUntil, Is.EqualTo(Utc(8, 1)));

        clock.SetUtcNow(Utc(8, 1));
        var second = Get();
        await policy.AcquireAsync(second);
        policy.OnResponse(second, Response(HttpStatusCode.TooManyRequests));
        Assert.That(policy.GetStatus().CooldownUntil, Is.EqualTo(Utc(8, 3)));
    }

    [Test]
    public async Task A_usage_report_can_only_make_the_bucket_more_careful()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 0));
        var policy = new TokenBucketRateLimitPolicy(capacity: 10, timeProvider: clock)
        {
            ExhaustionBehavior = RateLimitExhaustionBehavior.Throw,
            UsageReaders = [new FlaskLimiterHeaderReader("token bucket")],
        };
        var request = Get();
        await policy.AcquireAsync(request);

        policy.OnResponse(request, Response(HttpStatusCode.OK, ("X-RateLimit-Limit", "1000"), ("X-RateLimit-Remaining", "900")));
        Assert.That(policy.GetStatus().Windows.Single().Remaining, Is.EqualTo(9), "plenty left at the service: no change");

        policy.OnResponse(request, Response(HttpStatusCode.OK, ("X-RateLimit-Limit", "1000"), ("X-RateLimit-Remaining", "1")));
        await policy.AcquireAsync(Get());
        Assert.ThrowsAsync<RateLimitExceededException>(async () => await policy.AcquireAsync(Get()));
    }

    [Test]
    public async Task An_exhausted_report_with_a_reset_time_blocks_until_then()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 0));
        var policy = new TokenBucketRateLimitPolicy(timeProvider: clock)
        {
            ExhaustionBehavior = RateLimitExhaustionBehavior.Throw,
            UsageReaders = [new FlaskLimiterHeaderReader("token bucket") { ResetIsRelative = true }],
        };
        var request = Get();
        await policy.AcquireAsync(request);

        policy.OnResponse(request, Response(HttpStatusCode.OK, ("X-RateLimit-Limit", "100"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "300")));

        var ex = Assert.ThrowsAsync<RateLimitExceededException>(async () => await policy.AcquireAsync(Get()));
        Assert.That(ex!.ResumeAt, Is.EqualTo(Utc(8, 5)));
    }

    [Test]
    public async Task Concurrent_acquirers_never_take_more_tokens_than_there_are()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 0));
        var policy = new TokenBucketRateLimitPolicy(capacity: 4, tokensPerPeriod: 2, period: TimeSpan.FromSeconds(1), timeProvider: clock);
        var granted = 0;
        var acquirers = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await policy.AcquireAsync(Get());
            Interlocked.Increment(ref granted);
        })).ToArray();

        WaitFor(() => Volatile.Read(ref granted) == 4 && clock.PendingTimerCount == 16, "four granted, sixteen waiting");
        clock.Advance(TimeSpan.FromSeconds(1));
        WaitFor(() => Volatile.Read(ref granted) == 6 && clock.PendingTimerCount == 14, "two more after one period");
        Assert.That(Volatile.Read(ref granted), Is.EqualTo(6));

        for (var i = 0; i < 7; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            var expected = 8 + (2 * i);
            WaitFor(() => Volatile.Read(ref granted) == expected && clock.PendingTimerCount == 20 - expected, $"{expected} granted");
        }

        await Completes(Task.WhenAll(acquirers));
    }
}

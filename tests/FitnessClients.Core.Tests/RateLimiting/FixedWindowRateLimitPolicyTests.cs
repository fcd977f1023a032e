using FitnessClients.Core.RateLimiting;
using FitnessClients.Testing;
using static FitnessClients.Core.Tests.RateLimiting.RateLimitTestKit;

namespace FitnessClients.Core.Tests.RateLimiting;

public class FixedWindowRateLimitPolicyTests
{
    private static FixedWindowRateLimitPolicy Policy(TimerTrackingTimeProvider clock, RateLimitExhaustionBehavior behavior, params RateLimitWindow[] windows) =>
        new(windows, clock) { MaxJitter = TimeSpan.Zero, ExhaustionBehavior = behavior };

    [Test]
    public async Task A_waiting_acquire_completes_exactly_when_the_quarter_hour_turns_and_not_a_second_earlier()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 14, 30));
        var policy = Policy(clock, RateLimitExhaustionBehavior.Wait, RateLimitWindow.QuarterHour("15-minute", 3));
        for (var i = 0; i < 3; i++)
        {
            await policy.AcquireAsync(Get());
        }

        var waiting = policy.AcquireAsync(Get()).AsTask();
        WaitForTimers(clock);
        Assert.That(waiting.IsCompleted, Is.False);
        Assert.That(clock.NextTimerDue, Is.EqualTo(Utc(8, 15)));

        clock.SetUtcNow(Utc(8, 14, 59));
        Assert.That(waiting.IsCompleted, Is.False);

        clock.SetUtcNow(Utc(8, 15));
        await Completes(waiting);
        var window = policy.GetStatus().Windows.Single();
        Assert.That(window.Used, Is.EqualTo(1), "the waiter counts in the new quarter hour");
        Assert.That(window.ResetsAt, Is.EqualTo(Utc(8, 30)));
    }

    [Test]
    public async Task The_daily_window_reopens_at_UTC_midnight()
    {
        var clock = new TimerTrackingTimeProvider(Utc(23, 50));
        var policy = Policy(clock, RateLimitExhaustionBehavior.Wait, RateLimitWindow.DailyUtc("daily", 2));
        await policy.AcquireAsync(Get());
        await policy.AcquireAsync(Get());

        var waiting = policy.AcquireAsync(Get()).AsTask();
        WaitForTimers(clock);
        clock.SetUtcNow(Utc(23, 59, 59).AddMilliseconds(999));
        Assert.That(waiting.IsCompleted, Is.False);

        clock.SetUtcNow(Utc(0, 0, day: 6));
        await Completes(waiting);
        Assert.That(policy.GetStatus().Windows.Single().ResetsAt, Is.EqualTo(Utc(0, 0, day: 7)));
    }

    [Test]
    public async Task Throw_mode_reports_the_boundary_the_window_and_its_numbers()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 14, 30));
        var policy = Policy(clock, RateLimitExhaustionBehavior.Throw, RateLimitWindow.QuarterHour("15-minute", 2));
        await policy.AcquireAsync(Get());
        await policy.AcquireAsync(Get());

        var ex = Assert.ThrowsAsync<RateLimitExceededException>(async () => await policy.AcquireAsync(Get()));

        Assert.That(ex!.ResumeAt, Is.EqualTo(Utc(8, 15)));
        Assert.That(ex.Window, Is.EqualTo("15-minute"));
        Assert.That(ex.Limit, Is.EqualTo(2));
        Assert.That(ex.Usage, Is.EqualTo(2));
        Assert.That(ex.Message, Does.Contain("15-minute").And.Contain("2026-01-05T08:15:00Z"));
        Assert.That(policy.GetStatus().Windows.Single().Used, Is.EqualTo(2), "a refused request is not counted");
    }

    [Test]
    public async Task Every_window_that_applies_counts_and_the_latest_reopening_decides()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 0));
        var policy = Policy(
            clock,
            RateLimitExhaustionBehavior.Throw,
            RateLimitWindow.QuarterHour("15-minute", 3),
            RateLimitWindow.DailyUtc("daily", 5));
        for (var i = 0; i < 3; i++)
        {
            await policy.AcquireAsync(Get());
        }

        var quarter = Assert.ThrowsAsync<RateLimitExceededException>(async () => await policy.AcquireAsync(Get()));
        Assert.That(quarter!.Window, Is.EqualTo("15-minute"));
        Assert.That(quarter.ResumeAt, Is.EqualTo(Utc(8, 15)));

        clock.SetUtcNow(Utc(8, 15));
        await policy.AcquireAsync(Get());
        await policy.AcquireAsync(Get());

        // Both are now exhausted (2 of 3 in this quarter is not, but 5 of 5 today is): the daily reopening wins.
        var daily = Assert.ThrowsAsync<RateLimitExceededException>(async () => await policy.AcquireAsync(Get()));
        Assert.That(daily!.Window, Is.EqualTo("daily"));
        Assert.That(daily.ResumeAt, Is.EqualTo(Utc(0, 0, day: 6)));
        Assert.That(daily.Usage, Is.EqualTo(5));
    }

    [Test]
    public async Task When_two_windows_are_exhausted_at_once_a_waiter_sleeps_until_the_later_one_reopens()
    {
        var clock = new TimerTrackingTimeProvider(Utc(23, 40));
        var policy = Policy(
            clock,
            RateLimitExhaustionBehavior.Wait,
            RateLimitWindow.QuarterHour("15-minute", 2),
            RateLimitWindow.DailyUtc("daily", 2));
        await policy.AcquireAsync(Get());
        await policy.AcquireAsync(Get());

        var waiting = policy.AcquireAsync(Get()).AsTask();
        WaitForTimers(clock);

        Assert.That(clock.NextTimerDue, Is.EqualTo(Utc(0, 0, day: 6)), "not 23:45, when only the quarter hour reopens");
        clock.SetUtcNow(Utc(0, 0, day: 6));
        await Completes(waiting);
    }

    [Test]
    public async Task Requests_a_window_does_not_apply_to_neither_count_nor_wait_for_it()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 0));
        var policy = Policy(
            clock,
            RateLimitExhaustionBehavior.Throw,
            RateLimitWindow.QuarterHour("overall", 10),
            RateLimitWindow.QuarterHour("read", 1, request => !IsUpload(request)));
        await policy.AcquireAsync(Get());

        await policy.AcquireAsync(Upload());

        var status = policy.GetStatus().Windows;
        Assert.That(status.Single(w => w.Name == "read").Used, Is.EqualTo(1));
        Assert.That(status.Single(w => w.Name == "overall").Used, Is.EqualTo(2));
        Assert.ThrowsAsync<RateLimitExceededException>(async () => await policy.AcquireAsync(Get()));
    }

    [Test]
    public async Task The_safety_margin_leaves_part_of_each_period_unused()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 0));
        var policy = Policy(clock, RateLimitExhaustionBehavior.Throw, RateLimitWindow.QuarterHour("15-minute", 5) with { SafetyMargin = 2 });
        for (var i = 0; i < 3; i++)
        {
            await policy.AcquireAsync(Get());
        }

        var ex = Assert.ThrowsAsync<RateLimitExceededException>(async () => await policy.AcquireAsync(Get()));
        Assert.That(ex!.Usage, Is.EqualTo(3));
        Assert.That(ex.Limit, Is.EqualTo(5));
    }

    [Test]
    public async Task Jitter_is_added_to_the_reopening_from_the_seeded_random()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 14));
        var policy = new FixedWindowRateLimitPolicy([RateLimitWindow.QuarterHour("15-minute", 1)], clock)
        {
            MaxJitter = TimeSpan.FromSeconds(2),
            JitterRandom = new Random(1234),
        };
        var expectedJitter = TimeSpan.FromMilliseconds(Math.Floor(2000 * new Random(1234).NextDouble()));
        await policy.AcquireAsync(Get());

        var waiting = policy.AcquireAsync(Get()).AsTask();
        WaitForTimers(clock);

        Assert.That(expectedJitter, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(clock.NextTimerDue, Is.EqualTo(Utc(8, 15) + expectedJitter));
        clock.AdvanceToNextTimer();
        await Completes(waiting);
    }

    [Test]
    public async Task A_wait_of_less_than_a_millisecond_is_rounded_up_rather_than_spun()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 14, 59).AddTicks(9_995_000));
        var policy = Policy(clock, RateLimitExhaustionBehavior.Wait, RateLimitWindow.QuarterHour("15-minute", 1));
        await policy.AcquireAsync(Get());

        var waiting = policy.AcquireAsync(Get()).AsTask();
        WaitForTimers(clock);

        Assert.That(clock.NextTimerDue, Is.EqualTo(Utc(8, 15).AddTicks(5_000)));
        clock.AdvanceToNextTimer();
        await Completes(waiting);
    }

    [Test]
    public async Task A_cancelled_waiter_stops_waiting_and_is_not_counted()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 0));
        var policy = Policy(clock, RateLimitExhaustionBehavior.Wait, RateLimitWindow.QuarterHour("15-minute", 1));
        await policy.AcquireAsync(Get());
        using var cts = new CancellationTokenSource();

        var waiting = policy.AcquireAsync(Get(), cts.Token).AsTask();
        WaitForTimers(clock);
        await cts.CancelAsync();

        Assert.That(async () => await Completes(waiting), Throws.InstanceOf<OperationCanceledException>());
        clock.SetUtcNow(Utc(8, 15));
        Assert.That(policy.GetStatus().Windows.Single().Used, Is.Zero);
    }

    [Test]
    public async Task Status_shows_each_window_and_StatusChanged_reports_each_grant()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 5));
        var policy = Policy(
            clock,
            RateLimitExhaustionBehavior.Wait,
            RateLimitWindow.QuarterHour("15-minute", 100),
            RateLimitWindow.DailyUtc("daily", 1000));
        var seen = new List<RateLimitStatus>();
        policy.StatusChanged += (_, status) => seen.Add(status);

        await policy.AcquireAsync(Get());
        await policy.AcquireAsync(Get());

        Assert.That(seen, Has.Count.EqualTo(2));
        var last = seen[^1];
        Assert.That(last.CooldownUntil, Is.Null);
        Assert.That(last.Windows.Select(w => (w.Name, w.Limit, w.Used, w.Remaining, w.ResetsAt)), Is.EqualTo(new[]
        {
            ("15-minute", 100, 2, 98, Utc(8, 15)),
            ("daily", 1000, 2, 998, Utc(0, 0, day: 6)),
        }));
    }

    [Test]
    public async Task A_throwing_observer_does_not_break_acquiring()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 5));
        var policy = Policy(clock, RateLimitExhaustionBehavior.Wait, RateLimitWindow.QuarterHour("15-minute", 100));
        policy.StatusChanged += (_, _) => throw new InvalidOperationException("display broke");

        await policy.AcquireAsync(Get());
        policy.OnResponse(Get(), Response());

        Assert.That(policy.GetStatus().Windows.Single().Used, Is.EqualTo(1));
    }

    [Test]
    public void Window_names_must_be_unique_ignoring_case()
    {
        Assert.That(
            () => new FixedWindowRateLimitPolicy([RateLimitWindow.QuarterHour("Daily", 1), RateLimitWindow.DailyUtc("daily", 2)]),
            Throws.ArgumentException);
        Assert.That(() => new FixedWindowRateLimitPolicy([]), Throws.ArgumentException);
    }
}

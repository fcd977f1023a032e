using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests;

public class TimerTrackingTimeProviderTests
{
    private static readonly DateTimeOffset Start = FakeTimeDefaults.Start;

    [Test]
    public void Starts_at_the_default_time_and_keeps_any_start_in_utc()
    {
        Assert.That(new TimerTrackingTimeProvider().GetUtcNow(), Is.EqualTo(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero)));

        var clock = new TimerTrackingTimeProvider(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(2)));
        Assert.That(clock.GetUtcNow().Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start));
        Assert.That(clock.GetTimestamp(), Is.EqualTo(Start.UtcTicks));
    }

    [Test]
    public void Pending_timers_and_the_next_due_time_follow_creation_change_and_disposal()
    {
        var clock = new TimerTrackingTimeProvider();
        Assert.That(clock.PendingTimerCount, Is.Zero);
        Assert.That(clock.NextTimerDue, Is.Null);

        var late = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan);
        var early = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        using var idle = clock.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Assert.That(clock.PendingTimerCount, Is.EqualTo(2), "a timer created with an infinite due time is not pending");
        Assert.That(clock.NextTimerDue, Is.EqualTo(Start.AddSeconds(10)));

        early.Change(TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);
        Assert.That(clock.NextTimerDue, Is.EqualTo(Start.AddSeconds(30)));

        late.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Assert.That(clock.PendingTimerCount, Is.EqualTo(1));
        Assert.That(clock.NextTimerDue, Is.EqualTo(Start.AddMinutes(1)));

        early.Dispose();
        Assert.That(clock.PendingTimerCount, Is.Zero);
        Assert.That(clock.NextTimerDue, Is.Null);
        Assert.That(early.Change(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan), Is.False, "a disposed timer cannot be restarted");
        Assert.That(clock.PendingTimerCount, Is.Zero);
        late.Dispose();
    }

    [Test]
    public void A_fired_timer_is_no_longer_pending_and_a_disposed_one_never_fires()
    {
        var clock = new TimerTrackingTimeProvider();
        var fired = new List<string>();
        using var late = clock.CreateTimer(_ => fired.Add("late"), null, TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add("early"), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        var disposed = clock.CreateTimer(_ => fired.Add("disposed"), null, TimeSpan.FromSeconds(20), Timeout.InfiniteTimeSpan);
        disposed.Dispose();

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.That(fired, Is.EqualTo(new[] { "early" }));
        Assert.That(clock.PendingTimerCount, Is.EqualTo(1));
        Assert.That(clock.NextTimerDue, Is.EqualTo(Start.AddSeconds(30)));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(fired, Is.EqualTo(new[] { "early", "late" }));
        Assert.That(clock.PendingTimerCount, Is.Zero);
    }

    [Test]
    public void Advance_fires_due_timers_in_due_order_with_the_clock_already_moved()
    {
        // Microsoft's Advance: due order, but every callback sees the end time. AdvanceThroughTimers stops at each.
        var clock = new TimerTrackingTimeProvider();
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.GetUtcNow())), null, TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add(("early", clock.GetUtcNow())), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.That(fired, Is.EqualTo(new[] { ("early", Start.AddMinutes(1)), ("late", Start.AddMinutes(1)) }));
        Assert.That(clock.PendingTimerCount, Is.Zero);
    }

    [Test]
    public void AdvanceThroughTimers_fires_each_timer_with_the_clock_at_its_due_time()
    {
        var clock = new TimerTrackingTimeProvider();
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.GetUtcNow())), null, TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add(("early", clock.GetUtcNow())), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        using var same = clock.CreateTimer(_ => fired.Add(("same", clock.GetUtcNow())), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        clock.AdvanceThroughTimers(TimeSpan.FromMinutes(1));

        Assert.That(fired, Is.EqualTo(new[] { ("early", Start.AddSeconds(10)), ("same", Start.AddSeconds(10)), ("late", Start.AddSeconds(30)) }));
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.AddMinutes(1)));
        Assert.That(clock.PendingTimerCount, Is.Zero);
    }

    [Test]
    public void AdvanceThroughTimers_also_fires_the_waits_a_callback_starts_on_the_way()
    {
        var clock = new TimerTrackingTimeProvider();
        var times = new List<DateTimeOffset>();
        async Task RetryThreeTimesAsync()
        {
            foreach (var wait in new[] { 1, 2, 4 })
            {
                await Task.Delay(TimeSpan.FromSeconds(wait), clock).ConfigureAwait(false);
                times.Add(clock.GetUtcNow());
            }
        }

        var retries = RetryThreeTimesAsync();
        clock.AdvanceThroughTimers(TimeSpan.FromSeconds(6));
        Assert.That(times, Is.EqualTo(new[] { Start.AddSeconds(1), Start.AddSeconds(3) }), "the third wait ends at 7 s, after the move");
        Assert.That(clock.NextTimerDue, Is.EqualTo(Start.AddSeconds(7)));

        clock.AdvanceThroughTimers(TimeSpan.FromSeconds(1));
        Assert.That(retries.IsCompletedSuccessfully, Is.True);
        Assert.That(times, Has.Count.EqualTo(3));
        Assert.That(() => clock.AdvanceThroughTimers(TimeSpan.FromTicks(-1)), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void A_periodic_timer_fires_once_per_period_passed_and_reports_its_next_due_time()
    {
        var clock = new TimerTrackingTimeProvider();
        var count = 0;
        var timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));

        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.That(count, Is.Zero);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(count, Is.EqualTo(1));
        Assert.That(clock.NextTimerDue, Is.EqualTo(Start.AddSeconds(15)));
        clock.Advance(TimeSpan.FromSeconds(35)); // due at 15, 25, 35
        Assert.That(count, Is.EqualTo(4));
        Assert.That(clock.NextTimerDue, Is.EqualTo(Start.AddSeconds(45)));
        Assert.That(clock.PendingTimerCount, Is.EqualTo(1));

        timer.Dispose();
        Assert.That(clock.PendingTimerCount, Is.Zero);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(count, Is.EqualTo(4));
    }

    [Test]
    public void A_periodic_timer_whose_callback_moves_the_clock_is_next_due_a_period_after_the_new_time()
    {
        var clock = new TimerTrackingTimeProvider();
        var count = 0;
        using var timer = clock.CreateTimer(
            _ =>
            {
                if (++count == 1)
                {
                    clock.Advance(TimeSpan.FromSeconds(3));
                }
            },
            null,
            TimeSpan.FromSeconds(10),
            TimeSpan.FromSeconds(10));

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.AddSeconds(13)));
        Assert.That(clock.NextTimerDue, Is.EqualTo(Start.AddSeconds(23)), "the base class reschedules from the moved clock");

        // Had the tracking gone wrong, this would stop short of (or beyond) where the timer really fires.
        Assert.That(clock.AdvanceToNextTimer(), Is.True);
        Assert.That(count, Is.EqualTo(2));
        Assert.That(clock.NextTimerDue, Is.EqualTo(Start.AddSeconds(33)));
    }

    [Test]
    public void A_callback_that_restarts_its_own_timer_leaves_it_pending()
    {
        var clock = new TimerTrackingTimeProvider();
        var count = 0;
        ITimer? timer = null;
        timer = clock.CreateTimer(_ => { if (++count < 3) { timer!.Change(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan); } }, null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);

        Assert.That(clock.AdvanceToNextTimer(), Is.True);
        Assert.That(clock.NextTimerDue, Is.EqualTo(Start.AddSeconds(10)));
        Assert.That(clock.AdvanceToNextTimer(), Is.True);
        Assert.That(clock.AdvanceToNextTimer(), Is.True);
        Assert.That(count, Is.EqualTo(3));
        Assert.That(clock.PendingTimerCount, Is.Zero);
        Assert.That(clock.AdvanceToNextTimer(), Is.False);
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.AddSeconds(15)));
        timer.Dispose();
    }

    [Test]
    public void AdvanceToNextTimer_moves_exactly_to_the_next_due_time()
    {
        var clock = new TimerTrackingTimeProvider();
        Assert.That(clock.AdvanceToNextTimer(), Is.False);
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start));

        var first = Task.Delay(TimeSpan.FromSeconds(30), clock);
        var second = Task.Delay(TimeSpan.FromMinutes(2), clock);
        Assert.That(clock.AdvanceToNextTimer(), Is.True);
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.AddSeconds(30)));
        Assert.That(first.IsCompletedSuccessfully, Is.True);
        Assert.That(second.IsCompleted, Is.False);
        Assert.That(clock.NextTimerDue, Is.EqualTo(Start.AddMinutes(2)));
    }

    [Test]
    public void A_zero_due_time_fires_immediately_and_never_counts_as_pending()
    {
        var clock = new TimerTrackingTimeProvider();
        var pendingWhenScheduled = -1;
        clock.TimerScheduled += (_, _) => pendingWhenScheduled = clock.PendingTimerCount;
        var fired = false;
        using var timer = clock.CreateTimer(_ => fired = true, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        Assert.That(fired, Is.True);
        Assert.That(pendingWhenScheduled, Is.Zero);
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start));
        Assert.That(clock.PendingTimerCount, Is.Zero);
    }

    [Test]
    public void TimerScheduled_is_raised_for_each_finite_schedule_only()
    {
        var clock = new TimerTrackingTimeProvider();
        var raised = 0;
        clock.TimerScheduled += (_, _) => raised++;
        using var timer = clock.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Assert.That(raised, Is.Zero);
        timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        Assert.That(raised, Is.EqualTo(1));
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Assert.That(raised, Is.EqualTo(1));
        _ = Task.Delay(TimeSpan.FromSeconds(1), clock);
        Assert.That(raised, Is.EqualTo(2));
    }

    [Test]
    public void A_change_the_base_class_refuses_leaves_the_timer_as_it_was()
    {
        var clock = new TimerTrackingTimeProvider();
        using var timer = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        Assert.That(() => timer.Change(TimeSpan.FromDays(60), Timeout.InfiniteTimeSpan), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(clock.PendingTimerCount, Is.EqualTo(1));
        Assert.That(clock.NextTimerDue, Is.EqualTo(Start.AddSeconds(5)));
    }

    [Test]
    public void Task_Delay_completes_exactly_at_its_due_time()
    {
        var clock = new TimerTrackingTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(30), clock);

        clock.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromTicks(1));
        Assert.That(delay.IsCompleted, Is.False);
        Assert.That(clock.PendingTimerCount, Is.EqualTo(1));
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.That(delay.IsCompletedSuccessfully, Is.True);
        Assert.That(clock.PendingTimerCount, Is.Zero);
    }

    [Test]
    public async Task CancellationTokenSource_with_the_clock_cancels_at_the_due_time()
    {
        var clock = new TimerTrackingTimeProvider();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10), clock);
        var wait = Task.Delay(Timeout.InfiniteTimeSpan, cts.Token);
        Assert.That(clock.NextTimerDue, Is.EqualTo(Start.AddSeconds(10)));
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.That(async () => await wait, Throws.InstanceOf<OperationCanceledException>());
        await Task.CompletedTask;
    }

    [Test]
    public void Concurrent_timers_and_advances_lose_nothing()
    {
        var clock = new TimerTrackingTimeProvider();
        var delays = new Task[400];
        Parallel.For(0, delays.Length, i => delays[i] = Task.Delay(TimeSpan.FromSeconds(1 + (i % 50)), clock));
        Assert.That(clock.PendingTimerCount, Is.EqualTo(delays.Length));
        Assert.That(clock.NextTimerDue, Is.EqualTo(Start.AddSeconds(1)));

        Parallel.For(0, 10, _ => clock.Advance(TimeSpan.FromSeconds(6)));

        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.AddSeconds(60)));
        Assert.That(Task.WhenAll(delays).Wait(TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(clock.PendingTimerCount, Is.Zero);
    }
}

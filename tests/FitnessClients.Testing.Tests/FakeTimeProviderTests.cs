using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests;

public class FakeTimeProviderTests
{
    [Test]
    public void Starts_at_the_default_time_and_moves_only_when_advanced()
    {
        var clock = new FakeTimeProvider();
        Assert.That(clock.GetUtcNow(), Is.EqualTo(FakeTimeProvider.DefaultStart));
        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.That(clock.GetUtcNow(), Is.EqualTo(FakeTimeProvider.DefaultStart.AddMinutes(3)));
        Assert.That(() => clock.AdvanceTo(FakeTimeProvider.DefaultStart), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Timers_fire_in_due_order_with_the_clock_at_their_due_time()
    {
        var clock = new FakeTimeProvider();
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.GetUtcNow())), null, TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add(("early", clock.GetUtcNow())), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        using var same = clock.CreateTimer(_ => fired.Add(("same", clock.GetUtcNow())), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.That(fired.Select(f => f.Name), Is.EqualTo(new[] { "early", "same", "late" }));
        Assert.That(fired[0].At, Is.EqualTo(FakeTimeProvider.DefaultStart.AddSeconds(10)));
        Assert.That(fired[2].At, Is.EqualTo(FakeTimeProvider.DefaultStart.AddSeconds(30)));
        Assert.That(clock.PendingTimerCount, Is.Zero);
    }

    [Test]
    public void A_periodic_timer_fires_once_per_period_passed()
    {
        var clock = new FakeTimeProvider();
        var count = 0;
        using var timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));

        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.That(count, Is.Zero);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(count, Is.EqualTo(1));
        clock.Advance(TimeSpan.FromSeconds(35)); // due at 15, 25, 35
        Assert.That(count, Is.EqualTo(4));
        Assert.That(clock.NextTimerDue, Is.EqualTo(FakeTimeProvider.DefaultStart.AddSeconds(45)));
    }

    [Test]
    public void Dispose_and_Change_reschedule_or_cancel_a_timer()
    {
        var clock = new FakeTimeProvider();
        var count = 0;
        var timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        timer.Change(TimeSpan.FromSeconds(20), Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.That(count, Is.Zero);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.That(count, Is.EqualTo(1));

        timer.Change(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Assert.That(clock.PendingTimerCount, Is.Zero);

        timer.Change(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        timer.Dispose();
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(count, Is.EqualTo(1));
    }

    [Test]
    public void Task_Delay_completes_exactly_at_its_due_time()
    {
        var clock = new FakeTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(30), clock);

        clock.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromTicks(1));
        Assert.That(delay.IsCompleted, Is.False);
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.That(delay.IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public void A_zero_due_time_fires_immediately_without_advancing()
    {
        var clock = new FakeTimeProvider();
        var fired = false;
        using var timer = clock.CreateTimer(_ => fired = true, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        Assert.That(fired, Is.True);
        Assert.That(clock.GetUtcNow(), Is.EqualTo(FakeTimeProvider.DefaultStart));
        Assert.That(clock.PendingTimerCount, Is.Zero);
    }

    [Test]
    public async Task CancellationTokenSource_with_the_clock_cancels_at_the_due_time()
    {
        var clock = new FakeTimeProvider();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10), clock);
        var wait = Task.Delay(Timeout.InfiniteTimeSpan, cts.Token);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.That(async () => await wait, Throws.InstanceOf<OperationCanceledException>());
        await Task.CompletedTask;
    }

    [Test]
    public void Concurrent_timers_and_advances_lose_nothing()
    {
        var clock = new FakeTimeProvider();
        var delays = new Task[400];
        Parallel.For(0, delays.Length, i => delays[i] = Task.Delay(TimeSpan.FromSeconds(1 + (i % 50)), clock));
        Assert.That(clock.PendingTimerCount, Is.EqualTo(delays.Length));

        Parallel.For(0, 10, _ => clock.Advance(TimeSpan.FromSeconds(6))); // serialised: 60 s in total

        Assert.That(clock.GetUtcNow(), Is.EqualTo(FakeTimeProvider.DefaultStart.AddSeconds(60)));
        Assert.That(Task.WhenAll(delays).Wait(TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(clock.PendingTimerCount, Is.Zero);
    }

    [Test]
    public async Task WaitForPendingTimersAsync_returns_once_the_code_under_test_starts_waiting()
    {
        var clock = new FakeTimeProvider();
        var started = new TaskCompletionSource();
        var work = Task.Run(async () =>
        {
            await started.Task;
            await Task.Delay(TimeSpan.FromMinutes(1), clock);
            await Task.Delay(TimeSpan.FromMinutes(1), clock);
            return clock.GetUtcNow();
        });

        var waiting = clock.WaitForPendingTimersAsync();
        Assert.That(waiting.IsCompleted, Is.False);
        started.SetResult();
        await waiting;
        Assert.That(clock.PendingTimerCount, Is.EqualTo(1));

        clock.Advance(TimeSpan.FromMinutes(1));
        await clock.WaitForPendingTimersAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await work, Is.EqualTo(FakeTimeProvider.DefaultStart.AddMinutes(2)));
    }

    [Test]
    public void WaitForPendingTimersAsync_times_out_in_real_time_when_nothing_waits()
    {
        var clock = new FakeTimeProvider();
        Assert.That(
            async () => await clock.WaitForPendingTimersAsync(1, TimeSpan.FromMilliseconds(50)),
            Throws.InstanceOf<TimeoutException>().With.Message.Contains("0 pending"));
    }

    [Test]
    public async Task RunUntilCompletedAsync_skips_every_wait_of_a_multi_step_operation()
    {
        var clock = new FakeTimeProvider();
        async Task<int> RetryThreeTimesAsync()
        {
            var attempts = 0;
            foreach (var wait in new[] { 1, 2, 4 })
            {
                attempts++;
                await Task.Delay(TimeSpan.FromSeconds(wait), clock).ConfigureAwait(false);
            }

            return attempts;
        }

        var result = await clock.RunUntilCompletedAsync(Task.Run(RetryThreeTimesAsync));

        Assert.That(result, Is.EqualTo(3));
        Assert.That(clock.GetUtcNow(), Is.EqualTo(FakeTimeProvider.DefaultStart.AddSeconds(7)));
    }

    [Test]
    public void RunUntilCompletedAsync_surfaces_the_operations_exception()
    {
        var clock = new FakeTimeProvider();
        async Task FailLaterAsync()
        {
            await Task.Delay(TimeSpan.FromHours(1), clock).ConfigureAwait(false);
            throw new InvalidOperationException("boom");
        }

        Assert.That(async () => await clock.RunUntilCompletedAsync(FailLaterAsync()), Throws.InvalidOperationException.With.Message.EqualTo("boom"));
    }
}

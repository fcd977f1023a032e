using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests;

public class IdleTimeDriverTests
{
    private static readonly DateTimeOffset Start = FakeTimeDefaults.Start;

    [Test]
    public async Task WaitForPendingTimersAsync_returns_once_the_code_under_test_starts_waiting()
    {
        var clock = new TimerTrackingTimeProvider();
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
        Assert.That(await work, Is.EqualTo(Start.AddMinutes(2)));
    }

    [Test]
    public async Task WaitForPendingTimersAsync_waits_for_the_count_asked_for()
    {
        var clock = new TimerTrackingTimeProvider();
        _ = Task.Delay(TimeSpan.FromSeconds(1), clock);
        var two = clock.WaitForPendingTimersAsync(2);
        await Task.Yield();
        Assert.That(two.IsCompleted, Is.False);
        _ = Task.Delay(TimeSpan.FromSeconds(2), clock);
        await two;
        Assert.That(clock.PendingTimerCount, Is.EqualTo(2));
    }

    [Test]
    public void WaitForPendingTimersAsync_times_out_in_real_time_when_nothing_waits()
    {
        var clock = new TimerTrackingTimeProvider();
        Assert.That(
            async () => await clock.WaitForPendingTimersAsync(1, TimeSpan.FromMilliseconds(50)),
            Throws.InstanceOf<TimeoutException>().With.Message.Contains("0 pending"));
    }

    [Test]
    public async Task RunUntilCompletedAsync_skips_every_wait_of_a_multi_step_operation_in_due_order()
    {
        var clock = new TimerTrackingTimeProvider();
        var woke = new List<DateTimeOffset>();
        async Task<int> RetryThreeTimesAsync()
        {
            var attempts = 0;
            foreach (var wait in new[] { 1, 2, 4 })
            {
                attempts++;
                await Task.Delay(TimeSpan.FromSeconds(wait), clock).ConfigureAwait(false);
                woke.Add(clock.GetUtcNow());
            }

            return attempts;
        }

        var result = await clock.RunUntilCompletedAsync(Task.Run(RetryThreeTimesAsync));

        Assert.That(result, Is.EqualTo(3));
        Assert.That(woke, Is.EqualTo(new[] { Start.AddSeconds(1), Start.AddSeconds(3), Start.AddSeconds(7) }));
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.AddSeconds(7)));
    }

    [Test]
    public async Task RunUntilCompletedAsync_jumps_to_the_earliest_of_several_timers_first()
    {
        var clock = new TimerTrackingTimeProvider();
        var order = new List<string>();
        async Task WaitAsync(string name, TimeSpan wait)
        {
            await Task.Delay(wait, clock).ConfigureAwait(false);
            lock (order)
            {
                order.Add(name);
            }
        }

        await clock.RunUntilCompletedAsync(Task.WhenAll(WaitAsync("hour", TimeSpan.FromHours(1)), WaitAsync("minute", TimeSpan.FromMinutes(1)), WaitAsync("second", TimeSpan.FromSeconds(1))));

        Assert.That(order, Is.EqualTo(new[] { "second", "minute", "hour" }));
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.AddHours(1)));
    }

    [Test]
    public void RunUntilCompletedAsync_surfaces_the_operations_exception()
    {
        var clock = new TimerTrackingTimeProvider();
        async Task FailLaterAsync()
        {
            await Task.Delay(TimeSpan.FromHours(1), clock).ConfigureAwait(false);
            throw new InvalidOperationException("boom");
        }

        Assert.That(async () => await clock.RunUntilCompletedAsync(FailLaterAsync()), Throws.InvalidOperationException.With.Message.EqualTo("boom"));
    }

    [Test]
    public async Task RunUntilCompletedAsync_gives_up_in_real_time_on_a_task_that_never_completes()
    {
        var clock = new TimerTrackingTimeProvider();
        var never = new TaskCompletionSource().Task;

        var run = clock.RunUntilCompletedAsync(never, TimeSpan.FromMilliseconds(200));

        Assert.That(await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10))), Is.SameAs(run), "the bound ended the run");
        Assert.That(async () => await run, Throws.InstanceOf<TimeoutException>().With.Message.Contains("0 pending"));
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start));
    }

    [Test]
    public async Task RunUntilCompletedAsync_gives_up_in_real_time_on_a_task_that_keeps_waiting()
    {
        var clock = new TimerTrackingTimeProvider();
        async Task PollForeverAsync()
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromMinutes(1), clock).ConfigureAwait(false);
            }
        }

        var run = clock.RunUntilCompletedAsync(PollForeverAsync(), TimeSpan.FromMilliseconds(300));

        Assert.That(await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10))), Is.SameAs(run), "the bound ended the run");
        Assert.That(async () => await run, Throws.InstanceOf<TimeoutException>().With.Message.Contains("1 pending timer"));
        Assert.That(clock.GetUtcNow(), Is.GreaterThan(Start), "it was driven until the bound");
    }

    [Test]
    public async Task RunUntilCompletedAsync_leaves_a_timer_beyond_maxAdvance_alone()
    {
        var clock = new TimerTrackingTimeProvider();
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timeout = new CancellationTokenSource();
        var request = Task.WhenAny(answer.Task, Task.Delay(TimeSpan.FromMinutes(5), clock, timeout.Token));
        _ = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
            answer.SetResult();
        });

        var winner = await clock.RunUntilCompletedAsync(request, maxAdvance: TimeSpan.FromMinutes(1));
        await timeout.CancelAsync();

        Assert.That(winner, Is.SameAs(answer.Task), "the 5-minute timeout was not fired");
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start));
    }
}

using FitnessClients.Testing;

namespace FitnessClients.Cli.Tests.Strava;

/// <summary>
/// Drives a CLI run on a fake clock without ever firing a request's timeout: it jumps to the next timer only while
/// the emulator's budget is spent and that timer is further away than a request's 30-second attempt timeout (so it is
/// a window wait; an in-flight request's timeout would come first), or, after a moment of idleness, to a timer at most
/// a few seconds away (a waiter's jitter).
/// </summary>
internal static class ClockDriver
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan JitterReach = TimeSpan.FromSeconds(3);

    // Beyond the 30-second attempt timeout: a timer this far away while the budget is spent is a window wait.
    private static readonly TimeSpan WindowWait = TimeSpan.FromSeconds(45);

    /// <summary>Whether every further request would be refused: some window of the emulator has nothing left.</summary>
    public static Func<bool> BudgetSpent(Func<StravaEmulator?> emulator) =>
        () => emulator()?.RateLimits?.GetStatus().Windows.Any(w => w.Remaining == 0) == true;

    public static async Task<T> RunAsync<T>(TimerTrackingTimeProvider clock, Task<T> task, Func<bool> budgetSpent)
    {
        await RunUntilAsync(clock, task, budgetSpent, () => false);
        return await task;
    }

    /// <summary>Drives until <paramref name="task"/> ends or <paramref name="stopWhen"/> holds.</summary>
    public static async Task RunUntilAsync(TimerTrackingTimeProvider clock, Task task, Func<bool> budgetSpent, Func<bool> stopWhen)
    {
        var started = DateTime.UtcNow;
        var idleSince = DateTime.UtcNow;
        var state = 0;
        while (!task.IsCompleted && !stopWhen())
        {
            if (DateTime.UtcNow - started > Limit)
            {
                Assert.Fail($"the run did not finish within {Limit.TotalSeconds} s of real time; the clock is at {clock.GetUtcNow():O}");
            }

            await Task.WhenAny(task, Task.Delay(20));
            if (task.IsCompleted || stopWhen())
            {
                break;
            }

            var due = clock.NextTimerDue;
            var now = clock.GetUtcNow();
            var current = HashCode.Combine(clock.PendingTimerCount, due, now);
            if (current != state)
            {
                state = current;
                idleSince = DateTime.UtcNow;
            }

            if (due is not { } at)
            {
                continue;
            }

            if ((budgetSpent() && at - now > WindowWait) || (DateTime.UtcNow - idleSince > Idle && at - now <= JitterReach))
            {
                clock.AdvanceToNextTimer();
            }
        }
    }
}

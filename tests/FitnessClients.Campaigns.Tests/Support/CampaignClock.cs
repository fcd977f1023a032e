using FitnessClients.Testing;

namespace FitnessClients.Campaigns.Tests.Support;

/// <summary>
/// Drives a long operation on a <see cref="TimerTrackingTimeProvider"/>: when the code under test is quiet, the clock jumps to
/// the next timer (a back-off, a rate-limit cooldown, a slow body's next chunk).
/// </summary>
/// <remarks>
/// Two rules keep a busy machine from turning real slowness into fake timeouts: the clock never moves while a request
/// waits for its response headers (the emulators schedule nothing before the headers in these campaigns), and a jump
/// longer than <c>shortJump</c> (a rate-limit cooldown) needs a longer quiet spell, so the back-off a retry is about to
/// schedule is never skipped for the total timeout behind it. Unlike
/// <see cref="IdleTimeDriver.RunUntilCompletedAsync(TimerTrackingTimeProvider, Task, TimeSpan?, TimeSpan?, CancellationToken)"/> with
/// <c>maxAdvance</c>, a 15-minute rate-limit wait is still skipped.
/// </remarks>
internal static class CampaignClock
{
    private static readonly TimeSpan ShortSettle = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongSettle = TimeSpan.FromMilliseconds(250);

    public static async Task<T> RunAsync<T>(TimerTrackingTimeProvider clock, Func<int> inFlight, Task<T> task, TimeSpan realTimeout, TimeSpan shortJump)
    {
        var scheduled = 0L;
        void OnScheduled(object? sender, EventArgs e) => Interlocked.Increment(ref scheduled);
        clock.TimerScheduled += OnScheduled;
        var real = TimeProvider.System;
        var started = real.GetTimestamp();
        try
        {
            while (!task.IsCompleted)
            {
                if (real.GetElapsedTime(started) > realTimeout)
                {
                    throw new TimeoutException($"Not done within {realTimeout} of real time; fake clock at {clock.GetUtcNow():O}, {clock.PendingTimerCount} timers, {inFlight()} in flight.");
                }

                if (inFlight() > 0 || clock.NextTimerDue is not { } next)
                {
                    await Task.WhenAny(task, Task.Delay(1));
                    continue;
                }

                var version = Interlocked.Read(ref scheduled);
                var settle = next - clock.GetUtcNow() > shortJump ? LongSettle : ShortSettle;
                await Task.WhenAny(task, Task.Delay(settle));
                if (task.IsCompleted || Interlocked.Read(ref scheduled) != version || inFlight() > 0 || clock.NextTimerDue is not { } due)
                {
                    continue;
                }

                if (due - clock.GetUtcNow() > shortJump && settle != LongSettle)
                {
                    continue; // a long jump: settle again, longer
                }

                clock.AdvanceToNextTimer();
            }
        }
        finally
        {
            clock.TimerScheduled -= OnScheduled;
        }

        return await task;
    }
}

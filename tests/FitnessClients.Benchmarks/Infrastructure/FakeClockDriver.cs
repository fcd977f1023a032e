using System.Diagnostics;
using FitnessClients.Testing;

namespace FitnessClients.Benchmarks.Infrastructure;

/// <summary>
/// Drives work that waits on a <see cref="FakeTimeProvider"/> (rate-limit windows, retry delays): when no request is
/// being served and no timer was scheduled between two polls, the clock jumps to the next timer. Hours of rate-limited
/// backup then take seconds, and no request is ever in flight while the clock crosses a window boundary.
/// </summary>
internal static class FakeClockDriver
{
    public static async Task<T> DriveAsync<T>(FakeTimeProvider clock, Func<int> inFlight, Task<T> work, TimeSpan realTimeout)
    {
        long version = 0;
        void OnScheduled(object? sender, EventArgs e) => Interlocked.Increment(ref version);
        clock.TimerScheduled += OnScheduled;
        try
        {
            var watch = Stopwatch.StartNew();
            var seen = -1L;
            while (!work.IsCompleted)
            {
                if (watch.Elapsed > realTimeout)
                {
                    throw new TimeoutException($"The work did not finish within {realTimeout.TotalSeconds:0} s of real time; the fake clock is at {clock.GetUtcNow():O}.");
                }

                await Task.WhenAny(work, Task.Delay(1));
                if (work.IsCompleted)
                {
                    break;
                }

                var current = Interlocked.Read(ref version);
                if (clock.PendingTimerCount > 0 && inFlight() == 0 && current == seen)
                {
                    clock.AdvanceToNextTimer();
                    seen = -1;
                }
                else
                {
                    seen = current;
                }
            }
        }
        finally
        {
            clock.TimerScheduled -= OnScheduled;
        }

        return await work;
    }
}

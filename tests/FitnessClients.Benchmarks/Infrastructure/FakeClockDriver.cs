using System.Diagnostics;
using FitnessClients.Testing;

namespace FitnessClients.Benchmarks.Infrastructure;

/// <summary>
/// Drives work that waits on a <see cref="TimerTrackingTimeProvider"/> (rate-limit windows, retry delays): when no request is
/// being served and no timer was scheduled between two polls, the clock jumps to the next timer. Hours of rate-limited
/// backup then take seconds, and no request is ever in flight while the clock crosses a window boundary.
/// </summary>
internal static class FakeClockDriver
{
    /// <param name="clock">The clock to move.</param>
    /// <param name="inFlight">Requests being served by the emulator; the clock stays put while any is, however long it takes.</param>
    /// <param name="granted">Requests granted a rate-limit slot and not yet answered; the clock stays put while any is.</param>
    /// <param name="work">The work.</param>
    /// <param name="realTimeout">The bound in real time.</param>
    /// <param name="log">Told when a request seemed stuck and the clock was moved anyway.</param>
    public static async Task<T> DriveAsync<T>(TimerTrackingTimeProvider clock, Func<int> inFlight, Func<int> granted, Task<T> work, TimeSpan realTimeout, TextWriter log, Func<string>? describe = null)
    {
        long version = 0;
        void OnScheduled(object? sender, EventArgs e) => Interlocked.Increment(ref version);
        clock.TimerScheduled += OnScheduled;
        try
        {
            var watch = Stopwatch.StartNew();
            var seen = -1L;
            var stuckSince = TimeSpan.Zero;
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
                var quiet = clock.PendingTimerCount > 0 && current == seen;
                var serving = inFlight();
                var busy = serving + granted();
                if (quiet && busy == 0)
                {
                    clock.AdvanceToNextTimer();
                    seen = -1;
                    stuckSince = TimeSpan.Zero;
                }
                else if (quiet && serving == 0 && stuckSince == TimeSpan.Zero)
                {
                    stuckSince = watch.Elapsed;
                }
                else if (quiet && serving == 0 && watch.Elapsed - stuckSince > TimeSpan.FromSeconds(30))
                {
                    // A granted request that failed before reaching the service never reports back: do not wait for it forever.
                    log.WriteLine($"fake clock: {busy} request(s) granted but neither served nor answered after 30 s; moving the clock on from {clock.GetUtcNow():O} to {clock.NextTimerDue:O}; {describe?.Invoke()}");
                    clock.AdvanceToNextTimer();
                    seen = -1;
                    stuckSince = TimeSpan.Zero;
                }
                else
                {
                    seen = current;
                    if (serving > 0)
                    {
                        stuckSince = TimeSpan.Zero; // a slow emulator (a long activity's streams on a busy machine) is not stuck
                    }
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

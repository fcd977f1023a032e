using FitnessClients.Testing;

namespace FitnessClients.Strava.Tests.RateLimits;

/// <summary>Runs work that waits on the fake clock: whenever the work is parked on a timer, jumps to that timer.</summary>
internal static class FakeClockDriver
{
    public static async Task<T> RunAsync<T>(TimerTrackingTimeProvider clock, Func<Task<T>> work)
    {
        var task = Task.Run(work);
        var idleSince = DateTime.UtcNow;
        while (!task.IsCompleted)
        {
            if (clock.PendingTimerCount > 0)
            {
                clock.AdvanceToNextTimer();
                idleSince = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - idleSince > TimeSpan.FromSeconds(60))
            {
                // Generous: on a loaded 2-core machine a burst of real work between two waits took over 10 s.
                Assert.Fail("The work neither finished nor waited on the clock within 60 s.");
            }
            else
            {
                // A short real pause instead of a spin, so the poll does not starve the work it waits for.
                await Task.Delay(1);
            }
        }

        return await task;
    }
}

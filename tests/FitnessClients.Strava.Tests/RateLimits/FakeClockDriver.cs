using FitnessClients.Testing;

namespace FitnessClients.Strava.Tests.RateLimits;

/// <summary>Runs work that waits on the fake clock: whenever the work is parked on a timer, jumps to that timer.</summary>
internal static class FakeClockDriver
{
    public static async Task<T> RunAsync<T>(FakeTimeProvider clock, Func<Task<T>> work)
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
            else if (DateTime.UtcNow - idleSince > TimeSpan.FromSeconds(10))
            {
                Assert.Fail("The work neither finished nor waited on the clock within 10 s.");
            }
            else
            {
                await Task.Yield();
            }
        }

        return await task;
    }
}

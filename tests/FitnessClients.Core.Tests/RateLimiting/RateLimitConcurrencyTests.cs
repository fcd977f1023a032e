using FitnessClients.Core.RateLimiting;
using FitnessClients.Testing;
using static FitnessClients.Core.Tests.RateLimiting.RateLimitTestKit;

namespace FitnessClients.Core.Tests.RateLimiting;

public class RateLimitConcurrencyTests
{
    [Test]
    public async Task Fifty_parallel_acquires_against_a_limit_of_ten_get_ten_permits_per_quarter_hour()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 7));
        var policy = new FixedWindowRateLimitPolicy([RateLimitWindow.QuarterHour("15-minute", 10)], clock) { MaxJitter = TimeSpan.Zero };
        var granted = 0;
        var acquirers = Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            await policy.AcquireAsync(Get());
            Interlocked.Increment(ref granted);
        })).ToArray();

        WaitFor(() => Volatile.Read(ref granted) == 10 && clock.PendingTimerCount == 40, "ten granted, forty waiting");
        Assert.That(Volatile.Read(ref granted), Is.EqualTo(10));
        Assert.That(policy.GetStatus().Windows.Single().Used, Is.EqualTo(10));

        clock.SetUtcNow(Utc(8, 15));
        WaitFor(() => Volatile.Read(ref granted) == 20 && clock.PendingTimerCount == 30, "ten more granted at 08:15");
        Assert.That(Volatile.Read(ref granted), Is.EqualTo(20));

        clock.SetUtcNow(Utc(8, 30));
        WaitFor(() => Volatile.Read(ref granted) == 30 && clock.PendingTimerCount == 20, "ten more granted at 08:30");
        clock.SetUtcNow(Utc(8, 45));
        WaitFor(() => Volatile.Read(ref granted) == 40 && clock.PendingTimerCount == 10, "ten more granted at 08:45");
        clock.SetUtcNow(Utc(9, 0));
        await Completes(Task.WhenAll(acquirers));
        Assert.That(granted, Is.EqualTo(50));
        Assert.That(policy.GetStatus().Windows.Single().Used, Is.EqualTo(10));
    }
}

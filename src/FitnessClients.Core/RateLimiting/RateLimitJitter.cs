namespace FitnessClients.Core.RateLimiting;

/// <summary>
/// A random extra wait after a window reopens, so that many clients (or many waiters of one client) do not all
/// hit the service in the same second, and so a service clock a little behind ours has reset by then.
/// </summary>
internal sealed class RateLimitJitter(TimeSpan max, Random random)
{
    private readonly object _gate = new();

    public TimeSpan Next()
    {
        if (max <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        double fraction;
        lock (_gate)
        {
            // Random instances other than Random.Shared are not thread-safe; a seeded one may be passed in.
#pragma warning disable CA5394 // Spreading retries needs no cryptographic randomness.
            fraction = random.NextDouble();
#pragma warning restore CA5394
        }

        // Whole milliseconds: the resolution of the delay that will use it.
        return TimeSpan.FromMilliseconds(Math.Floor(max.TotalMilliseconds * fraction));
    }
}

namespace FitnessClients.Core.Tests.Tokens;

/// <summary>
/// A bounded real-time poll for a background task or a child process to reach a state. Only for waits that a
/// fake clock cannot drive (also used inside probe child processes, hence a plain exception rather than an
/// NUnit assertion); every other wait in these tests moves a <c>FakeTimeProvider</c>.
/// </summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultBound = TimeSpan.FromSeconds(10);

    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? bound = null)
    {
        var clock = TimeProvider.System;
        var started = clock.GetTimestamp();
        while (!condition())
        {
            if (clock.GetElapsedTime(started) > (bound ?? DefaultBound))
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), clock);
        }
    }
}

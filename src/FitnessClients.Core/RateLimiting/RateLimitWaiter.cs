using System.Globalization;

namespace FitnessClients.Core.RateLimiting;

/// <summary>The wait-or-throw loop both shipped policies share.</summary>
internal static class RateLimitWaiter
{
    // Task.Delay refuses delays beyond about 49 days; a longer cooldown (an absurd Retry-After) is waited in steps.
    private static readonly TimeSpan MaxSingleDelay = TimeSpan.FromDays(1);

    /// <summary>
    /// Calls <paramref name="tryAcquire"/> until it grants (returns <see langword="null"/>); while it reports a block,
    /// throws or waits on <paramref name="timeProvider"/> until the block's end plus jitter, then asks again.
    /// </summary>
    public static async ValueTask AcquireAsync(
        Func<DateTimeOffset, RateLimitBlock?> tryAcquire,
        RateLimitExhaustionBehavior behavior,
        TimeProvider timeProvider,
        RateLimitJitter jitter,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = timeProvider.GetUtcNow();
            if (tryAcquire(now) is not { } block)
            {
                return;
            }

            if (behavior == RateLimitExhaustionBehavior.Throw)
            {
                throw CreateException(block);
            }

            // Re-check after the wait rather than assume the permit: others may have taken the fresh budget first.
            // Task.Delay truncates to whole milliseconds; rounding up (and waiting at least one) keeps a
            // sub-millisecond rest from turning into a zero-length delay, which would spin instead of wait.
            var delay = block.ResumeAt - now + jitter.Next();
            var milliseconds = Math.Clamp(Math.Ceiling(delay.TotalMilliseconds), 1, MaxSingleDelay.TotalMilliseconds);
            await Task.Delay(TimeSpan.FromMilliseconds(milliseconds), timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The exception for a block; the message names the window and the numbers, never a request detail.</summary>
    public static RateLimitExceededException CreateException(RateLimitBlock block)
    {
        var resume = block.ResumeAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var message = block switch
        {
            { Window: { } window, Usage: { } usage, Limit: { } limit } =>
                string.Create(CultureInfo.InvariantCulture, $"Rate limit window '{window}' is exhausted ({usage} of {limit} used); requests may resume at {resume}."),
            { Window: { } window } => $"Rate limit window '{window}' is exhausted; requests may resume at {resume}.",
            _ => $"The service asked to slow down (HTTP 429); requests may resume at {resume}.",
        };
        return new RateLimitExceededException(message, block.ResumeAt)
        {
            Window = block.Window,
            Limit = block.Limit,
            Usage = block.Usage,
        };
    }
}

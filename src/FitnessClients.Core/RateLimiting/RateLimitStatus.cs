namespace FitnessClients.Core.RateLimiting;

/// <summary>A snapshot of a <see cref="RateLimitPolicy"/>'s budget.</summary>
/// <param name="Windows">Each window with its limit, use and reset time.</param>
/// <param name="CooldownUntil">When a cooldown after a 429 ends, if one is in force.</param>
public sealed record RateLimitStatus(IReadOnlyList<RateLimitWindowStatus> Windows, DateTimeOffset? CooldownUntil);

/// <summary>The state of one rate-limit window.</summary>
/// <param name="Name">The window's name, e.g. <c>read 15-minute</c> or <c>daily</c>.</param>
/// <param name="Limit">How many requests the window allows.</param>
/// <param name="Used">How many it has counted (from local counting, corrected by the service's headers).</param>
/// <param name="ResetsAt">When the window reopens with a fresh budget.</param>
public sealed record RateLimitWindowStatus(string Name, int Limit, int Used, DateTimeOffset ResetsAt)
{
    /// <summary>How many requests are left in the window.</summary>
    public int Remaining => Math.Max(0, Limit - Used);
}

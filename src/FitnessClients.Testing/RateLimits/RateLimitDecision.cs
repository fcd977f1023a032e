using FitnessClients.Core.RateLimiting;

namespace FitnessClients.Testing;

/// <summary>What a <see cref="RateLimitSimulator"/> decided for one request, with every window's state after counting it: what header writers and 429 factories work from.</summary>
public sealed class RateLimitDecision
{
    internal RateLimitDecision(DateTimeOffset now, bool isAllowed, IReadOnlyList<RateLimitWindowStatus> windows, IReadOnlyList<string> appliedWindows, RateLimitWindowStatus? exceededWindow)
    {
        Now = now;
        IsAllowed = isAllowed;
        Windows = windows;
        AppliedWindows = appliedWindows;
        ExceededWindow = exceededWindow;
    }

    /// <summary>When the decision was made, on the simulator's clock.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>Whether the request may proceed; <see langword="false"/> means it gets a 429.</summary>
    public bool IsAllowed { get; }

    /// <summary>Every window of the simulator, in the order added, after this request was counted.</summary>
    public IReadOnlyList<RateLimitWindowStatus> Windows { get; }

    /// <summary>The names of the windows this request belongs to.</summary>
    public IReadOnlyList<string> AppliedWindows { get; }

    /// <summary>The used-up window that caused the rejection (the one reopening last when several are); <see langword="null"/> when allowed.</summary>
    public RateLimitWindowStatus? ExceededWindow { get; }

    /// <summary>How long until the exceeded window reopens; <see langword="null"/> when allowed.</summary>
    public TimeSpan? RetryAfter => ExceededWindow is { } window ? window.ResetsAt - Now : null;

    /// <summary>The state of the window named <paramref name="name"/>.</summary>
    /// <param name="name">The window name.</param>
    /// <exception cref="KeyNotFoundException">No such window.</exception>
    public RateLimitWindowStatus GetWindow(string name) =>
        Windows.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.Ordinal)) ?? throw new KeyNotFoundException($"No rate-limit window named '{name}'.");
}

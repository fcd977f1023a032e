namespace FitnessClients.Core.RateLimiting;

/// <summary>Why a permit cannot be granted now and when it can: an exhausted window or a cooldown.</summary>
/// <param name="ResumeAt">When a request may be sent again.</param>
/// <param name="Window">The window that blocks, when known.</param>
/// <param name="Limit">That window's limit, when known.</param>
/// <param name="Usage">That window's usage, when known.</param>
internal readonly record struct RateLimitBlock(DateTimeOffset ResumeAt, string? Window, int? Limit, int? Usage);

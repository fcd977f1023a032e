namespace FitnessClients.Core.RateLimiting;

/// <summary>What a client does when a rate-limit window is used up.</summary>
public enum RateLimitExhaustionBehavior
{
    /// <summary>Wait until the window reopens, then send. Right for backups and scheduled jobs.</summary>
    Wait = 0,

    /// <summary>Throw <see cref="RateLimitExceededException"/> with <see cref="RateLimitExceededException.ResumeAt"/>. Right for interactive apps.</summary>
    Throw = 1,
}

namespace FitnessClients.Core;

/// <summary>
/// A rate limit is exhausted and the client was configured to fail fast rather than wait
/// (<see cref="RateLimiting.RateLimitExhaustionBehavior.Throw"/>), or the service answered 429.
/// <see cref="ResumeAt"/> says when a request may succeed again.
/// </summary>
public class RateLimitExceededException : FitnessApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What limit was hit.</param>
    /// <param name="resumeAt">When requests may be made again.</param>
    public RateLimitExceededException(string message, DateTimeOffset resumeAt)
        : base(message)
    {
        ResumeAt = resumeAt;
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What limit was hit.</param>
    /// <param name="resumeAt">When requests may be made again.</param>
    /// <param name="innerException">The cause.</param>
    public RateLimitExceededException(string message, DateTimeOffset resumeAt, Exception? innerException)
        : base(message, innerException)
    {
        ResumeAt = resumeAt;
    }

    /// <summary>The moment (UTC) from which a request may succeed again.</summary>
    public DateTimeOffset ResumeAt { get; }

    /// <summary>The name of the exhausted window, e.g. <c>15-minute</c> or <c>daily</c>, when known.</summary>
    public string? Window { get; init; }

    /// <summary>The limit of that window, when known.</summary>
    public int? Limit { get; init; }

    /// <summary>The usage counted in that window, when known.</summary>
    public int? Usage { get; init; }
}

using System.Net;

namespace FitnessClients.Core;

/// <summary>
/// The base of every error the SDK raises about a service call: the service answered with a non-success
/// status, could not be reached, or sent something that could not be understood.
/// </summary>
/// <remarks>
/// Every text in this exception has passed through <see cref="Diagnostics.SecretScrubber"/>: the URI carries no
/// secret query values and the body excerpt no tokens, so it is safe to log or show.
/// Catch the subtypes to branch: <see cref="AuthenticationRequiredException"/>,
/// <see cref="RateLimitExceededException"/>, <see cref="ResourceNotFoundException"/>,
/// <see cref="ServiceUnavailableException"/>.
/// </remarks>
/// <example>
/// <code>
/// try { await client.Activities.GetAsync(id, ct); }
/// catch (FitnessApiException ex) { Console.Error.WriteLine($"{ex.Service}: {ex.StatusCode} {ex.Message}"); }
/// </code>
/// </example>
public class FitnessApiException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong, already free of secrets.</param>
    public FitnessApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong, already free of secrets.</param>
    /// <param name="innerException">The cause.</param>
    public FitnessApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The service that answered, e.g. <c>strava</c> or <c>garmin</c>.</summary>
    public string? Service { get; init; }

    /// <summary>The HTTP status of the response, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The HTTP method of the request, e.g. <c>GET</c>.</summary>
    public string? RequestMethod { get; init; }

    /// <summary>The request URI with secret query values replaced by <c>***</c>.</summary>
    public Uri? RequestUri { get; init; }

    /// <summary>How long the service asked the caller to wait (<c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// A short, scrubbed excerpt of the response body: the service's error message when the body was JSON
    /// with a known message field, the page title when it was HTML, otherwise the first characters.
    /// </summary>
    public string? ResponseExcerpt { get; init; }

    /// <summary>A machine-readable error code from the body when the service sent one (e.g. OAuth's <c>invalid_grant</c>).</summary>
    public string? ErrorCode { get; init; }
}

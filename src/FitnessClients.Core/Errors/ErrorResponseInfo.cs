using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace FitnessClients.Core;

/// <summary>
/// What is known about a failed response once its body has been read (bounded) and summarised: the input of
/// the default mapping and of <see cref="ErrorMappingOptions.CustomMapper"/>. Every text here is scrubbed except
/// <see cref="Body"/>.
/// </summary>
public sealed class ErrorResponseInfo
{
    /// <summary>The service's short name, e.g. <c>strava</c>.</summary>
    public required string Service { get; init; }

    /// <summary>The response status.</summary>
    public required HttpStatusCode StatusCode { get; init; }

    /// <summary>The status text, e.g. <c>Not Found</c> (scrubbed).</summary>
    public string? ReasonPhrase { get; init; }

    /// <summary>The request method, e.g. <c>GET</c>.</summary>
    public required string RequestMethod { get; init; }

    /// <summary>The request URI with secret query values masked and user info removed.</summary>
    public Uri? RequestUri { get; init; }

    /// <summary>The wait the service asked for with <c>Retry-After</c>, when it did.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>When the response was mapped, by the client's clock; the base for <see cref="RateLimitExceededException.ResumeAt"/>.</summary>
    public DateTimeOffset Now { get; init; }

    /// <summary>The body's media type, e.g. <c>application/json</c>.</summary>
    public string? MediaType { get; init; }

    /// <summary>The scrubbed summary of the body: the JSON error message, the HTML page title, or the first characters.</summary>
    public string? ResponseExcerpt { get; init; }

    /// <summary>A machine-readable code from the body, e.g. OAuth's <c>invalid_grant</c> (scrubbed).</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Whether the body is a Cloudflare challenge page ("Just a moment...", "Attention Required!"): bot protection, not an API answer.</summary>
    public bool IsCloudflareChallenge { get; init; }

    /// <summary>The response headers, e.g. for service-specific rate-limit headers.</summary>
    public HttpResponseHeaders? Headers { get; init; }

    /// <summary>
    /// The start of the body as text (at most <see cref="ErrorMappingOptions.MaxBodyBytes"/>), <b>not scrubbed</b>:
    /// for custom mappers that parse service-specific fields. Never put it into a message or a log.
    /// </summary>
    public string? Body { get; init; }

    /// <summary>Whether <see cref="Body"/> is only the start of a longer body.</summary>
    public bool BodyTruncated { get; init; }

    /// <summary>
    /// The first part of every message: <c>strava GET https://www.strava.com/api/v3/athlete/activities?page=2 failed:
    /// 404 Not Found: Record Not Found</c>, with the error code in parentheses when the excerpt does not show it.
    /// </summary>
    public string Summary
    {
        get
        {
            var text = string.Create(
                CultureInfo.InvariantCulture,
                $"{FitnessApiExceptionFactory.Describe(Service, RequestMethod, RequestUri)} failed: {(int)StatusCode} {ReasonPhrase}").TrimEnd();
            if (!string.IsNullOrEmpty(ResponseExcerpt))
            {
                text += ": " + ResponseExcerpt;
            }

            if (!string.IsNullOrEmpty(ErrorCode) && (ResponseExcerpt is null || !ResponseExcerpt.Contains(ErrorCode, StringComparison.Ordinal)))
            {
                text += " (" + ErrorCode + ")";
            }

            return text;
        }
    }
}

using System.Globalization;
using System.Net;
using FitnessClients.Core.Diagnostics;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace FitnessClients.Core;

/// <summary>
/// The one place that decides which exception a failed call becomes. <see cref="Http.ErrorMappingHandler"/> uses it
/// for every call; service code uses it for responses it reads outside the handler chain (e.g. a token endpoint).
/// </summary>
/// <remarks>
/// Responses: 401 → <see cref="AuthenticationRequiredException"/>; 404 → <see cref="ResourceNotFoundException"/>;
/// 429 → <see cref="RateLimitExceededException"/> (resume at now + <c>Retry-After</c>, or now +
/// <see cref="ErrorMappingOptions.DefaultRateLimitWait"/>); 408 and 5xx → <see cref="ServiceUnavailableException"/>;
/// 403 and the other statuses → <see cref="FitnessApiException"/> (a 403 is usually a missing scope or permission,
/// which signing in again would not fix). A <see cref="ErrorMappingOptions.CustomMapper"/> is asked first.
/// </remarks>
public static class FitnessApiExceptionFactory
{
    /// <summary>Reads <paramref name="response"/> (bounded) and returns the exception it maps to.</summary>
    /// <param name="response">The failed response; its body is consumed, the caller still disposes it.</param>
    /// <param name="options">The service name, custom mapper and message fields.</param>
    /// <param name="timeProvider">The client's clock.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The exception to throw; every text in it is scrubbed.</returns>
    public static async Task<FitnessApiException> FromResponseAsync(
        HttpResponseMessage response, ErrorMappingOptions options, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var info = await ErrorResponseReader.ReadAsync(response, options, timeProvider, cancellationToken).ConfigureAwait(false);
        return options.CustomMapper?.Invoke(info) ?? Create(info, options);
    }

    /// <summary>The default mapping of a read response (see the remarks on <see cref="FitnessApiExceptionFactory"/>).</summary>
    /// <param name="info">The summary of the response.</param>
    /// <param name="options">For <see cref="ErrorMappingOptions.DefaultRateLimitWait"/>; the defaults when <see langword="null"/>.</param>
    /// <returns>The exception, with every property filled from <paramref name="info"/>.</returns>
    public static FitnessApiException Create(ErrorResponseInfo info, ErrorMappingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        var summary = info.Summary;
        var status = (int)info.StatusCode;
        if (info.StatusCode == HttpStatusCode.Unauthorized)
        {
            return new AuthenticationRequiredException($"{summary}. The service refused the credentials; sign in again.")
            {
                Service = info.Service, StatusCode = info.StatusCode, RequestMethod = info.RequestMethod, RequestUri = info.RequestUri,
                RetryAfter = info.RetryAfter, ResponseExcerpt = info.ResponseExcerpt, ErrorCode = info.ErrorCode,
            };
        }

        if (info.StatusCode == HttpStatusCode.NotFound)
        {
            return new ResourceNotFoundException(summary)
            {
                Service = info.Service, StatusCode = info.StatusCode, RequestMethod = info.RequestMethod, RequestUri = info.RequestUri,
                RetryAfter = info.RetryAfter, ResponseExcerpt = info.ResponseExcerpt, ErrorCode = info.ErrorCode,
            };
        }

        if (info.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var wait = info.RetryAfter ?? options?.DefaultRateLimitWait ?? TimeSpan.FromSeconds(60);
            var resumeAt = info.Now + wait;
            var message = string.Create(
                CultureInfo.InvariantCulture,
                $"{summary}. Rate limit exceeded; requests may succeed again from {resumeAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z (in {DurationText.Format(wait)}).");
            return new RateLimitExceededException(message, resumeAt)
            {
                Service = info.Service, StatusCode = info.StatusCode, RequestMethod = info.RequestMethod, RequestUri = info.RequestUri,
                RetryAfter = info.RetryAfter, ResponseExcerpt = info.ResponseExcerpt, ErrorCode = info.ErrorCode,
            };
        }

        if (info.StatusCode == HttpStatusCode.RequestTimeout || status is >= 500 and <= 599)
        {
            var message = info.RetryAfter is { } wait ? $"{summary}. The service asked to wait {DurationText.Format(wait)}." : summary;
            return new ServiceUnavailableException(message)
            {
                Service = info.Service, StatusCode = info.StatusCode, RequestMethod = info.RequestMethod, RequestUri = info.RequestUri,
                RetryAfter = info.RetryAfter, ResponseExcerpt = info.ResponseExcerpt, ErrorCode = info.ErrorCode,
            };
        }

        var text = info.StatusCode != HttpStatusCode.Forbidden
            ? summary
            : info.IsCloudflareChallenge
                ? $"{summary}. This is bot protection, not a credentials problem; try again later or from another network."
                : $"{summary}. The signed-in account or token is not allowed to do this (a missing scope or permission).";
        return new FitnessApiException(text)
        {
            Service = info.Service, StatusCode = info.StatusCode, RequestMethod = info.RequestMethod, RequestUri = info.RequestUri,
            RetryAfter = info.RetryAfter, ResponseExcerpt = info.ResponseExcerpt, ErrorCode = info.ErrorCode,
        };
    }

    /// <summary>
    /// Maps a failure that happened before a response arrived: attempt or total timeouts, an open circuit
    /// breaker and network errors become <see cref="ServiceUnavailableException"/>.
    /// </summary>
    /// <param name="exception">What the inner handlers threw.</param>
    /// <param name="serviceName">The service's short name.</param>
    /// <param name="request">The request, for the method and (scrubbed) URI in the message.</param>
    /// <param name="cancellationToken">The caller's token: a cancellation it asked for is not a timeout.</param>
    /// <returns>
    /// The exception to throw instead, or <see langword="null"/> when <paramref name="exception"/> must propagate
    /// unchanged: the caller's own cancellation, an exception that already is a <see cref="FitnessApiException"/>,
    /// or one this layer does not own (e.g. a <c>JsonException</c>).
    /// </returns>
    public static FitnessApiException? FromException(
        Exception exception, string serviceName, HttpRequestMessage? request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is FitnessApiException
            || (exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return null;
        }

        var uri = SecretScrubber.ScrubUri(request?.RequestUri);
        var call = Describe(serviceName, request?.Method.Method ?? "?", uri);
        TimeSpan? retryAfter = null;
        string message;
        switch (exception)
        {
            case TimeoutRejectedException timeout:
                message = $"{call} timed out: no response within {DurationText.Format(timeout.Timeout)}.";
                break;
            case BrokenCircuitException broken:
                retryAfter = broken.RetryAfter;
                message = broken.RetryAfter is { } wait
                    ? $"{call} was not sent: the circuit breaker is open after repeated failures of the service; it lets a request through again in {DurationText.Format(wait)}."
                    : $"{call} was not sent: the circuit breaker is open after repeated failures of the service.";
                break;
            case OperationCanceledException:
                message = $"{call} timed out: an inner timeout cancelled the request.";
                break;
            case HttpRequestException http:
                message = $"{call} failed: network error ({http.HttpRequestError}): {ErrorExcerpt.Plain(http.Message, ErrorExcerpt.MaxMessageLength)}";
                break;
            case IOException io:
                message = $"{call} failed: network error: {ErrorExcerpt.Plain(io.Message, ErrorExcerpt.MaxMessageLength)}";
                break;
            default:
                return null;
        }

        return new ServiceUnavailableException(message, exception)
        {
            Service = serviceName,
            RequestMethod = request?.Method.Method,
            RequestUri = uri,
            RetryAfter = retryAfter,
        };
    }

    /// <summary>"strava GET https://…" — the call as it appears at the start of every message.</summary>
    internal static string Describe(string service, string method, Uri? uri)
    {
        var shownUri = uri is null ? "(no URI)" : uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString;
        return string.Create(CultureInfo.InvariantCulture, $"{service} {method} {shownUri}");
    }
}

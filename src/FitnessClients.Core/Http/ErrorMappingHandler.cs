namespace FitnessClients.Core.Http;

/// <summary>
/// The outermost handler of every service client: turns each failed call into one of the SDK's exceptions so
/// that callers never see HTTP status checks, Polly types or raw error pages.
/// </summary>
/// <remarks>
/// <para>
/// A response with status 400 or above is read (at most <see cref="ErrorMappingOptions.MaxBodyBytes"/>),
/// summarised, mapped by <see cref="FitnessApiExceptionFactory"/> and disposed; the exception is thrown. Statuses
/// below 400 pass through, redirects included: a 3xx reaches here only when the caller turned automatic redirects
/// off to read it.
/// </para>
/// <para>
/// Failures without a response (timeouts, an open circuit breaker, network errors) become
/// <see cref="ServiceUnavailableException"/>. The caller's own cancellation stays an
/// <see cref="OperationCanceledException"/>, and a <see cref="FitnessApiException"/> from an inner handler (e.g. the
/// authentication handler) passes through untouched.
/// </para>
/// </remarks>
public sealed class ErrorMappingHandler : DelegatingHandler
{
    private readonly ErrorMappingOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the handler.</summary>
    /// <param name="options">The service name (required) and its mapping hooks.</param>
    /// <param name="timeProvider">The client's clock, for <see cref="RateLimitExceededException.ResumeAt"/>; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><see cref="ErrorMappingOptions.ServiceName"/> is empty.</exception>
    public ErrorMappingHandler(ErrorMappingOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            throw new ArgumentException("ErrorMappingOptions.ServiceName is required: it names the service in every error message.", nameof(options));
        }

        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not FitnessApiException)
        {
            var mapped = FitnessApiExceptionFactory.FromException(exception, _options.ServiceName, request, cancellationToken);
            if (mapped is null)
            {
                throw;
            }

            throw mapped;
        }

        if ((int)response.StatusCode < 400)
        {
            return response;
        }

        FitnessApiException error;
        using (response)
        {
            error = await FitnessApiExceptionFactory.FromResponseAsync(response, _options, _timeProvider, cancellationToken).ConfigureAwait(false);
        }

        throw error;
    }

    /// <summary>Not supported: the SDK's pipeline is asynchronous. Use <see cref="HttpClient.SendAsync(HttpRequestMessage)"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always.</exception>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The error mapping handler only sends asynchronously; use SendAsync.");
}

using FitnessClients.Core.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace FitnessClients.Core.Http;

/// <summary>
/// Sends each request through the resilience pipeline (<see cref="ResiliencePipelineFactory"/>): total timeout,
/// retries with backoff that honour <c>Retry-After</c>, a circuit breaker and a per-attempt timeout.
/// </summary>
/// <remarks>
/// <para>
/// Failures leave this handler as they are (Polly's <c>TimeoutRejectedException</c> and
/// <c>BrokenCircuitException</c>, <see cref="HttpRequestException"/>, or the last failed response);
/// <see cref="ErrorMappingHandler"/>, the outermost handler, turns them into the SDK's exceptions. A cancellation
/// by the caller always surfaces as <see cref="OperationCanceledException"/> and is never retried.
/// </para>
/// <para>
/// A request that may be retried has its content buffered before the first attempt, so every attempt sends the
/// same bytes even when the content is a stream that can be read only once.
/// </para>
/// <para>
/// A JSON body is read to the end inside the attempt, so a body cut off part-way (a dropped connection, a proxy
/// timing out) or trickling in beyond <see cref="ResilienceOptions.AttemptTimeout"/> is retried like a failed
/// attempt instead of surfacing as a raw <see cref="IOException"/> while the caller deserialises it. Other bodies
/// (downloads) stay streamed; their readers own the failure of a broken stream.
/// </para>
/// <para>
/// The circuit breaker's state lives in this handler instance: handlers recycled by <c>IHttpClientFactory</c>
/// start with a closed breaker.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var handler = new ErrorMappingHandler(new ErrorMappingOptions { ServiceName = "strava" })
/// {
///     InnerHandler = new ResilienceHandler(new ResilienceOptions(), timeProvider, logger)
///     {
///         InnerHandler = new SocketsHttpHandler(),
///     },
/// };
/// </code>
/// </example>
public sealed class ResilienceHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly bool _enabled;
    private readonly bool _retries;
    private readonly bool _retryUnsafeMethods;

    /// <summary>Creates the handler; the options are read and validated now.</summary>
    /// <param name="options">The timeouts, retry and breaker settings.</param>
    /// <param name="timeProvider">The client's clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Where retries, timeouts and breaker changes are logged (without secrets).</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside its documented range.</exception>
    public ResilienceHandler(ResilienceOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _pipeline = ResiliencePipelineFactory.Create(options, timeProvider, logger);
        _enabled = options.Enabled;
        _retries = options.MaxRetryAttempts > 0;
        _retryUnsafeMethods = options.RetryUnsafeMethods;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_enabled)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (_retries && request.Content is not null && RetryRules.MayRetry(request, _retryUnsafeMethods))
        {
            await HttpRequestReplay.EnsureBufferedAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ResiliencePipelineFactory.RequestProperty, request);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<HttpResponseMessage>(state.Handler.SendAttemptAsync(state.Request, ctx.CancellationToken)),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Not supported: the pipeline's delays and timeouts are asynchronous. Use <see cref="HttpClient.SendAsync(HttpRequestMessage)"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always.</exception>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The resilience handler only sends asynchronously; use SendAsync.");

    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (IsJson(response.Content))
        {
            try
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        return response;
    }

    private static bool IsJson(HttpContent? content) =>
        content?.Headers.ContentType?.MediaType is { } type
        && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}

using FitnessClients.Core.Resilience;

namespace FitnessClients.Core.Http;

/// <summary>
/// Sits below the package's <c>ResilienceHandler</c>, so every attempt passes through it. It exists for two things
/// the package does not do: a request that may be retried has its body buffered before it is first sent (a stream
/// can be read only once, and each attempt must send the same bytes), and a JSON response is read to the end
/// inside the attempt, so a body cut off part-way (a dropped connection, a proxy timing out) or trickling in beyond
/// the attempt timeout fails the attempt and is retried, instead of surfacing while the caller deserialises it.
/// Other bodies (downloads) stay streamed; their readers own the failure of a broken stream.
/// </summary>
internal sealed class AttemptBufferingHandler(bool retries, bool retryUnsafeMethods) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (retries && request.Content is not null && RetryGate.MayRetry(request, retryUnsafeMethods))
        {
            await HttpRequestReplay.EnsureBufferedAsync(request, cancellationToken).ConfigureAwait(false);
        }

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

    // The handlers above (authentication, rate limiting) work asynchronously only and a synchronous send would
    // slip past them: refuse it.
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The FitnessClients pipeline only sends asynchronously; use SendAsync.");

    private static bool IsJson(HttpContent? content) =>
        content?.Headers.ContentType?.MediaType is { } type
        && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}

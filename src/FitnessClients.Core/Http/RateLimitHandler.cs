using System.Net;
using FitnessClients.Core.RateLimiting;

namespace FitnessClients.Core.Http;

/// <summary>
/// Asks a <see cref="RateLimitPolicy"/> for a permit before each request and reports each response back to it. On a
/// 429 with <see cref="RateLimitExhaustionBehavior.Wait"/>, waits out the cooldown the policy entered and sends the
/// request again, up to <see cref="MaxResendsAfterTooManyRequests"/> times, then returns the last 429.
/// </summary>
/// <remarks>
/// <para>
/// Place it outside the resilience handler: ErrorMapping, Authentication, RateLimitHandler, Resilience (total
/// timeout, retry, circuit breaker, attempt timeout), primary handler. Retries inside the resilience handler are
/// not counted here; the service's usage headers on the final response correct the count. The
/// <see cref="HttpClient.Timeout"/> must be infinite (the resilience handler owns timeouts), or a wait for a daily
/// window would be cut short.
/// </para>
/// <para>
/// With <see cref="RateLimitExhaustionBehavior.Throw"/>, a 429 is returned as it is, for the error-mapping handler
/// to turn into <see cref="RateLimitExceededException"/>, and an exhausted window makes <c>SendAsync</c> throw it.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var policy = new FixedWindowRateLimitPolicy([RateLimitWindow.QuarterHour("15-minute", 100)]);
/// var handler = new RateLimitHandler(policy) { InnerHandler = resilienceHandler };
/// </code>
/// </example>
public sealed class RateLimitHandler : DelegatingHandler
{
    /// <summary>Creates the handler.</summary>
    /// <param name="policy">The policy; share one instance between every client of the same service application.</param>
    public RateLimitHandler(RateLimitPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
    }

    /// <summary>The policy the handler consults.</summary>
    public RateLimitPolicy Policy { get; }

    /// <summary>How many times a request answered with 429 is sent again after the cooldown (wait mode only). Default 3.</summary>
    public int MaxResendsAfterTooManyRequests
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    } = 3;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // This handler sits outside the resilience handler so that waiting for a window never counts against the
        // request timeouts; retries inside it are not counted locally, the service's headers correct the count.
        var resends = Policy.ExhaustionBehavior == RateLimitExhaustionBehavior.Wait ? MaxResendsAfterTooManyRequests : 0;

        // A request can be sent only once and its content stream read only once: keep the body to build copies.
        if (resends > 0)
        {
            await HttpRequestReplay.EnsureBufferedAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var response = await SendCountedAsync(request, cancellationToken).ConfigureAwait(false);
        HttpRequestMessage? copy = null;
        for (var attempt = 0; attempt < resends && response.StatusCode == HttpStatusCode.TooManyRequests; attempt++)
        {
            response.Dispose();
            copy?.Dispose();
            copy = await HttpRequestReplay.CloneAsync(request, cancellationToken).ConfigureAwait(false);
            response = await SendCountedAsync(copy, cancellationToken).ConfigureAwait(false);

            // Callers see the request they sent. The last copy is left undisposed: the response may still be in
            // use while the copy's content is being sent, and a byte-array content holds no resources to release.
            response.RequestMessage = request;
        }

        return response;
    }

    private async Task<HttpResponseMessage> SendCountedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // After a 429 the policy is in a cooldown, so this is also where the wait before a re-send happens.
        await Policy.AcquireAsync(request, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        Policy.OnResponse(request, response);
        return response;
    }
}

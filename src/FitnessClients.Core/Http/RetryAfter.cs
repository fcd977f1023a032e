namespace FitnessClients.Core.Http;

/// <summary>Reads the <c>Retry-After</c> header, which services send either as seconds or as an HTTP date.</summary>
public static class RetryAfter
{
    /// <summary>
    /// How long <paramref name="response"/> asks the caller to wait, measured from <paramref name="now"/>;
    /// <see langword="null"/> when the header is absent or unreadable. A date in the past gives <see cref="TimeSpan.Zero"/>.
    /// </summary>
    /// <param name="response">The response.</param>
    /// <param name="now">The current time, from the client's <see cref="TimeProvider"/>.</param>
    public static TimeSpan? GetDelay(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        return GetDelay(response.Headers.RetryAfter, now);
    }

    /// <summary>
    /// The wait a parsed <c>Retry-After</c> header asks for, for callers that hold the headers without the message
    /// (a Refit <c>IApiResponse</c>); <see langword="null"/> when <paramref name="header"/> is.
    /// </summary>
    /// <param name="header">The header, e.g. <c>apiResponse.Headers.RetryAfter</c>.</param>
    /// <param name="now">The current time, from the client's <see cref="TimeProvider"/>.</param>
    public static TimeSpan? GetDelay(System.Net.Http.Headers.RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header is null)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}

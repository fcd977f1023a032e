namespace FitnessClients.Core.Http;

/// <summary>
/// Adds a service's fixed request headers (a native User-Agent, Garmin's <c>X-Garmin-*</c> set) to every request
/// that does not already carry them, so a caller can still override one per request.
/// </summary>
public sealed class DefaultHeadersHandler : DelegatingHandler
{
    private readonly IReadOnlyList<KeyValuePair<string, string>> _headers;

    /// <summary>Creates the handler.</summary>
    /// <param name="headers">Header names and values to add.</param>
    public DefaultHeadersHandler(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _headers = [.. headers];
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in _headers)
        {
            if (!request.Headers.Contains(name))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return base.SendAsync(request, cancellationToken);
    }
}

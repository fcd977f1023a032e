namespace FitnessClients.Core.Http;

/// <summary>
/// Sending a request again: a request message can be sent only once and a streamed body read only once, so the
/// handlers that resend (authentication after a 401, rate limiting after a 429, resilience retries) buffer the
/// body before the first attempt and send copies.
/// </summary>
internal static class HttpRequestReplay
{
    /// <summary>Buffers the request body, if any, so every attempt sends the same bytes.</summary>
    public static Task EnsureBufferedAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.Content?.LoadIntoBufferAsync(cancellationToken) ?? Task.CompletedTask;

    /// <summary>
    /// A copy of <paramref name="request"/> that can be sent: method, URI, version and policy, headers and options,
    /// and the (buffered) body with its content headers. Headers are copied as sent, without validation.
    /// </summary>
    public static async Task<HttpRequestMessage> CloneAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };

        foreach (var header in request.Headers.NonValidated)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        IDictionary<string, object?> options = clone.Options;
        foreach (var option in request.Options)
        {
            options[option.Key] = option.Value;
        }

        if (request.Content is { } content)
        {
            // Buffered before the first attempt (EnsureBufferedAsync), so this reads the buffer, not the original stream.
            var body = new ByteArrayContent(await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            foreach (var header in content.Headers.NonValidated)
            {
                body.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            clone.Content = body;
        }

        return clone;
    }
}

using System.Globalization;

namespace FitnessClients.Testing;

/// <summary>Header helpers for building emulator responses fluently.</summary>
public static class EmulatorResponseExtensions
{
    /// <summary>
    /// Adds a header without validation, to the response or, for content headers (<c>Content-Type</c>,
    /// <c>Content-Disposition</c>, <c>Expires</c>...), to its content, creating an empty content when there is none.
    /// </summary>
    /// <param name="response">The response.</param>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value, sent as written.</param>
    /// <returns>The same response.</returns>
    public static HttpResponseMessage WithHeader(this HttpResponseMessage response, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.Headers.TryAddWithoutValidation(name, value))
        {
            response.Content ??= new ByteArrayContent([]);
            if (!response.Content.Headers.TryAddWithoutValidation(name, value))
            {
                throw new ArgumentException($"'{name}' cannot be set on a response.", nameof(name));
            }
        }

        return response;
    }

    /// <summary>Adds several headers (see <see cref="WithHeader"/>).</summary>
    /// <param name="response">The response.</param>
    /// <param name="headers">Names and values.</param>
    /// <returns>The same response.</returns>
    public static HttpResponseMessage WithHeaders(this HttpResponseMessage response, IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var (name, value) in headers)
        {
            response.WithHeader(name, value);
        }

        return response;
    }

    /// <summary>Adds <c>Retry-After</c> in whole seconds (rounded up), the form services send.</summary>
    /// <param name="response">The response.</param>
    /// <param name="delay">How long the client should wait.</param>
    /// <returns>The same response.</returns>
    public static HttpResponseMessage WithRetryAfter(this HttpResponseMessage response, TimeSpan delay) =>
        response.WithHeader("Retry-After", ((long)Math.Ceiling(Math.Max(0, delay.TotalSeconds))).ToString(CultureInfo.InvariantCulture));
}

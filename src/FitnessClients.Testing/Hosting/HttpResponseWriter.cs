using System.Globalization;
using System.Text;

namespace FitnessClients.Testing;

/// <summary>Writes an <see cref="HttpResponseMessage"/> as HTTP/1.1, streaming the body straight from its content.</summary>
internal static class HttpResponseWriter
{
    /// <summary>Writes the response; returns <see langword="false"/> when the body failed or fell short, so the connection must close.</summary>
    public static async Task<bool> WriteAsync(Stream stream, HttpRequestMessage request, HttpResponseMessage response, bool keepAlive, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var isHead = request.Method == HttpMethod.Head;
        var bodyless = isHead || status is 204 or 304 || status < 200;
        var content = response.Content;
        var length = content.Headers.ContentLength;

        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {response.ReasonPhrase ?? ReasonPhrases.Get(response.StatusCode)}\r\n");
        foreach (var header in response.Headers.NonValidated)
        {
            if (!IsFraming(header.Key))
            {
                AppendHeader(head, header.Key, header.Value);
            }
        }

        foreach (var header in content.Headers.NonValidated)
        {
            if (!IsFraming(header.Key))
            {
                AppendHeader(head, header.Key, header.Value);
            }
        }

        var chunked = false;
        if (length is { } known && (isHead || !bodyless))
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {known}\r\n");
        }
        else if (!bodyless)
        {
            head.Append("Transfer-Encoding: chunked\r\n");
            chunked = true;
        }

        if (!keepAlive)
        {
            head.Append("Connection: close\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), cancellationToken).ConfigureAwait(false);
        if (bodyless)
        {
            return true;
        }

        try
        {
            if (chunked)
            {
                var chunkedStream = new ChunkedWriteStream(stream);
                await content.CopyToAsync(chunkedStream, cancellationToken).ConfigureAwait(false);
                await chunkedStream.CompleteAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }

            var counting = new CountingWriteStream(stream);
            await content.CopyToAsync(counting, cancellationToken).ConfigureAwait(false);
            return counting.Written == length;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The body failed part-way (a truncated-body fault, or a broken stream): what was sent stays sent, and
            // closing the connection tells the client the body ended early.
            return false;
        }
    }

    private static bool IsFraming(string name) =>
        name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("Connection", StringComparison.OrdinalIgnoreCase);

    private static void AppendHeader(StringBuilder head, string name, System.Net.Http.Headers.HeaderStringValues values)
    {
        // Set-Cookie cannot be folded into one line; other fields are sent as one comma-joined line, as servers do.
        var lines = name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase) ? values.ToArray() : [string.Join(", ", values)];
        foreach (var value in lines)
        {
            if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw new InvalidOperationException($"The emulator produced a '{name}' header containing a line break.");
            }

            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }
    }
}

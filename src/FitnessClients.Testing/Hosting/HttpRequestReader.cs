using System.Globalization;
using System.Text;

namespace FitnessClients.Testing;

/// <summary>
/// Reads HTTP/1.1 requests from a connection: request line, headers, and a body framed by <c>Content-Length</c> or
/// chunked transfer coding (uploads from <c>StreamContent</c> arrive chunked). Bodies are buffered, as the pipeline does
/// in process.
/// </summary>
internal sealed class HttpRequestReader(Stream stream)
{
    private const int MaxLineLength = 16 * 1024;
    private const int MaxHeaderCount = 200;
    private const long MaxBodyLength = 1L << 30;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>Reads the next request, or returns <see langword="null"/> when the client closed the connection between requests.</summary>
    /// <param name="authority">The server's <c>host:port</c>, used when the request has no usable Host header.</param>
    /// <param name="sendContinue">Writes <c>100 Continue</c> when the client asks for it before sending the body.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="InvalidDataException">The request is malformed.</exception>
    public async Task<HttpRequestMessage?> ReadRequestAsync(string authority, Func<Task> sendContinue, CancellationToken cancellationToken)
    {
        var requestLine = await ReadLineAsync(allowEof: true, cancellationToken).ConfigureAwait(false);
        while (requestLine is { Length: 0 })
        {
            requestLine = await ReadLineAsync(allowEof: true, cancellationToken).ConfigureAwait(false); // RFC 9112 2.2: ignore leading empty lines
        }

        if (requestLine is null)
        {
            return null;
        }

        var parts = requestLine.Split(' ');
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal) || parts[0].Length == 0)
        {
            throw new InvalidDataException("Malformed request line.");
        }

        var headers = new List<KeyValuePair<string, string>>();
        while (true)
        {
            var line = await ReadLineAsync(allowEof: false, cancellationToken).ConfigureAwait(false);
            if (line!.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || headers.Count >= MaxHeaderCount || char.IsWhiteSpace(line[colon - 1]))
            {
                throw new InvalidDataException("Malformed header.");
            }

            headers.Add(KeyValuePair.Create(line[..colon], line[(colon + 1)..].Trim()));
        }

        string? Header(string name) => headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).LastOrDefault();

        var target = parts[1];
        Uri uri;
        if (target.StartsWith('/'))
        {
            var host = Header("Host");
            var built = host is not null && Uri.CheckHostName(host.Split(':')[0]) != UriHostNameType.Unknown ? $"http://{host}{target}" : $"http://{authority}{target}";
            uri = Uri.TryCreate(built, UriKind.Absolute, out var parsed) ? parsed : throw new InvalidDataException("Malformed request target.");
        }
        else if (!Uri.TryCreate(target, UriKind.Absolute, out uri!))
        {
            throw new InvalidDataException("Malformed request target.");
        }

        var chunked = Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) ?? false;
        var contentLengthText = Header("Content-Length");
        long contentLength = 0;
        if (!chunked && contentLengthText is not null &&
            (!long.TryParse(contentLengthText, NumberStyles.None, CultureInfo.InvariantCulture, out contentLength) || contentLength > MaxBodyLength))
        {
            throw new InvalidDataException("Malformed or too large Content-Length.");
        }

        if ((chunked || contentLength > 0) && (Header("Expect")?.Equals("100-continue", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            await sendContinue().ConfigureAwait(false);
        }

        byte[]? body = chunked
            ? await ReadChunkedBodyAsync(cancellationToken).ConfigureAwait(false)
            : contentLengthText is not null ? await ReadExactlyAsync(contentLength, cancellationToken).ConfigureAwait(false) : null;

        var request = new HttpRequestMessage(new HttpMethod(parts[0]), uri) { Version = new Version(1, 1) };
        var contentHeaders = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue; // the buffered content has its own length; Transfer-Encoding stays visible to the log
            }

            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                contentHeaders.Add(KeyValuePair.Create(name, value));
            }
        }

        if (body is not null || contentHeaders.Count > 0)
        {
            request.Content = new ByteArrayContent(body ?? []);
            foreach (var (name, value) in contentHeaders)
            {
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    private async Task<byte[]> ReadChunkedBodyAsync(CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await ReadLineAsync(allowEof: false, cancellationToken).ConfigureAwait(false);
            var sizeText = sizeLine!.Split(';')[0].Trim();
            if (!long.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0 || body.Length + size > MaxBodyLength)
            {
                throw new InvalidDataException("Malformed chunk size.");
            }

            if (size == 0)
            {
                while ((await ReadLineAsync(allowEof: false, cancellationToken).ConfigureAwait(false))!.Length > 0)
                {
                    // trailer fields are ignored
                }

                return body.ToArray();
            }

            var chunk = await ReadExactlyAsync(size, cancellationToken).ConfigureAwait(false);
            body.Write(chunk);
            if ((await ReadLineAsync(allowEof: false, cancellationToken).ConfigureAwait(false))!.Length != 0)
            {
                throw new InvalidDataException("A chunk is not followed by CRLF.");
            }
        }
    }

    private async Task<byte[]> ReadExactlyAsync(long count, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidDataException("The connection closed in the middle of a request body.");
            }

            var take = (int)Math.Min(count - filled, _end - _start);
            _buffer.AsSpan(_start, take).CopyTo(result.AsSpan(filled));
            _start += take;
            filled += take;
        }

        return result;
    }

    private async Task<string?> ReadLineAsync(bool allowEof, CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = _buffer.AsSpan(_start, newline);
                _start += newline + 1;
                if (line.Length > 0 && line[^1] == (byte)'\r')
                {
                    line = line[..^1];
                }

                return Encoding.Latin1.GetString(line);
            }

            if (_end - _start >= MaxLineLength)
            {
                throw new InvalidDataException("A request line or header is too long.");
            }

            var wasEmpty = _start == _end;
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                if (allowEof && wasEmpty)
                {
                    return null;
                }

                throw new InvalidDataException("The connection closed in the middle of a request.");
            }
        }
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        return read > 0;
    }
}

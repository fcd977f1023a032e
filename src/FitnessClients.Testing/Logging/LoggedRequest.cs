using System.Globalization;
using System.Net;
using System.Text;
using FitnessClients.Core.Diagnostics;

namespace FitnessClients.Testing;

/// <summary>
/// One request an emulator received, as recorded in its <see cref="RequestLog"/>: what came in, and once answered, the
/// status and whether a fault or the rate limiter answered instead of the service.
/// </summary>
/// <remarks>
/// Raw header values (tokens included) stay available to assertions through <see cref="Headers"/>; <see cref="ToString"/>
/// masks secrets so a failing assertion's message does not print them.
/// </remarks>
public sealed class LoggedRequest
{
    /// <summary>How many bytes of each request body the log keeps.</summary>
    public const int BodyExcerptLimit = 4096;

    private readonly object _gate = new();
    private HttpStatusCode? _statusCode;
    private FaultKind? _fault;
    private bool _rateLimited;
    private bool _completed;
    private Exception? _handlerException;

    internal LoggedRequest(long sequence, DateTimeOffset receivedAt, HttpRequestMessage message, byte[] body)
    {
        Sequence = sequence;
        ReceivedAt = receivedAt;
        Method = message.Method;
        RequestUri = message.RequestUri!;
        Path = RequestUri.AbsolutePath;
        Query = RequestUri.Query.TrimStart('?');
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in message.Headers.NonValidated.Concat(message.Content?.Headers.NonValidated ?? Enumerable.Empty<KeyValuePair<string, System.Net.Http.Headers.HeaderStringValues>>()))
        {
            headers[header.Key] = [.. header.Value];
        }

        Headers = headers;
        BodyLength = body.Length;
        BodyExcerpt = body.AsSpan(0, Math.Min(body.Length, BodyExcerptLimit)).ToArray();
    }

    /// <summary>The request's number, from 1, in arrival order.</summary>
    public long Sequence { get; }

    /// <summary>When it arrived, on the emulator's clock.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The absolute request URI (raw, secrets included).</summary>
    public Uri RequestUri { get; }

    /// <summary>The whole path, percent-encoded, e.g. <c>/api/v3/athlete/activities</c>.</summary>
    public string Path { get; }

    /// <summary>The raw query string without the <c>?</c>.</summary>
    public string Query { get; }

    /// <summary>Request and content headers with their raw values, by case-insensitive name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The body length in bytes.</summary>
    public long BodyLength { get; }

    /// <summary>The first <see cref="BodyExcerptLimit"/> bytes of the body.</summary>
    public ReadOnlyMemory<byte> BodyExcerpt { get; }

    /// <summary>The body excerpt as UTF-8 text (raw, secrets included).</summary>
    public string BodyExcerptText => Encoding.UTF8.GetString(BodyExcerpt.Span);

    /// <summary>Whether the emulator has answered (or dropped) the request.</summary>
    public bool IsCompleted
    {
        get
        {
            lock (_gate)
            {
                return _completed;
            }
        }
    }

    /// <summary>The status sent; <see langword="null"/> while in flight or when the connection was reset.</summary>
    public HttpStatusCode? StatusCode
    {
        get
        {
            lock (_gate)
            {
                return _statusCode;
            }
        }
    }

    /// <summary>The kind of fault injected into this request, or <see langword="null"/>.</summary>
    public FaultKind? Fault
    {
        get
        {
            lock (_gate)
            {
                return _fault;
            }
        }
    }

    /// <summary>Whether a fault was injected.</summary>
    public bool FaultInjected => Fault is not null;

    /// <summary>Whether the rate-limit simulator rejected the request with 429.</summary>
    public bool RateLimited
    {
        get
        {
            lock (_gate)
            {
                return _rateLimited;
            }
        }
    }

    /// <summary>The exception a route handler threw (the client got a 500), or <see langword="null"/>: a bug in the emulator.</summary>
    public Exception? HandlerException
    {
        get
        {
            lock (_gate)
            {
                return _handlerException;
            }
        }
    }

    /// <summary>The values of header <paramref name="name"/> joined with <c>", "</c>, or <see langword="null"/>.</summary>
    /// <param name="name">The header name, in any case.</param>
    public string? GetHeader(string name) => Headers.TryGetValue(name, out var values) ? string.Join(", ", values) : null;

    /// <summary>A one-line description with secret values masked: header values of credentials, secret query and body fields.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"#{Sequence} {ReceivedAt:O} {Method} {SecretScrubber.Scrub(Path + (Query.Length > 0 ? "?" + Query : string.Empty))}");
        lock (_gate)
        {
            text.Append(" -> ").Append(!_completed ? "(in flight)" : _statusCode is { } status ? ((int)status).ToString(CultureInfo.InvariantCulture) : "(no response)");
            if (_fault is { } fault)
            {
                text.Append(CultureInfo.InvariantCulture, $" [fault: {fault}]");
            }

            if (_rateLimited)
            {
                text.Append(" [rate limited]");
            }
        }

        if (Headers.Count > 0)
        {
            text.Append(" {").AppendJoin(", ", Headers.Select(h => $"{h.Key}: {MaskHeader(h.Key, string.Join(", ", h.Value))}")).Append('}');
        }

        if (BodyLength > 0)
        {
            var excerpt = SecretScrubber.Scrub(BodyExcerptText);
            text.Append(CultureInfo.InvariantCulture, $" body ({BodyLength} bytes): {(excerpt.Length > 200 ? excerpt[..200] + "..." : excerpt)}");
        }

        return text.ToString();
    }

    internal void Complete(HttpStatusCode? statusCode, FaultKind? fault, bool rateLimited, Exception? handlerException)
    {
        lock (_gate)
        {
            _statusCode = statusCode;
            _fault = fault;
            _rateLimited = rateLimited;
            _handlerException = handlerException;
            _completed = true;
        }
    }

    private static string MaskHeader(string name, string value) =>
        SecretScrubber.IsSecretName(name) || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase) ||
        name.Contains("token", StringComparison.OrdinalIgnoreCase) || name.Contains("api-key", StringComparison.OrdinalIgnoreCase)
            ? SecretScrubber.Mask
            : SecretScrubber.Scrub(value);
}

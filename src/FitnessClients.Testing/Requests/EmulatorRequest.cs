using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using FitnessClients.Core.Diagnostics;

namespace FitnessClients.Testing;

/// <summary>
/// What a route handler sees: the request with its body already buffered, the route values the template captured, the
/// parsed query, headers from both the request and its content, and readers for the body formats services accept.
/// </summary>
/// <remarks>
/// The body is buffered once when the request arrives (in-process and over the loopback port alike), so the readers are
/// synchronous and may be called more than once. Request bodies are uploads and forms, small enough to buffer; large
/// transfers in these services go the other way, and responses are never buffered.
/// </remarks>
public sealed class EmulatorRequest
{
    private readonly byte[] _body;
    private IReadOnlyDictionary<string, IReadOnlyList<string>>? _form;
    private MultipartFormData? _multipart;

    internal EmulatorRequest(HttpRequestMessage message, byte[] body, string basePath, long sequence, DateTimeOffset receivedAt)
    {
        Message = message;
        _body = body;
        Sequence = sequence;
        ReceivedAt = receivedAt;
        RequestUri = message.RequestUri is { IsAbsoluteUri: true } uri
            ? uri
            : throw new ArgumentException("The emulator needs an absolute request URI; give the HttpClient a BaseAddress.", nameof(message));
        FullPath = RequestUri.AbsolutePath;
        Query = UrlEncodedParser.Parse(RequestUri.Query);
        (IsUnderBasePath, Path) = RelativeTo(FullPath, basePath);
    }

    /// <summary>The request as the client sent it (over loopback: as rebuilt from the wire). Its content is buffered and readable again.</summary>
    public HttpRequestMessage Message { get; }

    /// <summary>The request method.</summary>
    public HttpMethod Method => Message.Method;

    /// <summary>The absolute request URI. In process it has the host the client used; over loopback it is <c>http://127.0.0.1:port/...</c>.</summary>
    public Uri RequestUri { get; }

    /// <summary>The whole path, still percent-encoded, e.g. <c>/api/v3/athlete/activities</c>.</summary>
    public string FullPath { get; }

    /// <summary>The path relative to the router's base path, starting with <c>/</c>, still percent-encoded; route templates match this.</summary>
    public string Path { get; }

    /// <summary>Whether <see cref="FullPath"/> lies under the router's base path (requests elsewhere get the not-found response).</summary>
    public bool IsUnderBasePath { get; }

    /// <summary>The request's number in the emulator's <see cref="RequestLog"/> (1 for the first request).</summary>
    public long Sequence { get; }

    /// <summary>When the request arrived, on the emulator's clock.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The values the matched route template captured (percent-decoded), by name; empty before routing.</summary>
    public IReadOnlyDictionary<string, string> RouteValues { get; internal set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Every query parameter with all its values, in order; names are case-sensitive.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Query { get; }

    /// <summary>The request body exactly as received.</summary>
    public ReadOnlyMemory<byte> Body => _body;

    /// <summary>The media type of the body (e.g. <c>application/json</c>), without parameters; <see langword="null"/> without a body type.</summary>
    public string? MediaType => Message.Content?.Headers.ContentType?.MediaType;

    /// <summary>A captured route value.</summary>
    /// <param name="name">The capture's name in the template, e.g. <c>id</c> for <c>/activities/{id}</c>.</param>
    /// <exception cref="KeyNotFoundException">The matched template has no such capture (a bug in the emulator).</exception>
    public string GetRouteValue(string name) =>
        RouteValues.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"The route has no value named '{name}'.");

    /// <summary>The first value of query parameter <paramref name="name"/>, or <see langword="null"/> when absent.</summary>
    /// <param name="name">The parameter name, compared exactly.</param>
    public string? GetQueryValue(string name) => Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>Every value of query parameter <paramref name="name"/> (e.g. <c>ids=1&amp;ids=2</c>); empty when absent.</summary>
    /// <param name="name">The parameter name, compared exactly.</param>
    public IReadOnlyList<string> GetQueryValues(string name) => Query.TryGetValue(name, out var values) ? values : [];

    /// <summary>The values of header <paramref name="name"/> from the request or its content, joined with <c>", "</c>; <see langword="null"/> when absent.</summary>
    /// <param name="name">The header name, in any case.</param>
    public string? GetHeader(string name)
    {
        var values = GetHeaderValues(name);
        return values.Count == 0 ? null : string.Join(", ", values);
    }

    /// <summary>Every value of header <paramref name="name"/> from the request or its content, unvalidated.</summary>
    /// <param name="name">The header name, in any case.</param>
    public IReadOnlyList<string> GetHeaderValues(string name)
    {
        if (Message.Headers.NonValidated.TryGetValues(name, out var values) ||
            (Message.Content is not null && Message.Content.Headers.NonValidated.TryGetValues(name, out values)))
        {
            return [.. values];
        }

        return [];
    }

    /// <summary>The bearer token from <c>Authorization: Bearer ...</c>, or <see langword="null"/>.</summary>
    public string? GetBearerToken()
    {
        var header = GetHeader("Authorization");
        return header is not null && AuthenticationHeaderValue.TryParse(header, out var value) &&
               string.Equals(value.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(value.Parameter)
            ? value.Parameter
            : null;
    }

    /// <summary>The body as text, decoded with the charset the content type names (UTF-8 when none).</summary>
    public string ReadBodyAsString()
    {
        var charset = Message.Content?.Headers.ContentType?.CharSet?.Trim('"');
        Encoding encoding;
        try
        {
            encoding = string.IsNullOrEmpty(charset) ? Encoding.UTF8 : Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            encoding = Encoding.UTF8;
        }

        return encoding.GetString(_body);
    }

    /// <summary>
    /// The body as an <c>application/x-www-form-urlencoded</c> form (how OAuth token requests arrive). Empty when the body is of
    /// another type, as a web framework would see it.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ReadForm() =>
        _form ??= string.Equals(MediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            ? UrlEncodedParser.Parse(Encoding.UTF8.GetString(_body))
            : new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>The first value of form field <paramref name="name"/>, or <see langword="null"/>.</summary>
    /// <param name="name">The field name, compared exactly.</param>
    public string? GetFormValue(string name) => ReadForm().TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>The body parsed as JSON; <see langword="null"/> for an empty body or a JSON <c>null</c>.</summary>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    public JsonNode? ReadJsonNode() => _body.Length == 0 ? null : JsonNode.Parse(_body);

    /// <summary>The body deserialized as <typeparamref name="T"/> (reflection-based; the emulators are test code).</summary>
    /// <typeparam name="T">The target type.</typeparam>
    /// <param name="options">Serializer options; <see cref="JsonSerializerOptions.Default"/> when omitted.</param>
    /// <exception cref="JsonException">The body is not JSON of that shape.</exception>
    [RequiresUnreferencedCode(ReflectionJson.Reason)]
    [RequiresDynamicCode(ReflectionJson.Reason)]
    public T? ReadJson<T>(JsonSerializerOptions? options = null) => _body.Length == 0 ? default : JsonSerializer.Deserialize<T>(_body, options ?? JsonSerializerOptions.Default);

    /// <summary>The body deserialized as <typeparamref name="T"/> with source-generated metadata.</summary>
    /// <typeparam name="T">The target type.</typeparam>
    /// <param name="typeInfo">The metadata, e.g. from a <c>JsonSerializerContext</c>.</param>
    public T? ReadJson<T>(JsonTypeInfo<T> typeInfo) => _body.Length == 0 ? default : JsonSerializer.Deserialize(_body, typeInfo);

    /// <summary>The body as <c>multipart/form-data</c>: the fields and files of an upload.</summary>
    /// <exception cref="FormatException">The body is not multipart or is malformed.</exception>
    public MultipartFormData ReadMultipart() =>
        _multipart ??= MultipartFormData.Parse(_body, Message.Content?.Headers.ContentType?.ToString() ?? throw new FormatException("The request has no content type."));

    /// <inheritdoc />
    public override string ToString() => $"{Method} {SecretScrubber.ScrubUri(RequestUri)}";

    private static (bool IsUnder, string Path) RelativeTo(string fullPath, string basePath)
    {
        if (basePath == "/")
        {
            return (true, fullPath);
        }

        if (string.Equals(fullPath, basePath, StringComparison.Ordinal))
        {
            return (true, "/");
        }

        return fullPath.StartsWith(basePath + "/", StringComparison.Ordinal) ? (true, fullPath[basePath.Length..]) : (false, fullPath);
    }
}

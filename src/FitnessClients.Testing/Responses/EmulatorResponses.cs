using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>
/// Builds the responses emulators send. JSON, text and HTML bodies are serialised at once, so they carry a
/// <c>Content-Length</c> like the real services' responses; <see cref="Stream"/> and <see cref="Generated"/> produce their
/// bytes only while the body is read, so a 500 MB download costs no memory.
/// </summary>
public static class EmulatorResponses
{
    /// <summary>A JSON response with <paramref name="value"/> serialised by <see cref="JsonSerializer"/>.</summary>
    /// <param name="status">The status code.</param>
    /// <param name="value">Any serialisable value (anonymous objects, records, dictionaries); <see langword="null"/> writes <c>null</c>.</param>
    /// <param name="options">Serializer options; <see cref="JsonSerializerOptions.Default"/> (property names as written) when omitted.</param>
    [RequiresUnreferencedCode(ReflectionJson.Reason)]
    [RequiresDynamicCode(ReflectionJson.Reason)]
    public static HttpResponseMessage Json(HttpStatusCode status, object? value, JsonSerializerOptions? options = null) =>
        JsonBytes(status, JsonSerializer.SerializeToUtf8Bytes(value, value?.GetType() ?? typeof(object), options ?? JsonSerializerOptions.Default));

    /// <summary>A JSON response with a DOM body: the natural way to mirror a service's exact field names and shapes.</summary>
    /// <param name="status">The status code.</param>
    /// <param name="node">The body; <see langword="null"/> writes <c>null</c>.</param>
    public static HttpResponseMessage Json(HttpStatusCode status, JsonNode? node) =>
        JsonBytes(status, Encoding.UTF8.GetBytes(node?.ToJsonString() ?? "null"));

    /// <summary>A JSON response whose body is <paramref name="json"/> verbatim (e.g. a recorded sample); it is not validated.</summary>
    /// <param name="status">The status code.</param>
    /// <param name="json">The JSON text.</param>
    public static HttpResponseMessage Json(HttpStatusCode status, string json) => JsonBytes(status, Encoding.UTF8.GetBytes(json ?? "null"));

    /// <summary>A text response.</summary>
    /// <param name="status">The status code.</param>
    /// <param name="text">The body.</param>
    /// <param name="mediaType">The media type; <c>charset=utf-8</c> is added.</param>
    public static HttpResponseMessage Text(HttpStatusCode status, string text, string mediaType = "text/plain") =>
        new(status) { Content = new StringContent(text ?? string.Empty, Encoding.UTF8, mediaType) };

    /// <summary>
    /// An HTML page, the kind of error a proxy or a web framework sends instead of the API's JSON (see
    /// <see cref="HtmlErrorPages"/> for recognisable ones).
    /// </summary>
    /// <param name="status">The status code.</param>
    /// <param name="title">The page title (HTML-encoded here).</param>
    /// <param name="bodyHtml">The inner HTML of <c>&lt;body&gt;</c>, used verbatim.</param>
    public static HttpResponseMessage Html(HttpStatusCode status, string title, string bodyHtml)
    {
        var html = $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{WebUtility.HtmlEncode(title)}</title>\n</head>\n<body>\n{bodyHtml}\n</body>\n</html>\n";
        return Text(status, html, "text/html");
    }

    /// <summary>
    /// A response whose body is read from the stream <paramref name="openStream"/> returns, opened only when the body is
    /// sent or read and copied in chunks (never buffered).
    /// </summary>
    /// <param name="openStream">Opens the body; called once per read of the content, and the stream is disposed after.</param>
    /// <param name="contentType">The media type, e.g. <c>application/octet-stream</c> or <c>application/gpx+xml</c>.</param>
    /// <param name="length">The length to advertise as <c>Content-Length</c>; <see langword="null"/> sends the body chunked.</param>
    /// <param name="status">The status code.</param>
    public static HttpResponseMessage Stream(Func<Stream> openStream, string contentType, long? length = null, HttpStatusCode status = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(openStream);
        var content = new LazyStreamContent(openStream, length);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new HttpResponseMessage(status) { Content = content };
    }

    /// <summary>
    /// A download of <paramref name="length"/> deterministic pseudo-random bytes generated while the body is read (see
    /// <see cref="GeneratedContent"/>): a stand-in for an original FIT or ZIP file of any size.
    /// </summary>
    /// <param name="length">The body length in bytes.</param>
    /// <param name="seed">Selects the byte sequence; the same seed gives the same bytes.</param>
    /// <param name="contentType">The media type.</param>
    public static HttpResponseMessage Generated(long length, ulong seed = 0, string contentType = "application/octet-stream")
    {
        var content = new GeneratedContent(length, seed);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    /// <summary>A response without a body (204 by default, as for a deletion).</summary>
    /// <param name="status">The status code.</param>
    public static HttpResponseMessage Empty(HttpStatusCode status = HttpStatusCode.NoContent) => new(status);

    /// <summary>A redirect to <paramref name="location"/>.</summary>
    /// <param name="location">The target, absolute or relative.</param>
    /// <param name="status">The status code (302 by default).</param>
    public static HttpResponseMessage Redirect(string location, HttpStatusCode status = HttpStatusCode.Found)
    {
        var response = new HttpResponseMessage(status);
        response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        return response;
    }

    private static HttpResponseMessage JsonBytes(HttpStatusCode status, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return new HttpResponseMessage(status) { Content = content };
    }
}

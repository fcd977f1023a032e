using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace FitnessClients.Testing;

/// <summary>
/// One kind of failure to inject into an emulator's answer. A fault is a description, reusable across requests and
/// rules; every injection builds a fresh response.
/// </summary>
/// <example>
/// <code>
/// Fault.Status(HttpStatusCode.ServiceUnavailable)
/// Fault.TooManyRequests(retryAfter: TimeSpan.FromSeconds(30))
/// Fault.Response(_ => HtmlErrorPages.CloudflareChallenge())
/// Fault.TruncatedBody(0.5)
/// </code>
/// </example>
public sealed class Fault
{
    private readonly Func<EmulatorRequest, HttpResponseMessage>? _response;

    private Fault(FaultKind kind, string description, Func<EmulatorRequest, HttpResponseMessage>? response = null)
    {
        Kind = kind;
        Description = description;
        _response = response;
    }

    /// <summary>What the fault does.</summary>
    public FaultKind Kind { get; }

    /// <summary>A short human description, e.g. <c>503</c> or <c>truncated body at 50%</c>.</summary>
    public string Description { get; }

    /// <summary>For <see cref="FaultKind.Delay"/>, the wait; for <see cref="FaultKind.SlowBody"/>, the wait before each chunk.</summary>
    public TimeSpan Duration { get; private init; }

    /// <summary>For <see cref="FaultKind.TruncatedBody"/>, the share of the body that is delivered (0 to below 1).</summary>
    public double Fraction { get; private init; }

    /// <summary>For <see cref="FaultKind.SlowBody"/>, the chunk size in bytes.</summary>
    public int ChunkSize { get; private init; }

    /// <summary>Whether the fault answers in place of the service (status, HTML page, custom response).</summary>
    public bool ReplacesResponse => _response is not null;

    /// <summary>Answers with <paramref name="status"/>, e.g. 500, 502 or 503, or 429 with or without <c>Retry-After</c>.</summary>
    /// <param name="status">The status code.</param>
    /// <param name="headers">Extra headers, e.g. <c>Retry-After</c>.</param>
    /// <param name="body">The body; none when <see langword="null"/>.</param>
    /// <param name="mediaType">The body's media type.</param>
    public static Fault Status(HttpStatusCode status, IEnumerable<KeyValuePair<string, string>>? headers = null, string? body = null, string mediaType = "application/json")
    {
        var headerList = headers?.ToList() ?? [];
        return new Fault(FaultKind.Status, ((int)status).ToString(CultureInfo.InvariantCulture), _ =>
        {
            var response = new HttpResponseMessage(status);
            if (body is not null)
            {
                response.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
                response.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            }

            return response.WithHeaders(headerList);
        });
    }

    /// <summary>Answers 429; with <c>Retry-After</c> in seconds when <paramref name="retryAfter"/> is given (Strava sends none).</summary>
    /// <param name="retryAfter">The wait to advertise.</param>
    /// <param name="body">The body; none when <see langword="null"/>.</param>
    public static Fault TooManyRequests(TimeSpan? retryAfter = null, string? body = null)
    {
        var headers = retryAfter is { } wait
            ? new[] { KeyValuePair.Create("Retry-After", ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture)) }
            : null;
        return Status(HttpStatusCode.TooManyRequests, headers, body);
    }

    /// <summary>Answers with an HTML page titled <paramref name="title"/>, as a proxy or a web framework does.</summary>
    /// <param name="status">The status code.</param>
    /// <param name="title">The page title, also its heading.</param>
    public static Fault HtmlErrorPage(HttpStatusCode status, string title) =>
        new(FaultKind.HtmlErrorPage, string.Create(CultureInfo.InvariantCulture, $"{(int)status} HTML page"), _ =>
            EmulatorResponses.Html(status, title, $"<h1>{WebUtility.HtmlEncode(title)}</h1>"));

    /// <summary>Answers with whatever <paramref name="factory"/> builds, e.g. <see cref="HtmlErrorPages.CloudflareChallenge"/>.</summary>
    /// <param name="factory">Builds a fresh response per injection.</param>
    /// <param name="description">How the fault shows in logs.</param>
    public static Fault Response(Func<EmulatorRequest, HttpResponseMessage> factory, string description = "custom response")
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Fault(FaultKind.Response, description, factory);
    }

    /// <summary>Holds the request for <paramref name="delay"/> on the emulator's clock, then serves it normally.</summary>
    /// <param name="delay">The wait; with a <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/> the test must advance the clock.</param>
    public static Fault Delay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new Fault(FaultKind.Delay, $"delay {delay}") { Duration = delay };
    }

    /// <summary>
    /// Drops the connection without an answer. In process the client gets <see cref="HttpRequestException"/> with an
    /// inner <see cref="IOException"/>; over loopback the socket is reset.
    /// </summary>
    public static Fault ConnectionReset() => new(FaultKind.ConnectionReset, "connection reset");

    /// <summary>
    /// Serves the real response but stops its body after <paramref name="fraction"/> of it while the full
    /// <c>Content-Length</c> is advertised: the client fails while reading the body.
    /// </summary>
    /// <param name="fraction">The share delivered, from 0 (headers only) to below 1.</param>
    public static Fault TruncatedBody(double fraction)
    {
        if (double.IsNaN(fraction) || fraction < 0 || fraction >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), "The fraction delivered must be at least 0 and below 1.");
        }

        return new Fault(FaultKind.TruncatedBody, string.Create(CultureInfo.InvariantCulture, $"truncated body at {fraction:P0}")) { Fraction = fraction };
    }

    /// <summary>Serves the real response with its body in chunks of <paramref name="chunkSize"/> bytes, each after <paramref name="delayPerChunk"/> on the emulator's clock.</summary>
    /// <param name="delayPerChunk">The wait before each chunk.</param>
    /// <param name="chunkSize">The chunk size in bytes.</param>
    public static Fault SlowBody(TimeSpan delayPerChunk, int chunkSize = 16 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delayPerChunk, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        return new Fault(FaultKind.SlowBody, $"slow body ({delayPerChunk} per {chunkSize} bytes)") { Duration = delayPerChunk, ChunkSize = chunkSize };
    }

    /// <inheritdoc />
    public override string ToString() => Description;

    internal HttpResponseMessage CreateResponse(EmulatorRequest request) =>
        _response is null ? throw new InvalidOperationException($"A {Kind} fault does not answer by itself.") : _response(request);
}

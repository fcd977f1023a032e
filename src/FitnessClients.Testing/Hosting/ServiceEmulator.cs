using System.Net;
using FitnessClients.Core.Diagnostics;

namespace FitnessClients.Testing;

/// <summary>
/// The base of every service emulator: a stateful fake that speaks the service's real wire format. A subclass registers
/// its routes on <see cref="Router"/> in its constructor and keeps its own state; the base runs every request through the
/// same pipeline, in process (<see cref="CreateHandler"/>) or over a loopback port (<see cref="StartLoopbackAsync"/>):
/// log → latency → faults → rate limit → routes.
/// </summary>
/// <remarks>
/// <para>
/// Handlers run concurrently (a backup downloads in parallel, the loopback server serves connections at once), so guard
/// shared state: <c>lock (SyncRoot)</c> around reads and writes of your collections is the simple rule, or use
/// concurrent collections. Do not hold the lock across an <c>await</c>.
/// </para>
/// <para>
/// Every clock read and wait goes through <see cref="TimeProvider"/>, which the constructor requires: tests pass a
/// <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/> (then a <see cref="Latency"/>, a delay fault or a
/// slow body waits until the test moves the clock), the CLI's demo mode passes <see cref="TimeProvider.System"/> (then
/// they take real time).
/// </para>
/// </remarks>
/// <example>
/// <code>
/// public sealed class TodoEmulator : ServiceEmulator
/// {
///     private readonly Dictionary&lt;long, string&gt; _items = [];
///
///     public TodoEmulator(TimeProvider clock) : base(clock)
///     {
///         Router.MapGet("/items/{id:long}", request =>
///         {
///             var id = long.Parse(request.GetRouteValue("id"), CultureInfo.InvariantCulture);
///             lock (SyncRoot)
///             {
///                 return _items.TryGetValue(id, out var text)
///                     ? EmulatorResponses.Json(HttpStatusCode.OK, new { id, text })
///                     : EmulatorResponses.Json(HttpStatusCode.NotFound, new { error = "not found" });
///             }
///         });
///     }
/// }
/// </code>
/// </example>
public abstract class ServiceEmulator
{
    /// <summary>Creates the emulator's kit around <paramref name="timeProvider"/>.</summary>
    /// <param name="timeProvider">The emulator's clock: a <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/> in tests, <see cref="TimeProvider.System"/> for a live demo.</param>
    protected ServiceEmulator(TimeProvider timeProvider)
    {
        TimeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        Router = new EmulatorRouter
        {
            NotFoundResponse = request => CreateNotFoundResponse(request),
            MethodNotAllowedResponse = (request, allowed) => CreateMethodNotAllowedResponse(request, allowed),
        };
    }

    /// <summary>The emulator's clock: token expiry, rate-limit windows, latency and delays all run on it.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The routes. Tests may add or replace routes to change one endpoint's behaviour.</summary>
    public EmulatorRouter Router { get; }

    /// <summary>Every request received, for assertions.</summary>
    public RequestLog Requests { get; } = new();

    /// <summary>The fault rules; empty by default.</summary>
    public FaultInjector Faults { get; } = new();

    /// <summary>The service's rate limits, or <see langword="null"/> for none. Emulators set their service's defaults; tests may replace or remove them.</summary>
    public RateLimitSimulator? RateLimits { get; set; }

    /// <summary>
    /// A wait before every request is handled, on <see cref="TimeProvider"/> (default none). Benchmarks use 50 ms with the
    /// system clock; with a <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/> each request waits until the test advances the clock.
    /// </summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Where an in-process client points (<see cref="CreateClient"/>); the service's real base address in subclasses.</summary>
    public virtual Uri DefaultBaseAddress => new("https://emulator.test/");

    /// <summary>A lock for subclasses' state, since handlers run concurrently.</summary>
    protected object SyncRoot { get; } = new();

    /// <summary>
    /// A handler that serves requests in process: no socket, no serialisation of the response, the response objects the
    /// routes built. Each call returns a new handler; disposing it does not affect the emulator.
    /// </summary>
    /// <remarks>
    /// Unlike <c>SocketsHttpHandler</c> it does not follow redirects or keep cookies, and a connection reset is not retried.
    /// Use <see cref="StartLoopbackAsync"/> when the client's own transport must be exercised.
    /// </remarks>
    public HttpMessageHandler CreateHandler() => new EmulatorHttpMessageHandler(this);

    /// <summary>An <see cref="HttpClient"/> over <see cref="CreateHandler"/>, pointed at <paramref name="baseAddress"/> or <see cref="DefaultBaseAddress"/>.</summary>
    /// <param name="baseAddress">The base address; <see cref="DefaultBaseAddress"/> when omitted.</param>
    public HttpClient CreateClient(Uri? baseAddress = null) => new(CreateHandler()) { BaseAddress = baseAddress ?? DefaultBaseAddress };

    /// <summary>
    /// Serves the same pipeline over real HTTP/1.1 on <c>127.0.0.1</c>, for the CLI's demo mode and cross-process tests.
    /// Dispose the returned server to stop it.
    /// </summary>
    /// <param name="port">The port; 0 (the default) picks a free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server with its <see cref="LoopbackEmulatorServer.BaseAddress"/>.</returns>
    public Task<LoopbackEmulatorServer> StartLoopbackAsync(int port = 0, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(LoopbackEmulatorServer.Start(ProcessAsync, port));
    }

    /// <summary>
    /// Answers a request that passed faults and rate limits; the default routes it with <see cref="Router"/>. Override to
    /// wrap every route, e.g. with the service's authentication check or a maintenance switch.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancelled when the client gives up or the server stops.</param>
    protected virtual ValueTask<HttpResponseMessage> DispatchAsync(EmulatorRequest request, CancellationToken cancellationToken) =>
        Router.RouteAsync(request, cancellationToken);

    /// <summary>The service's answer to an unknown path; plain-text 404 unless overridden (e.g. Strava's JSON <c>Record Not Found</c>).</summary>
    /// <param name="request">The request.</param>
    protected virtual HttpResponseMessage CreateNotFoundResponse(EmulatorRequest request) => EmulatorResponses.Text(HttpStatusCode.NotFound, "Not Found");

    /// <summary>The service's answer to a known path with the wrong method; plain-text 405 unless overridden (<c>Allow</c> is added).</summary>
    /// <param name="request">The request.</param>
    /// <param name="allowed">The methods the path has routes for.</param>
    protected virtual HttpResponseMessage CreateMethodNotAllowedResponse(EmulatorRequest request, IReadOnlyList<HttpMethod> allowed) =>
        EmulatorResponses.Text(HttpStatusCode.MethodNotAllowed, "Method Not Allowed");

    /// <summary>
    /// The answer when a route handler throws (a bug in the emulator): a plain-text 500 naming the exception and its
    /// (scrubbed) message, so the failing test shows the cause. The exception is kept on <see cref="LoggedRequest.HandlerException"/>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="exception">What the handler threw.</param>
    protected virtual HttpResponseMessage CreateHandlerErrorResponse(EmulatorRequest request, Exception exception) =>
        EmulatorResponses.Text(HttpStatusCode.InternalServerError, $"Emulator handler failed: {exception?.GetType().Name}: {SecretScrubber.Scrub(exception?.Message)}");

    /// <summary>Adjusts every response the service itself produced (routes and rate-limit rejections, not injected faults): common headers, for instance.</summary>
    /// <param name="request">The request.</param>
    /// <param name="response">The response about to be sent.</param>
    protected virtual void OnResponse(EmulatorRequest request, HttpResponseMessage response)
    {
    }

    internal async ValueTask<EmulatorOutcome> ProcessAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.RequestUri is not { IsAbsoluteUri: true })
        {
            throw new InvalidOperationException("The emulator needs an absolute request URI; give the HttpClient a BaseAddress.");
        }

        var body = message.Content is null ? [] : await message.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var receivedAt = TimeProvider.GetUtcNow();
        var entry = Requests.Add(receivedAt, message, body);
        var request = new EmulatorRequest(message, body, Router.BasePath, entry.Sequence, receivedAt);

        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        var fault = Faults.Evaluate(request)?.Fault;
        if (fault?.Kind == FaultKind.ConnectionReset)
        {
            entry.Complete(null, fault.Kind, rateLimited: false, handlerException: null);
            return EmulatorOutcome.Reset;
        }

        if (fault?.Kind == FaultKind.Delay)
        {
            await Task.Delay(fault.Duration, TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        HttpResponseMessage response;
        var rateLimited = false;
        Exception? handlerException = null;
        if (fault is { ReplacesResponse: true })
        {
            response = fault.CreateResponse(request);
        }
        else
        {
            var limits = RateLimits;
            var decision = limits?.Evaluate(request);
            if (decision is { IsAllowed: false })
            {
                rateLimited = true;
                response = limits!.TooManyRequestsResponse(request, decision);
            }
            else
            {
                try
                {
                    response = await DispatchAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (!(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
                {
                    handlerException = exception;
                    response = CreateHandlerErrorResponse(request, exception);
                }
            }

            if (decision is not null)
            {
                limits!.HeaderWriter?.Invoke(response, decision);
            }

            OnResponse(request, response);
        }

        response.Headers.Date ??= TimeProvider.GetUtcNow();
        if (fault?.Kind == FaultKind.TruncatedBody)
        {
            await TruncateAsync(response, fault.Fraction, cancellationToken).ConfigureAwait(false);
        }
        else if (fault?.Kind == FaultKind.SlowBody && response.Content is { } slow)
        {
            response.Content = new SlowBodyContent(slow, fault.ChunkSize, fault.Duration, TimeProvider);
        }

        entry.Complete(response.StatusCode, fault?.Kind, rateLimited, handlerException);
        return EmulatorOutcome.Respond(response);
    }

    private static async Task TruncateAsync(HttpResponseMessage response, double fraction, CancellationToken cancellationToken)
    {
        var content = response.Content ?? new ByteArrayContent([]);
        if (content.Headers.ContentLength is null)
        {
            // Only bodies of unknown length are buffered here; the emulators' JSON already has a length, downloads too.
            await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var length = content.Headers.ContentLength ?? 0;
        if (length == 0)
        {
            return; // nothing to cut short
        }

        response.Content = new TruncatedContent(content, (long)Math.Floor(length * fraction), length);
    }
}

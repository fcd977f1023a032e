namespace FitnessClients.Core.Http;

/// <summary>
/// Sends through a handler it does not own. A service client's data pipeline and its token client usually sit on the
/// same primary handler, and a handler the caller passed in options (an emulator's, a proxy with a private CA) stays
/// the caller's to dispose; wrapping it in this handler lets each <see cref="HttpClient"/> dispose its own chain
/// without disposing the shared one.
/// </summary>
public sealed class NonDisposingHandler : HttpMessageHandler
{
    private readonly HttpMessageInvoker _invoker;

    /// <summary>Wraps <paramref name="inner"/> without taking ownership of it.</summary>
    /// <param name="inner">The shared handler.</param>
    public NonDisposingHandler(HttpMessageHandler inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _invoker = new HttpMessageInvoker(inner, disposeHandler: false);
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _invoker.SendAsync(request, cancellationToken);

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _invoker.Send(request, cancellationToken);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _invoker.Dispose();
        }

        base.Dispose(disposing);
    }
}

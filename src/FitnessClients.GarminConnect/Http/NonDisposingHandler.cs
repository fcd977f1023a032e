namespace FitnessClients.GarminConnect.Http;

/// <summary>
/// Sends through a handler it does not own: the handler chain and the token client both sit on the same primary
/// handler, and a handler the caller passed in options (an emulator's, a proxy) stays the caller's to dispose.
/// </summary>
internal sealed class NonDisposingHandler : HttpMessageHandler
{
    private readonly HttpMessageInvoker _invoker;

    public NonDisposingHandler(HttpMessageHandler inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _invoker = new HttpMessageInvoker(inner, disposeHandler: false);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _invoker.SendAsync(request, cancellationToken);

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _invoker.Send(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _invoker.Dispose();
        }

        base.Dispose(disposing);
    }
}

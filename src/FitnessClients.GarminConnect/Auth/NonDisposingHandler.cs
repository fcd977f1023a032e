namespace FitnessClients.GarminConnect.Auth;

/// <summary>
/// Forwards to a handler the caller owns (<c>PrimaryHandler</c> from the options, e.g. an emulator's) without
/// disposing it when the sign-in's own client is disposed: the same handler usually serves the data client too.
/// </summary>
internal sealed class NonDisposingHandler : HttpMessageHandler
{
    private readonly HttpMessageInvoker _inner;

    public NonDisposingHandler(HttpMessageHandler inner)
    {
        _inner = new HttpMessageInvoker(inner, disposeHandler: false);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _inner.SendAsync(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

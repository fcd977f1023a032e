using System.Net.Sockets;

namespace FitnessClients.Testing;

/// <summary>The in-process transport: hands each request to the emulator's pipeline and returns its response object directly.</summary>
internal sealed class EmulatorHttpMessageHandler(ServiceEmulator emulator) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var outcome = await emulator.ProcessAsync(request, cancellationToken).ConfigureAwait(false);
        if (outcome.ResetConnection)
        {
            // The shape SocketsHttpHandler gives a connection reset before any response byte (HttpRequestError.Unknown).
            throw new HttpRequestException(
                "An error occurred while sending the request.",
                new IOException("Unable to read data from the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset)));
        }

        var response = outcome.Response!;
        if (request.Method == HttpMethod.Head)
        {
            // As over the wire: the headers (Content-Length included) without the body.
            var length = response.Content.Headers.ContentLength;
            var headOnly = new ByteArrayContent([]);
            ContentHeaders.CopyExceptLength(response.Content, headOnly);
            headOnly.Headers.ContentLength = length;
            response.Content.Dispose();
            response.Content = headOnly;
        }

        response.RequestMessage = request;
        return response;
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();
}

using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FitnessClients.Testing;

/// <summary>Serves the requests of one accepted connection in turn (keep-alive), until either side closes it.</summary>
internal sealed class LoopbackConnection(Socket socket, Func<HttpRequestMessage, CancellationToken, ValueTask<EmulatorOutcome>> pipeline, string authority, CancellationToken stopping)
{
    public async Task RunAsync()
    {
        try
        {
            socket.NoDelay = true; // headers and body go in separate writes; Nagle would stall each response
            var stream = new NetworkStream(socket, ownsSocket: false);
            await using (stream.ConfigureAwait(false))
            {
                var reader = new HttpRequestReader(stream);
                while (!stopping.IsCancellationRequested)
                {
                    HttpRequestMessage? request;
                    try
                    {
                        request = await reader.ReadRequestAsync(authority, () => stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), stopping).AsTask(), stopping).ConfigureAwait(false);
                    }
                    catch (InvalidDataException)
                    {
                        await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), stopping).ConfigureAwait(false);
                        CloseGracefully();
                        return;
                    }

                    if (request is null)
                    {
                        CloseGracefully();
                        return;
                    }

                    using (request)
                    {
                        if (!await ServeAsync(stream, request).ConfigureAwait(false))
                        {
                            return;
                        }
                    }
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away or the server is stopping.
        }
        finally
        {
            socket.Dispose();
        }
    }

    public void Abort()
    {
        try
        {
            socket.Dispose();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    // Returns whether the connection stays open for another request.
    private async Task<bool> ServeAsync(NetworkStream stream, HttpRequestMessage request)
    {
        var keepAlive = request.Headers.ConnectionClose != true;
        EmulatorOutcome outcome;
        try
        {
            outcome = await pipeline(request, stopping).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            outcome = EmulatorOutcome.Respond(EmulatorResponses.Text(HttpStatusCode.InternalServerError, $"Emulator pipeline failed: {exception.GetType().Name}"));
            keepAlive = false;
        }

        if (outcome.ResetConnection)
        {
            // Linger 0 makes close send RST instead of FIN: the client sees "connection reset by peer".
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
            return false;
        }

        using var response = outcome.Response!;
        keepAlive &= response.Headers.ConnectionClose != true;
        var completed = await HttpResponseWriter.WriteAsync(stream, request, response, keepAlive, stopping).ConfigureAwait(false);
        if (!completed || !keepAlive)
        {
            CloseGracefully();
            return false;
        }

        return true;
    }

    private void CloseGracefully()
    {
        try
        {
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
        }

        socket.Close();
    }
}

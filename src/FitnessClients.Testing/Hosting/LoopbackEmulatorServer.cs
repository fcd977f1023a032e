using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace FitnessClients.Testing;

/// <summary>
/// An emulator served over real HTTP/1.1 on <c>127.0.0.1</c>, started by <see cref="ServiceEmulator.StartLoopbackAsync"/>:
/// for the CLI's demo mode and for tests that need the client's real transport (SocketsHttpHandler, redirects, cookies,
/// connection pooling). Dispose it to stop.
/// </summary>
/// <remarks>
/// A small HTTP/1.1 server over <see cref="TcpListener"/> rather than <c>HttpListener</c>: it binds port 0 without a race,
/// adds no headers of its own, can reset a connection (RST) or cut a body short after advertising its length, and
/// streams bodies from their content without buffering; Microsoft also advises against <c>HttpListener</c> for new code.
/// It serves keep-alive connections one request at a time and many connections at once, reads <c>Content-Length</c>
/// and chunked request bodies, and answers <c>Expect: 100-continue</c>. HTTPS and HTTP/2 are out of scope.
/// </remarks>
/// <example>
/// <code>
/// await using var server = await emulator.StartLoopbackAsync();
/// using var http = new HttpClient { BaseAddress = server.BaseAddress };
/// </code>
/// </example>
public sealed class LoopbackEmulatorServer : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);
    private readonly TcpListener _listener;
    private readonly Func<HttpRequestMessage, CancellationToken, ValueTask<EmulatorOutcome>> _pipeline;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<LoopbackConnection, Task> _connections = new();
    private readonly Task _acceptLoop;
    private readonly string _authority;
    private long _connectionsAccepted;
    private int _disposed;

    private LoopbackEmulatorServer(TcpListener listener, Func<HttpRequestMessage, CancellationToken, ValueTask<EmulatorOutcome>> pipeline)
    {
        _listener = listener;
        _pipeline = pipeline;
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _authority = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");
        BaseAddress = new Uri($"http://{_authority}/");
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>The server's address, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>How many connections it has accepted: shows whether a client reuses connections.</summary>
    public long ConnectionsAccepted => Interlocked.Read(ref _connectionsAccepted);

    /// <summary>A plain <see cref="HttpClient"/> (SocketsHttpHandler) pointed at <see cref="BaseAddress"/>.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    /// <summary>
    /// Stops listening, cancels requests in flight (their handlers' cancellation tokens fire) and closes every connection;
    /// waits up to five seconds of real time for handlers to finish.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _acceptLoop.ConfigureAwait(false);
        foreach (var connection in _connections.Keys)
        {
            connection.Abort();
        }

        try
        {
            await Task.WhenAll(_connections.Values).WaitAsync(ShutdownGrace, TimeProvider.System).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A handler that ignores cancellation keeps running; the sockets are closed already.
        }

        _stopping.Dispose();
    }

    internal static LoopbackEmulatorServer Start(Func<HttpRequestMessage, CancellationToken, ValueTask<EmulatorOutcome>> pipeline, int port)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start(512);
        return new LoopbackEmulatorServer(listener, pipeline);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException && _stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue; // a connection failed during accept; keep serving the others
            }

            Interlocked.Increment(ref _connectionsAccepted);
            var connection = new LoopbackConnection(socket, _pipeline, _authority, _stopping.Token);
            var task = Task.Run(connection.RunAsync);
            _connections[connection] = task;
            _ = task.ContinueWith(_ => _connections.TryRemove(connection, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}

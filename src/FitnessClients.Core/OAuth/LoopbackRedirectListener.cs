using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FitnessClients.Core.OAuth;

/// <summary>
/// Receives the authorization redirect on <c>http://127.0.0.1:{port}{path}</c> for command-line and desktop apps
/// (RFC 8252 §7.3): open the authorization URL in the user's browser, and this catches the browser's request,
/// checks it, answers with a short "you can close this window" page and hands back the code.
/// </summary>
/// <remarks>
/// <para>
/// It speaks the few lines of HTTP/1.1 it needs directly over a <see cref="TcpListener"/> bound to
/// <see cref="IPAddress.Loopback"/> instead of using <c>HttpListener</c>: binding port 0 picks a free port
/// atomically (no probe-then-bind race), nothing is reachable from other machines, and on Windows it needs no URL
/// reservation or administrator rights, which <c>HttpListener</c> does for <c>127.0.0.1</c> prefixes.
/// </para>
/// <para>
/// Each connection is handled on its own, so a browser's idle speculative connections do not hold up the real
/// request. <c>/favicon.ico</c> and other paths get a 404 and are otherwise ignored. The listener stays open
/// until disposed, so a failed wait can be followed by another.
/// </para>
/// <para>
/// Services check the redirect URI against the app's registration: Strava accepts any port on
/// <c>127.0.0.1</c>/<c>localhost</c>; FitTrackee needs the exact URI registered, so pass a fixed port there.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// await using var listener = new LoopbackRedirectListener(port: 0, path: "/callback");
/// var request = new AuthorizationRequest { ..., RedirectUri = listener.RedirectUri, Pkce = PkceCodes.Create() };
/// Process.Start(new ProcessStartInfo(request.BuildUri().AbsoluteUri) { UseShellExecute = true });
/// var callback = await listener.WaitForCallbackAsync(request.State, TimeSpan.FromMinutes(5), ct);
/// </code>
/// </example>
public sealed class LoopbackRedirectListener : IAsyncDisposable
{
    private const int MaxRequestHeadBytes = 16 * 1024;

    private readonly TcpListener _listener;
    private readonly TimeProvider _timeProvider;
    private readonly string _path;
    private readonly CancellationTokenSource _disposed = new();
    private int _waiting;

    /// <summary>Starts listening at once, so <see cref="RedirectUri"/> is known before the browser is opened.</summary>
    /// <param name="port">The port; 0 picks a free one.</param>
    /// <param name="path">The path of the redirect URI, e.g. <c>/callback</c>.</param>
    /// <param name="timeProvider">The clock that measures the wait's timeout; the system clock by default.</param>
    /// <exception cref="SocketException">The port is in use.</exception>
    public LoopbackRedirectListener(int port = 0, string path = "/", TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        ArgumentNullException.ThrowIfNull(path);
        if (path.Contains('?', StringComparison.Ordinal) || path.Contains('#', StringComparison.Ordinal))
        {
            throw new ArgumentException("The path must not contain a query or fragment.", nameof(path));
        }

        _path = NormalisePath(path);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        RedirectUri = new Uri($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}{_path}");
    }

    /// <summary>The port listened on.</summary>
    public int Port { get; }

    /// <summary>The redirect URI to put in the authorization request (and the code exchange).</summary>
    public Uri RedirectUri { get; }

    /// <summary>
    /// Waits for the browser to be redirected back, answers it, and returns the code. Requests for other paths
    /// (such as <c>/favicon.ico</c>) are answered with 404 and do not end the wait.
    /// </summary>
    /// <param name="expectedState">The <see cref="AuthorizationRequest.State"/> that was sent.</param>
    /// <param name="timeout">How long the user has to finish signing in, measured on the listener's clock.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The validated callback.</returns>
    /// <exception cref="OAuthCallbackException">
    /// The state did not match, the user cancelled, the service reported an error, the redirect had no code, or
    /// <paramref name="timeout"/> passed (<see cref="OAuthCallbackFailure.Timeout"/>). The browser is shown the reason.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">Another wait on this listener is in progress.</exception>
    public async Task<AuthorizationCallback> WaitForCallbackAsync(string expectedState, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(expectedState);
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        if (Interlocked.Exchange(ref _waiting, 1) == 1)
        {
            throw new InvalidOperationException("A wait for the redirect is already in progress on this listener.");
        }

        using var timeoutSource = new CancellationTokenSource(timeout, _timeProvider);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken, _disposed.Token);
        var outcome = new TaskCompletionSource<AuthorizationCallback>(TaskCreationOptions.RunContinuationsAsynchronously);
        var connections = new List<Task>();
        var acceptLoop = AcceptAsync(expectedState, outcome, connections, stop.Token);
        try
        {
            return await outcome.Task.WaitAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested && !outcome.Task.IsCompleted)
        {
            throw new OAuthCallbackException(
                $"No redirect arrived within {FormatTimeout(timeout)}. Finish signing in in the browser sooner, or use the paste-the-address fallback if the browser runs on another machine.",
                OAuthCallbackFailure.Timeout);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ObjectDisposedException(nameof(LoopbackRedirectListener));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Report the caller's own token rather than the internal linked one.
            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            Task[] pending;
            lock (connections)
            {
                pending = [.. connections];
            }

            await Task.WhenAll(pending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            Volatile.Write(ref _waiting, 0);
        }
    }

    /// <summary>Stops listening and ends any wait in progress.</summary>
    public ValueTask DisposeAsync()
    {
        if (!_disposed.IsCancellationRequested)
        {
            _disposed.Cancel();
            _listener.Stop();
        }

        return ValueTask.CompletedTask;
    }

    private static string NormalisePath(string path)
    {
        var trimmed = path.Trim();
        if (!trimmed.StartsWith('/'))
        {
            trimmed = "/" + trimmed;
        }

        return trimmed.Length > 1 ? trimmed.TrimEnd('/') : trimmed;
    }

    private static string FormatTimeout(TimeSpan timeout) =>
        timeout.TotalMinutes >= 1 && timeout.Seconds == 0
            ? $"{timeout.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture)} minutes"
            : $"{timeout.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture)} seconds";

    private async Task AcceptAsync(string expectedState, TaskCompletionSource<AuthorizationCallback> outcome, List<Task> connections, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var handler = HandleAsync(client, expectedState, outcome, cancellationToken);
            lock (connections)
            {
                connections.Add(handler);
            }
        }
    }

    private async Task HandleAsync(TcpClient client, string expectedState, TaskCompletionSource<AuthorizationCallback> outcome, CancellationToken cancellationToken)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadRequestHeadAsync(stream, cancellationToken).ConfigureAwait(false);
                if (head is null)
                {
                    await RespondAsync(stream, 431, "Request Header Fields Too Large", Page("Request too large", "The request was too large."), cancellationToken).ConfigureAwait(false);
                    return;
                }

                if (head.Length == 0)
                {
                    return;
                }

                var requestLine = head[..head.IndexOf('\n', StringComparison.Ordinal)].TrimEnd('\r').Split(' ');
                if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/", StringComparison.Ordinal))
                {
                    await RespondAsync(stream, 400, "Bad Request", Page("Bad request", "The request could not be read."), cancellationToken).ConfigureAwait(false);
                    return;
                }

                var (path, query) = SplitTarget(requestLine[1]);
                if (!string.Equals(NormalisePath(path), _path, StringComparison.Ordinal))
                {
                    // The favicon request browsers make, or anything else that is not the redirect.
                    await RespondAsync(stream, 404, "Not Found", Page("Not found", "Nothing here."), cancellationToken).ConfigureAwait(false);
                    return;
                }

                if (requestLine[0] != "GET")
                {
                    await RespondAsync(stream, 405, "Method Not Allowed", Page("Method not allowed", "The redirect must be a GET request."), cancellationToken).ConfigureAwait(false);
                    return;
                }

                AuthorizationCallback callback;
                try
                {
                    callback = AuthorizationCallback.FromQuery(QueryString.Parse(query), expectedState);
                }
                catch (OAuthCallbackException ex)
                {
                    await RespondAsync(stream, 400, "Bad Request", Page("Sign-in failed", ex.Message + " You can close this window."), cancellationToken).ConfigureAwait(false);
                    outcome.TrySetException(ex);
                    return;
                }

                await RespondAsync(stream, 200, "OK", Page("Signed in", "The application received the authorization. You can close this window and return to it."), cancellationToken).ConfigureAwait(false);
                outcome.TrySetResult(callback);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A connection that broke or was cut off when the wait ended; the wait carries on without it.
            }
        }
    }

    // Returns the request line and headers, "" when the peer closed without sending any, or null when too large.
    private static async Task<string?> ReadRequestHeadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxRequestHeadBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
            var span = buffer.AsSpan(0, length);
            if (span.IndexOf("\r\n\r\n"u8) >= 0 || span.IndexOf("\n\n"u8) >= 0)
            {
                return Encoding.Latin1.GetString(span);
            }
        }

        if (length == buffer.Length)
        {
            return null;
        }

        var text = Encoding.Latin1.GetString(buffer, 0, length);
        return text.Contains('\n', StringComparison.Ordinal) ? text : string.Empty;
    }

    private static (string Path, string Query) SplitTarget(string target)
    {
        if (target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(target, UriKind.Absolute, out var absolute))
        {
            target = absolute.PathAndQuery;
        }

        var question = target.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? (target, string.Empty) : (target[..question], target[(question + 1)..]);
    }

    private static string Page(string title, string message) =>
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + WebUtility.HtmlEncode(title) +
        "</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>" + WebUtility.HtmlEncode(title) +
        "</h1><p>" + WebUtility.HtmlEncode(message) + "</p></body></html>";

    private static async Task RespondAsync(NetworkStream stream, int status, string reason, string html, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(html);
        var head = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {status.ToString(CultureInfo.InvariantCulture)} {reason}\r\n" +
            "Content-Type: text/html; charset=utf-8\r\n" +
            $"Content-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\r\n" +
            "Cache-Control: no-store\r\n" +
            "Referrer-Policy: no-referrer\r\n" +
            "Connection: close\r\n\r\n");
        await stream.WriteAsync(head, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        stream.Socket.Shutdown(SocketShutdown.Send);
    }
}

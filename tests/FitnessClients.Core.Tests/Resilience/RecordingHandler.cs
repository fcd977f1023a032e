using System.Collections.Concurrent;
using FitnessClients.Testing;

namespace FitnessClients.Core.Tests.Resilience;

/// <summary>
/// Sits where the primary handler would and records each attempt: when (on the fake clock), the method and the
/// body bytes. It reads the body with <see cref="HttpContent.CopyToAsync(Stream)"/>, as SocketsHttpHandler does, so a
/// stream that can be read only once fails on a second attempt unless it was buffered.
/// </summary>
internal sealed class RecordingHandler(FakeTimeProvider clock) : DelegatingHandler
{
    private int _inFlight;

    public ConcurrentQueue<Attempt> Attempts { get; } = new();

    /// <summary>
    /// Failures to raise instead of asking the backend, one per attempt, in order (MockHttp cannot fail a request
    /// with an exception: its faulted responders never complete).
    /// </summary>
    public ConcurrentQueue<Exception> Faults { get; } = new();

    /// <summary>Attempts that have been sent and not answered yet.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = null;
        if (request.Content is not null)
        {
            using var copy = new MemoryStream();
            await request.Content.CopyToAsync(copy, cancellationToken);
            body = System.Text.Encoding.UTF8.GetString(copy.ToArray());
        }

        Interlocked.Increment(ref _inFlight);
        Attempts.Enqueue(new Attempt(clock.GetUtcNow(), request.Method, body));
        try
        {
            if (Faults.TryDequeue(out var fault))
            {
                await Task.Yield();
                throw fault;
            }

            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public sealed record Attempt(DateTimeOffset At, HttpMethod Method, string? Body);
}

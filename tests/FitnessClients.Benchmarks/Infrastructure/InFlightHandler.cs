namespace FitnessClients.Benchmarks.Infrastructure;

/// <summary>Counts requests between the client's pipeline and the emulator, so the fake clock only jumps when none is being served.</summary>
internal sealed class InFlightHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private int _inFlight;

    public int InFlight => Volatile.Read(ref _inFlight);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}

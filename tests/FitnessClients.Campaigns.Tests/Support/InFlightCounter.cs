namespace FitnessClients.Campaigns.Tests.Support;

/// <summary>
/// Wraps the sending handler and counts the requests waiting for their response headers, so the clock driver
/// knows when jumping far ahead could turn a request still being served in real time into an attempt timeout.
/// </summary>
internal sealed class InFlightCounter(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private int _inFlight;
    private long _sent;

    public int InFlight => Volatile.Read(ref _inFlight);

    public long Sent => Interlocked.Read(ref _sent);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _sent);
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

namespace FitnessClients.Core.RateLimiting;

/// <summary>
/// Remembers, on the request, in which period of each window the request was counted and how many grants preceded
/// it, so the response's usage report can be applied to the right period without losing requests still in flight.
/// </summary>
/// <param name="Generations">Per window (by index): the period generation, or -1 when the window does not apply.</param>
/// <param name="Sequences">Per window: the grant's sequence number in that period.</param>
internal sealed record FixedWindowAcquisition(long[] Generations, long[] Sequences);

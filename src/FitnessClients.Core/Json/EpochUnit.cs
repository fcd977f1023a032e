namespace FitnessClients.Core.Json;

/// <summary>How a date converter reads a JSON number (or a string of digits) as a moment since 1970-01-01 UTC.</summary>
public enum EpochUnit
{
    /// <summary>
    /// Decide by magnitude: an absolute value of 100,000,000,000 or more is milliseconds, anything smaller is
    /// seconds. 10^11 seconds is the year 5138 while 10^11 milliseconds is March 1973, so the only moments read
    /// wrongly are millisecond stamps before March 1973, which no fitness service sends.
    /// </summary>
    Auto,

    /// <summary>Seconds since the epoch (Strava's <c>expires_at</c>); a fraction is kept to the tick.</summary>
    Seconds,

    /// <summary>Milliseconds since the epoch (Garmin's <c>beginTimestamp</c>).</summary>
    Milliseconds,
}

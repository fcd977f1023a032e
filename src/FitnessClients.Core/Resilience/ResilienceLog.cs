using Microsoft.Extensions.Logging;

namespace FitnessClients.Core.Resilience;

/// <summary>The resilience pipeline's log messages, written by <see cref="ResilienceEventLog"/>. URIs are scrubbed before they get here.</summary>
internal static partial class ResilienceLog
{
    [LoggerMessage(EventId = 2101, EventName = "RetryScheduled", Level = LogLevel.Warning,
        Message = "{Method} {Uri} failed ({Outcome}); retry {Retry} of {MaxRetries} in {Delay}")]
    public static partial void RetryScheduled(ILogger logger, string method, Uri? uri, string outcome, int retry, int maxRetries, string delay);

    [LoggerMessage(EventId = 2102, EventName = "CircuitOpened", Level = LogLevel.Warning,
        Message = "Circuit opened after repeated failures ({Outcome}, last {Method} {Uri}); requests fail fast for {BreakDuration}")]
    public static partial void CircuitOpened(ILogger logger, string outcome, string method, Uri? uri, string breakDuration);

    [LoggerMessage(EventId = 2103, EventName = "CircuitHalfOpened", Level = LogLevel.Information,
        Message = "Circuit half-open: letting one trial request through")]
    public static partial void CircuitHalfOpened(ILogger logger);

    [LoggerMessage(EventId = 2104, EventName = "CircuitClosed", Level = LogLevel.Information,
        Message = "Circuit closed: the service answers again")]
    public static partial void CircuitClosed(ILogger logger);

    [LoggerMessage(EventId = 2105, EventName = "TotalTimeout", Level = LogLevel.Warning,
        Message = "{Method} {Uri} gave up after the total timeout of {Timeout}")]
    public static partial void TotalTimeout(ILogger logger, string method, Uri? uri, string timeout);

    [LoggerMessage(EventId = 2106, EventName = "AttemptTimeout", Level = LogLevel.Debug,
        Message = "{Method} {Uri} attempt got no response within {Timeout}")]
    public static partial void AttemptTimeout(ILogger logger, string method, Uri? uri, string timeout);
}

using Microsoft.Extensions.Logging;

namespace FitnessClients.Core.Diagnostics;

/// <summary>The logger <see cref="SecretScrubbingLoggerProvider"/> hands out: scrubs, then forwards.</summary>
internal sealed class SecretScrubbingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull =>
        inner.BeginScope(ScrubbedLogState.ScrubScope(state) ?? string.Empty);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var message = SecretScrubber.Scrub(formatter(state, exception));
        var scrubbed = new ScrubbedLogState(message, state as IReadOnlyList<KeyValuePair<string, object?>>);
        var standIn = exception is null ? null : new ScrubbedException(exception);
        inner.Log(logLevel, eventId, scrubbed, standIn, static (s, _) => s.Message);
    }
}

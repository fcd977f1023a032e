using Microsoft.Extensions.Logging;

namespace FitnessClients.Strava.Tests.Auth;

/// <summary>Keeps every formatted log line and exception text, to check no secret reaches a log.</summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory, ILogger
{
    public List<string> Lines { get; } = [];

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines)
        {
            Lines.Add(formatter(state, exception) + " " + exception);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                Lines.AddRange(values.Select(v => v.Key + "=" + v.Value));
            }
        }
    }
}

using Microsoft.Extensions.Logging;

namespace FitnessClients.Core.Tests.Tokens;

/// <summary>Keeps every log entry (formatted message, structured values and exception) for inspection.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<string> _entries = [];

    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
            : "";
        lock (_entries)
        {
            _entries.Add($"{logLevel}: {formatter(state, exception)} [{values}] {exception}");
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FitnessClients.Core.Tests.Diagnostics;

/// <summary>A logger provider that keeps what was written, including structured values, exceptions and scopes.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider? _scopes;

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public bool Disposed { get; private set; }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() => Disposed = true;

    public sealed record Entry(
        string Category,
        LogLevel Level,
        EventId EventId,
        string Message,
        IReadOnlyList<KeyValuePair<string, object?>> Values,
        string? Exception,
        IReadOnlyList<string> Scopes);

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        private readonly ConcurrentStack<object?> _ownScopes = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            _ownScopes.Push(state);
            return new Pop(_ownScopes);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            owner._scopes?.ForEachScope((scope, list) => list.Add(ScopeText(scope)), scopes);
            scopes.AddRange(_ownScopes.Reverse().Select(ScopeText));
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            owner.Entries.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception), values.ToList(), exception?.ToString(), scopes));
        }

        private static string ScopeText(object? scope) => scope switch
        {
            IReadOnlyList<KeyValuePair<string, object?>> values => scope + " | " + string.Join(", ", values.Select(v => $"{v.Key}={v.Value}")),
            _ => scope?.ToString() ?? "(null)",
        };

        private sealed class Pop(ConcurrentStack<object?> stack) : IDisposable
        {
            public void Dispose() => stack.TryPop(out _);
        }
    }
}

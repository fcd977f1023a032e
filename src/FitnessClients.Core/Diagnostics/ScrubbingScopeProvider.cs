using Microsoft.Extensions.Logging;

namespace FitnessClients.Core.Diagnostics;

/// <summary>An <see cref="IExternalScopeProvider"/> view that scrubs scopes when a provider reads them.</summary>
internal sealed class ScrubbingScopeProvider(IExternalScopeProvider inner) : IExternalScopeProvider
{
    public void ForEachScope<TState>(Action<object?, TState> callback, TState state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        inner.ForEachScope((scope, s) => callback(ScrubbedLogState.ScrubScope(scope), s), state);
    }

    public IDisposable Push(object? state) => inner.Push(state);
}

using System.Collections.Concurrent;

namespace FitnessClients.Core.Tokens;

/// <summary>
/// One <see cref="SemaphoreSlim"/> per key, created on first use and kept: the keys are accounts, so the set
/// stays small, and never removing one means two callers can never end up holding different semaphores for
/// the same key.
/// </summary>
internal sealed class KeyedSemaphores
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public SemaphoreSlim Get(string key) => _gates.GetOrAdd(key, static _ => new SemaphoreSlim(1, 1));
}

namespace FitnessClients.Core.Tokens;

/// <summary>
/// A held refresh lock: the in-process semaphore and, for the file store, the open lock file. Disposing it
/// closes the file first (so the next waiter in this process can open it) and then releases the semaphore.
/// Disposing twice is harmless.
/// </summary>
internal sealed class RefreshLockLease(SemaphoreSlim gate, FileStream? lockFile) : IAsyncDisposable
{
    private SemaphoreSlim? _gate = gate;

    public ValueTask DisposeAsync()
    {
        var held = Interlocked.Exchange(ref _gate, null);
        if (held is null)
        {
            return ValueTask.CompletedTask;
        }

        try
        {
            lockFile?.Dispose();
        }
        finally
        {
            held.Release();
        }

        return ValueTask.CompletedTask;
    }
}

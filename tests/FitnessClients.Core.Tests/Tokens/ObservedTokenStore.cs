using FitnessClients.Core.Tokens;

namespace FitnessClients.Core.Tests.Tokens;

/// <summary>Wraps a store to hold saves at a gate or to act when the refresh lock is taken.</summary>
internal sealed class ObservedTokenStore(ITokenStore inner) : ITokenStore
{
    public TaskCompletionSource SaveEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource? SaveGate { get; set; }

    public Func<Task>? OnLockAcquired { get; set; }

    public int LockAcquisitions { get; private set; }

    public ValueTask<OAuthToken?> LoadAsync(string key, CancellationToken cancellationToken = default) =>
        inner.LoadAsync(key, cancellationToken);

    public async ValueTask SaveAsync(string key, OAuthToken token, CancellationToken cancellationToken = default)
    {
        SaveEntered.TrySetResult();
        if (SaveGate is { } gate)
        {
            await gate.Task;
        }

        await inner.SaveAsync(key, token, cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(key, cancellationToken);

    public async ValueTask<IAsyncDisposable> AcquireRefreshLockAsync(string key, CancellationToken cancellationToken = default)
    {
        var held = await inner.AcquireRefreshLockAsync(key, cancellationToken);
        LockAcquisitions++;
        if (OnLockAcquired is { } action)
        {
            await action();
        }

        return held;
    }
}

using FitnessClients.Core.Tokens;

namespace FitnessClients.Core.Tests.Tokens;

/// <summary>
/// Wraps the store in a probe process: before asking for the refresh lock it drops a <c>waiting-{id}</c> file
/// into the fake server's folder, so the refresher holding the lock can wait until every peer is committed to
/// waiting for it (having already read the stale token).
/// </summary>
internal sealed class LockSignallingStore(ITokenStore inner, string serverDirectory, string id) : ITokenStore
{
    public bool LockTaken { get; private set; }

    public ValueTask<OAuthToken?> LoadAsync(string key, CancellationToken cancellationToken = default) =>
        inner.LoadAsync(key, cancellationToken);

    public ValueTask SaveAsync(string key, OAuthToken token, CancellationToken cancellationToken = default) =>
        inner.SaveAsync(key, token, cancellationToken);

    public ValueTask<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(key, cancellationToken);

    public async ValueTask<IAsyncDisposable> AcquireRefreshLockAsync(string key, CancellationToken cancellationToken = default)
    {
        await File.WriteAllTextAsync(Path.Combine(serverDirectory, $"waiting-{id}"), id, cancellationToken);
        var held = await inner.AcquireRefreshLockAsync(key, cancellationToken);
        LockTaken = true;
        return held;
    }
}

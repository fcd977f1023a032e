namespace FitnessClients.Core.Tokens;

/// <summary>
/// Where tokens live between runs, one per key (normally one key per service account).
/// Shipped: <c>FileTokenStore</c> and <c>InMemoryTokenStore</c>; implement this to keep tokens in a
/// vault or a database.
/// </summary>
/// <remarks>
/// A save must be atomic: a reader sees the old token or the new one, never a mixture, because a lost rotated
/// refresh token means the user has to sign in again.
/// </remarks>
public interface ITokenStore
{
    /// <summary>Reads the token stored under <paramref name="key"/>, or <see langword="null"/> when there is none.</summary>
    /// <param name="key">The account key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="TokenStoreException">The stored data exists but cannot be read (corrupt, empty, a symlink).</exception>
    ValueTask<OAuthToken?> LoadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="token"/> under <paramref name="key"/>, replacing any previous one atomically.</summary>
    /// <param name="key">The account key.</param>
    /// <param name="token">The token to keep.</param>
    /// <param name="cancellationToken">Cancels the write (the old token then stays in place).</param>
    ValueTask SaveAsync(string key, OAuthToken token, CancellationToken cancellationToken = default);

    /// <summary>Removes the token stored under <paramref name="key"/>.</summary>
    /// <param name="key">The account key.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns><see langword="true"/> when a token was removed.</returns>
    ValueTask<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the lock that serialises refreshes of <paramref name="key"/>, waiting for it if another refresher (in
    /// this process or, for stores that can, another process) holds it. Dispose the result to release it.
    /// </summary>
    /// <param name="key">The account key.</param>
    /// <param name="cancellationToken">Stops waiting for the lock.</param>
    ValueTask<IAsyncDisposable> AcquireRefreshLockAsync(string key, CancellationToken cancellationToken = default);
}

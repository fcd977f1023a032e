using System.Collections.Concurrent;

namespace FitnessClients.Core.Tokens;

/// <summary>
/// Keeps tokens in memory only: for tests, for short-lived tools that sign in on every run, and for hosts that
/// load tokens from elsewhere at start-up. Tokens are lost when the process ends, so a rotated refresh token
/// kept here must be copied somewhere durable by the host if it matters.
/// </summary>
/// <remarks>
/// Thread-safe. The refresh lock is an in-process asynchronous lock per key; it does not coordinate with
/// other processes (nothing else can see this store).
/// </remarks>
/// <example>
/// <code>
/// var store = new InMemoryTokenStore();
/// await store.SaveAsync("strava", token);
/// var manager = new TokenManager(store, "strava", refresher);
/// </code>
/// </example>
public sealed class InMemoryTokenStore : ITokenStore
{
    private readonly ConcurrentDictionary<string, OAuthToken> _tokens = new(StringComparer.Ordinal);
    private readonly KeyedSemaphores _locks = new();

    /// <inheritdoc />
    public ValueTask<OAuthToken?> LoadAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_tokens.TryGetValue(key, out var token) ? token : null);
    }

    /// <inheritdoc />
    public ValueTask SaveAsync(string key, OAuthToken token, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(token);
        ArgumentException.ThrowIfNullOrWhiteSpace(token.AccessToken, nameof(token));
        cancellationToken.ThrowIfCancellationRequested();
        _tokens[key] = token;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_tokens.TryRemove(key, out _));
    }

    /// <inheritdoc />
    public async ValueTask<IAsyncDisposable> AcquireRefreshLockAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var gate = _locks.Get(key);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new RefreshLockLease(gate, lockFile: null);
    }
}

using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FitnessClients.Core.Tokens;

/// <summary>
/// Hands out a usable access token for one account, refreshing it ahead of expiry or after the service rejected
/// it, in a way that never loses a rotated refresh token.
/// </summary>
/// <remarks>
/// <para>
/// Strava, FitTrackee and Garmin rotate refresh tokens: using one returns a new one and kills the old one at
/// once. Two refreshes racing with the same refresh token therefore sign the user out, and a new token that is
/// used but not stored is lost with the process. So a refresh here is:
/// </para>
/// <list type="number">
/// <item>single-flight in this process: concurrent callers (even of different managers over the same store
/// instance and key) share one refresh;</item>
/// <item>done under the store's refresh lock, which for <see cref="FileTokenStore"/> also excludes other
/// processes;</item>
/// <item>preceded by a reload under that lock: if someone else refreshed while we waited, their token is used
/// and the refresher is not called;</item>
/// <item>saved to the store before the new token is returned to anyone.</item>
/// </list>
/// <para>
/// A refresh, once started, runs to the end (including the save) even when the caller that started it is
/// cancelled: the caller stops waiting, the new token is still stored. Logs carry the key and expiry times,
/// never a token value.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var manager = new TokenManager(new FileTokenStore("~/.config/fitnessclients/tokens"), "strava", refresher,
///     new TokenManagerOptions { SignInHint = "Run 'fitness login strava'." });
/// var token = await manager.GetTokenAsync(ct);
/// request.Headers.Authorization = new(token.TokenType, token.AccessToken);
/// </code>
/// </example>
public class TokenManager
{
    private readonly ITokenStore _store;
    private readonly ITokenRefresher _refresher;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TimeSpan _margin;
    private readonly TimeSpan _failedRefreshRetryDelay;
    private readonly string? _signInHint;
    private readonly string? _service;
    private readonly Lock _failureGate = new();
    private (string AccessToken, DateTimeOffset RetryAt)? _lastEarlyRefreshFailure;

    /// <summary>Creates a manager for the token stored under <paramref name="key"/>.</summary>
    /// <param name="store">Where the token lives.</param>
    /// <param name="key">The account key in <paramref name="store"/>.</param>
    /// <param name="refresher">The service-specific exchange of a refresh token for a new token.</param>
    /// <param name="options">Margin and messages; defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock expiry is judged by (default: the system clock).</param>
    /// <param name="logger">Receives refresh decisions, without token values.</param>
    public TokenManager(
        ITokenStore store,
        string key,
        ITokenRefresher refresher,
        TokenManagerOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<TokenManager>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(refresher);
        options ??= new TokenManagerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RefreshMargin, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.FailedRefreshRetryDelay, TimeSpan.Zero, nameof(options));

        _store = store;
        Key = key;
        _refresher = refresher;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _margin = options.RefreshMargin;
        _failedRefreshRetryDelay = options.FailedRefreshRetryDelay;
        _signInHint = string.IsNullOrWhiteSpace(options.SignInHint) ? null : options.SignInHint.Trim();
        _service = options.Service;
    }

    /// <summary>The account key this manager serves.</summary>
    public string Key { get; }

    /// <summary>
    /// Returns a token that is valid for at least the refresh margin, refreshing the stored one first when it
    /// expires within the margin. A token without an expiry is returned as it is.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (a refresh already under way still completes and is saved).</param>
    /// <exception cref="AuthenticationRequiredException">
    /// No token is stored, or it expired and has no refresh token, or the service refused the refresh token.
    /// </exception>
    public virtual async ValueTask<OAuthToken> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var token = await LoadRequiredAsync(cancellationToken).ConfigureAwait(false);
        return await EnsureFreshAsync(token, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Called after the service answered 401 to <paramref name="rejected"/>: returns a replacement, refreshing only
    /// if the stored token is still the rejected one (otherwise another caller or process already replaced it).
    /// </summary>
    /// <param name="rejected">The token the service refused.</param>
    /// <param name="cancellationToken">Stops waiting (a refresh already under way still completes and is saved).</param>
    /// <exception cref="AuthenticationRequiredException">
    /// No token is stored, there is no refresh token, or the service refused the refresh token.
    /// </exception>
    public virtual async ValueTask<OAuthToken> RefreshAfterRejectionAsync(OAuthToken rejected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        var current = await LoadRequiredAsync(cancellationToken).ConfigureAwait(false);
        if (!SameAccessToken(current, rejected))
        {
            _logger.LogDebug("The rejected token for {TokenKey} was already replaced; using the stored one", Key);
            return await EnsureFreshAsync(current, cancellationToken).ConfigureAwait(false);
        }

        if (current.RefreshToken is null)
        {
            throw SignInRequired($"The service rejected the access token for '{Key}' and there is no refresh token to renew it.");
        }

        _logger.LogInformation("The service rejected the token for {TokenKey}; refreshing it", Key);
        return await RefreshAsync(current, cancellationToken).ConfigureAwait(false);
    }

    private static bool SameAccessToken(OAuthToken a, OAuthToken b) =>
        string.Equals(a.AccessToken, b.AccessToken, StringComparison.Ordinal);

    private async ValueTask<OAuthToken> LoadRequiredAsync(CancellationToken cancellationToken) =>
        await _store.LoadAsync(Key, cancellationToken).ConfigureAwait(false)
        ?? throw SignInRequired($"No token is stored for '{Key}'.");

    private async ValueTask<OAuthToken> EnsureFreshAsync(OAuthToken token, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        if (!token.ExpiresWithin(now, _margin))
        {
            return token;
        }

        var expiresAt = token.ExpiresAt!.Value;
        var expired = expiresAt <= now;
        if (token.RefreshToken is null)
        {
            if (expired)
            {
                throw SignInRequired(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The access token for '{Key}' expired at {expiresAt:O} and there is no refresh token to renew it."));
            }

            _logger.LogDebug("The token for {TokenKey} expires at {ExpiresAt} and cannot be refreshed; using it until then", Key, expiresAt);
            return token;
        }

        if (!expired && IsInFailureBackoff(token, now))
        {
            return token;
        }

        try
        {
            return await RefreshAsync(token, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!expired
            && ex is not AuthenticationRequiredException
            && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // The refresh was early; the current token still works, so a failing token endpoint need not fail the call.
            RecordEarlyRefreshFailure(token, _timeProvider.GetUtcNow());
            _logger.LogWarning(
                ex,
                "Refreshing the token for {TokenKey} failed; using the current token, valid until {ExpiresAt}, and trying again after {RetryDelay}",
                Key,
                expiresAt,
                _failedRefreshRetryDelay);
            return token;
        }
    }

    private bool IsInFailureBackoff(OAuthToken token, DateTimeOffset now)
    {
        lock (_failureGate)
        {
            return _lastEarlyRefreshFailure is { } failure
                && string.Equals(token.AccessToken, failure.AccessToken, StringComparison.Ordinal)
                && now < failure.RetryAt;
        }
    }

    private void RecordEarlyRefreshFailure(OAuthToken token, DateTimeOffset now)
    {
        lock (_failureGate)
        {
            _lastEarlyRefreshFailure = (token.AccessToken, now + _failedRefreshRetryDelay);
        }
    }

    private async ValueTask<OAuthToken> RefreshAsync(OAuthToken stale, CancellationToken cancellationToken)
    {
        // The shared refresh ignores the caller's cancellation on purpose: see the remarks on the class.
        var result = await RefreshFlights.Join(_store, Key, () => RefreshUnderLockAsync(stale))
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        if (SameAccessToken(result, stale))
        {
            // This caller joined a refresh that set out from an older token and settled on the very token this
            // caller needs replaced (another process had stored it); a second flight starts from this one.
            result = await RefreshFlights.Join(_store, Key, () => RefreshUnderLockAsync(stale))
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private async Task<OAuthToken> RefreshUnderLockAsync(OAuthToken stale)
    {
        var refreshLock = await _store.AcquireRefreshLockAsync(Key, CancellationToken.None).ConfigureAwait(false);
        await using (refreshLock.ConfigureAwait(false))
        {
            // Another process (or manager) may have refreshed while this one waited for the lock.
            var current = await LoadRequiredAsync(CancellationToken.None).ConfigureAwait(false);
            var now = _timeProvider.GetUtcNow();
            if (!SameAccessToken(current, stale) && !current.ExpiresWithin(now, _margin))
            {
                _logger.LogInformation(
                    "The token for {TokenKey} was refreshed by someone else while waiting for the lock; it expires at {ExpiresAt}",
                    Key,
                    current.ExpiresAt);
                return current;
            }

            if (current.RefreshToken is null)
            {
                throw SignInRequired($"The access token for '{Key}' needs renewing and there is no refresh token to renew it.");
            }

            _logger.LogDebug("Refreshing the token for {TokenKey}, which expires at {ExpiresAt}", Key, current.ExpiresAt);
            OAuthToken refreshed;
            try
            {
                refreshed = await _refresher.RefreshAsync(current, CancellationToken.None).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The token refresher {_refresher.GetType().Name} returned no token.");
            }
            catch (AuthenticationRequiredException ex) when (ex.TokenKey is null)
            {
                throw WithKey(ex);
            }

            if (string.IsNullOrWhiteSpace(refreshed.AccessToken))
            {
                throw new InvalidOperationException($"The token refresher {_refresher.GetType().Name} returned a token without an access token.");
            }

            if (refreshed.RefreshToken is null)
            {
                // The service did not rotate it: the old refresh token stays valid and must be kept.
                refreshed = refreshed with { RefreshToken = current.RefreshToken };
            }

            try
            {
                await _store.SaveAsync(Key, refreshed, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _logger.LogError(
                    ex,
                    "The refreshed token for {TokenKey} could not be saved; if the service rotated the refresh token, a new sign-in will be needed",
                    Key);
                throw;
            }

            _logger.LogInformation("Refreshed the token for {TokenKey}; it now expires at {ExpiresAt}", Key, refreshed.ExpiresAt);
            if (refreshed.ExpiresWithin(_timeProvider.GetUtcNow(), _margin))
            {
                _logger.LogWarning(
                    "The new token for {TokenKey} already expires within the refresh margin ({RefreshMargin}); lower TokenManagerOptions.RefreshMargin",
                    Key,
                    _margin);
            }

            return refreshed;
        }
    }

    private AuthenticationRequiredException SignInRequired(string problem) =>
        new(problem + " " + (_signInHint ?? "Sign in again to store a new token."))
        {
            TokenKey = Key,
            Service = _service,
        };

    private AuthenticationRequiredException WithKey(AuthenticationRequiredException ex) =>
        new(_signInHint is null ? ex.Message : ex.Message + " " + _signInHint, ex)
        {
            TokenKey = Key,
            Service = ex.Service ?? _service,
            StatusCode = ex.StatusCode,
            RequestMethod = ex.RequestMethod,
            RequestUri = ex.RequestUri,
            RetryAfter = ex.RetryAfter,
            ResponseExcerpt = ex.ResponseExcerpt,
            ErrorCode = ex.ErrorCode,
        };
}

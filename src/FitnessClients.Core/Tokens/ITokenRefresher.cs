namespace FitnessClients.Core.Tokens;

/// <summary>
/// Exchanges a token for a fresh one at the service: the part of refreshing that differs per service. The
/// <c>TokenManager</c> does the rest (locking, reloading, saving before use).
/// </summary>
public interface ITokenRefresher
{
    /// <summary>Obtains a new token from <paramref name="current"/>.</summary>
    /// <param name="current">The newest stored token.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>The new token. When the service did not send a new refresh token, the result keeps the old one.</returns>
    /// <exception cref="AuthenticationRequiredException">The refresh token is revoked, expired or already used.</exception>
    Task<OAuthToken> RefreshAsync(OAuthToken current, CancellationToken cancellationToken = default);
}

using FitnessClients.Core.Tokens;

namespace FitnessClients.Core.OAuth;

/// <summary>
/// The standard <see cref="ITokenRefresher"/> for services that follow RFC 6749 refresh
/// (Strava, FitTrackee): one <c>refresh_token</c> grant through an <see cref="OAuth2TokenClient"/>.
/// </summary>
/// <remarks>
/// What the response leaves out is carried over from the current token: the refresh token (services that do not
/// rotate it send none back), the granted scopes (Strava sends none), and the <see cref="OAuthToken.Extras"/>.
/// Persisting the result before using it is the token manager's job.
/// </remarks>
public class OAuth2TokenRefresher : ITokenRefresher
{
    private readonly OAuth2TokenClient _tokenClient;

    /// <summary>Creates the refresher.</summary>
    /// <param name="tokenClient">The client for the service's token endpoint; its clock dates the new token.</param>
    public OAuth2TokenRefresher(OAuth2TokenClient tokenClient)
    {
        ArgumentNullException.ThrowIfNull(tokenClient);
        _tokenClient = tokenClient;
    }

    /// <inheritdoc />
    public virtual async Task<OAuthToken> RefreshAsync(OAuthToken current, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (string.IsNullOrEmpty(current.RefreshToken))
        {
            throw new AuthenticationRequiredException("The stored token has no refresh token, so it cannot be renewed. Sign in again.")
            {
                Service = _tokenClient.ServiceName,
            };
        }

        var sentAt = _tokenClient.TimeProvider.GetUtcNow();
        var response = await _tokenClient.RefreshAsync(current.RefreshToken, cancellationToken).ConfigureAwait(false);
        var fresh = response.ToToken(sentAt, current.Scopes);
        return fresh with
        {
            RefreshToken = fresh.RefreshToken ?? current.RefreshToken,
            Extras = current.Extras.SetItems(fresh.Extras),
        };
    }
}

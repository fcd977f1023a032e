using FitnessClients.Core;
using FitnessClients.Core.Tokens;

namespace FitnessClients.Runkeeper.Auth;

/// <summary>
/// Runkeeper tokens have no expiry and no refresh token: they live until the user disconnects the app. The token
/// manager needs a refresher, and this one says the only thing there is to say: sign in again.
/// </summary>
internal sealed class RunkeeperTokenRefresher : ITokenRefresher
{
    public Task<OAuthToken> RefreshAsync(OAuthToken current, CancellationToken cancellationToken = default) =>
        throw new AuthenticationRequiredException("Runkeeper tokens cannot be refreshed: the user disconnected the app or the token was revoked.")
        {
            Service = "runkeeper",
        };
}

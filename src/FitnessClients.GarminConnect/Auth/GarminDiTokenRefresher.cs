using System.Collections.Immutable;
using FitnessClients.Core;
using FitnessClients.Core.OAuth;
using FitnessClients.Core.Tokens;

namespace FitnessClients.GarminConnect.Auth;

/// <summary>
/// Refreshes Garmin DI OAuth2 tokens at diauth with the <c>refresh_token</c> grant. The DI client id comes from the
/// stored token (or, for imported tokens, from the access token's <c>client_id</c> claim), and the response's new
/// refresh token replaces the old one, which Garmin invalidates at once; <c>TokenManager</c> saves it before use.
/// </summary>
public sealed class GarminDiTokenRefresher : ITokenRefresher
{
    private readonly HttpClient _httpClient;
    private readonly Uri _tokenEndpoint;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the refresher.</summary>
    /// <param name="httpClient">A client for diauth (no Garmin pipeline: the token endpoint is called without a bearer token).</param>
    /// <param name="tokenEndpoint">The DI token endpoint, normally <see cref="GarminEndpoints.DiAuthToken"/>.</param>
    /// <param name="timeProvider">The clock for expiries.</param>
    public GarminDiTokenRefresher(HttpClient httpClient, Uri tokenEndpoint, TimeProvider? timeProvider = null)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _tokenEndpoint = tokenEndpoint ?? throw new ArgumentNullException(nameof(tokenEndpoint));
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async Task<OAuthToken> RefreshAsync(OAuthToken current, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (string.IsNullOrEmpty(current.RefreshToken))
        {
            throw new AuthenticationRequiredException(
                "The stored Garmin token has no refresh token, so it cannot be renewed. Sign in again: 'fitness garmin login --ticket ST-...' or import tokens from garth or python-garminconnect.");
        }

        var clientId = ClientIdOf(current)
            ?? throw new AuthenticationRequiredException("The stored Garmin token does not say which DI client it belongs to, so it cannot be refreshed. Sign in again.");
        var client = CreateTokenClient(_httpClient, _tokenEndpoint, clientId, _timeProvider);
        var response = await client.RefreshAsync(current.RefreshToken, cancellationToken).ConfigureAwait(false);
        return ToToken(response, clientId, current, _timeProvider.GetUtcNow());
    }

    /// <summary>The OAuth2 client Garmin's diauth needs: HTTP Basic with the DI client id and an empty secret, and the id in the form too.</summary>
    internal static OAuth2TokenClient CreateTokenClient(HttpClient httpClient, Uri tokenEndpoint, string clientId, TimeProvider timeProvider) =>
        new(httpClient, new OAuth2ClientCredentials(clientId, string.Empty, ClientAuthenticationStyle.HttpBasic) { SendClientIdInForm = true }, tokenEndpoint, timeProvider)
        {
            ServiceName = "garmin",
        };

    /// <summary>Turns a diauth response into a stored token: expiry from the JWT when the response has none, the DI client id kept, an absent refresh token replaced by the previous one.</summary>
    internal static OAuthToken ToToken(OAuth2TokenResponse response, string clientId, OAuthToken? previous, DateTimeOffset now)
    {
        var token = response.ToToken(now);
        if (token.ExpiresAt is null && GarminJwt.TryReadClaims(token.AccessToken, out _, out var exp))
        {
            token = token with { ExpiresAt = exp };
        }

        var extras = (previous?.Extras ?? ImmutableDictionary<string, string>.Empty).SetItem(GarminTokenExtras.DiClientId, clientId);
        return token with
        {
            RefreshToken = token.RefreshToken ?? previous?.RefreshToken,
            Extras = extras,
            Scopes = token.Scopes.IsDefaultOrEmpty && previous is not null ? previous.Scopes : token.Scopes,
        };
    }

    private static string? ClientIdOf(OAuthToken token)
    {
        if (token.Extras.TryGetValue(GarminTokenExtras.DiClientId, out var stored) && !string.IsNullOrWhiteSpace(stored))
        {
            return stored;
        }

        return GarminJwt.TryReadClaims(token.AccessToken, out var fromJwt, out _) ? fromJwt : null;
    }
}

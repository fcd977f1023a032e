namespace FitnessClients.Testing;

/// <summary>What <see cref="OAuthTokenEndpointEmulator.TokenResponseBody"/> gets to build a successful token response.</summary>
public sealed class OAuthTokenResponseContext
{
    internal OAuthTokenResponseContext(EmulatorRequest request, string grantType, OAuthIssuedTokens tokens, DateTimeOffset now, bool isNewAccessToken)
    {
        Request = request;
        GrantType = grantType;
        Tokens = tokens;
        Now = now;
        IsNewAccessToken = isNewAccessToken;
    }

    /// <summary>The token request.</summary>
    public EmulatorRequest Request { get; }

    /// <summary><c>authorization_code</c>, <c>refresh_token</c> or an extension grant type (Strava adds the athlete only to the first).</summary>
    public string GrantType { get; }

    /// <summary>The tokens to return.</summary>
    public OAuthIssuedTokens Tokens { get; }

    /// <summary>The endpoint's current time.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The access token's remaining lifetime in whole seconds, as <c>expires_in</c> carries it.</summary>
    public long ExpiresInSeconds => Math.Max(0, (long)(Tokens.ExpiresAt - Now).TotalSeconds);

    /// <summary>Whether the access token is new, or an unexpired one returned again (Strava's behaviour with <see cref="OAuthTokenEndpointEmulator.ReuseAccessTokenWhenValidFor"/>).</summary>
    public bool IsNewAccessToken { get; }
}

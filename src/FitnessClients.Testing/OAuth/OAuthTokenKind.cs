namespace FitnessClients.Testing;

/// <summary>Which credential <see cref="OAuthTokenEndpointEmulator.TokenGenerator"/> is asked to make.</summary>
public enum OAuthTokenKind
{
    /// <summary>An access token.</summary>
    AccessToken = 0,

    /// <summary>A refresh token.</summary>
    RefreshToken = 1,

    /// <summary>An authorization code.</summary>
    AuthorizationCode = 2,
}

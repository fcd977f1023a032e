namespace FitnessClients.Testing;

/// <summary>How a registered client may authenticate at the token endpoint (RFC 6749 section 2.3, OpenID's method names).</summary>
[Flags]
public enum OAuthClientAuthMethods
{
    /// <summary>No method: the client cannot use the token endpoint.</summary>
    None = 0,

    /// <summary><c>client_id</c> and <c>client_secret</c> in the form body (Strava, FitTrackee's default).</summary>
    ClientSecretPost = 1,

    /// <summary><c>Authorization: Basic</c> with the form-encoded id and secret.</summary>
    ClientSecretBasic = 2,

    /// <summary>A public client: <c>client_id</c> only, no secret (use PKCE).</summary>
    Public = 4,
}

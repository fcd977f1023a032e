namespace FitnessClients.Core.OAuth;

/// <summary>How the application proves its identity to the token endpoint (RFC 6749 §2.3.1).</summary>
public enum ClientAuthenticationStyle
{
    /// <summary>
    /// <c>client_id</c> and <c>client_secret</c> in the form body. What Strava documents and the only style
    /// FitTrackee accepts (<c>client_secret_post</c>), hence the default.
    /// </summary>
    ClientSecretPost,

    /// <summary>
    /// <c>Authorization: Basic base64(urlencode(client_id) ":" urlencode(client_secret))</c>, nothing in the body;
    /// the style RFC 6749 servers must support.
    /// </summary>
    HttpBasic,

    /// <summary>A public client without a secret (PKCE protects the exchange): only <c>client_id</c> in the body.</summary>
    None,
}

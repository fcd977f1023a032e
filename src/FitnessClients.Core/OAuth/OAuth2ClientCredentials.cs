namespace FitnessClients.Core.OAuth;

/// <summary>The application's registration with a service: client id, secret and how the secret is presented.</summary>
/// <remarks><see cref="ToString"/> never prints the secret.</remarks>
public sealed record OAuth2ClientCredentials
{
    /// <summary>Creates credentials.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="clientSecret">The client secret; <see langword="null"/> for a public client.</param>
    /// <param name="authenticationStyle">How the secret is sent.</param>
    /// <exception cref="ArgumentException">The id is empty, or the style needs a secret and none was given.</exception>
    public OAuth2ClientCredentials(string clientId, string? clientSecret = null, ClientAuthenticationStyle authenticationStyle = ClientAuthenticationStyle.ClientSecretPost)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        // An empty (not missing) secret is allowed for HTTP Basic: some public clients (Garmin's DI apps) present
        // "client_id:" with nothing after the colon.
        if (authenticationStyle != ClientAuthenticationStyle.None && (clientSecret is null || (clientSecret.Length == 0 && authenticationStyle != ClientAuthenticationStyle.HttpBasic)))
        {
            throw new ArgumentException($"The client authentication style {authenticationStyle} needs a client secret; use {nameof(ClientAuthenticationStyle)}.{nameof(ClientAuthenticationStyle.None)} for a public client.", nameof(clientSecret));
        }

        if (!Enum.IsDefined(authenticationStyle))
        {
            throw new ArgumentOutOfRangeException(nameof(authenticationStyle));
        }

        ClientId = clientId;
        ClientSecret = authenticationStyle == ClientAuthenticationStyle.None ? null : clientSecret;
        AuthenticationStyle = authenticationStyle;
    }

    /// <summary>
    /// Whether <c>client_id</c> is also sent in the form body when the credentials go in an HTTP Basic header.
    /// RFC 6749 does not need it, but some services (Garmin's diauth) expect both.
    /// </summary>
    public bool SendClientIdInForm { get; init; }

    /// <summary>The client id.</summary>
    public string ClientId { get; }

    /// <summary>The client secret, or <see langword="null"/> for a public client.</summary>
    public string? ClientSecret { get; }

    /// <summary>How the secret is sent to the token endpoint.</summary>
    public ClientAuthenticationStyle AuthenticationStyle { get; }

    /// <summary>Describes the credentials without the secret.</summary>
    public override string ToString() =>
        $"OAuth2ClientCredentials {{ ClientId = {ClientId}, HasClientSecret = {ClientSecret is not null}, AuthenticationStyle = {AuthenticationStyle} }}";
}

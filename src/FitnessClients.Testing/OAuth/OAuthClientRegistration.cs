namespace FitnessClients.Testing;

/// <summary>A client application registered with an <see cref="OAuthTokenEndpointEmulator"/>.</summary>
public sealed class OAuthClientRegistration
{
    internal OAuthClientRegistration(string clientId, string? clientSecret, IReadOnlyList<string> redirectUris, OAuthClientAuthMethods authMethods)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
        RedirectUris = redirectUris;
        AuthMethods = authMethods;
    }

    /// <summary>The client id.</summary>
    public string ClientId { get; }

    /// <summary>The client secret; <see langword="null"/> for a public client.</summary>
    public string? ClientSecret { get; }

    /// <summary>The redirect URIs codes may be issued for (exact match); any when empty, for services that check only a domain.</summary>
    public IReadOnlyList<string> RedirectUris { get; }

    /// <summary>The ways the client may authenticate.</summary>
    public OAuthClientAuthMethods AuthMethods { get; }

    /// <summary>A description without the secret.</summary>
    public override string ToString() => $"OAuthClientRegistration {{ ClientId = {ClientId}, AuthMethods = {AuthMethods}, HasSecret = {ClientSecret is not null} }}";
}

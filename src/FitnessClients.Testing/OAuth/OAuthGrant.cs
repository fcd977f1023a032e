namespace FitnessClients.Testing;

/// <summary>One authorization: a client acting for a subject with scopes, and the tokens currently issued under it.</summary>
internal sealed class OAuthGrant(string clientId, string subject, IReadOnlyList<string> scopes)
{
    public string ClientId { get; } = clientId;

    public string Subject { get; } = subject;

    public IReadOnlyList<string> Scopes { get; } = scopes;

    public bool Revoked { get; set; }

    public string? CurrentAccessToken { get; set; }

    public string? CurrentRefreshToken { get; set; }
}

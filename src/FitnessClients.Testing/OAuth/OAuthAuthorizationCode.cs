namespace FitnessClients.Testing;

/// <summary>An issued authorization code with what it was issued for.</summary>
internal sealed class OAuthAuthorizationCode(string clientId, string subject, IReadOnlyList<string> scopes, string? redirectUri, string? codeChallenge, string codeChallengeMethod, DateTimeOffset expiresAt)
{
    public string ClientId { get; } = clientId;

    public string Subject { get; } = subject;

    public IReadOnlyList<string> Scopes { get; } = scopes;

    public string? RedirectUri { get; } = redirectUri;

    public string? CodeChallenge { get; } = codeChallenge;

    public string CodeChallengeMethod { get; } = codeChallengeMethod;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public bool Used { get; set; }

    /// <summary>The grant the code was exchanged for, revoked if the code is presented again (RFC 6749 section 4.1.2).</summary>
    public OAuthGrant? Grant { get; set; }
}

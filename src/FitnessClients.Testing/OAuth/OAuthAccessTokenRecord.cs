namespace FitnessClients.Testing;

/// <summary>An issued access token.</summary>
internal sealed class OAuthAccessTokenRecord(OAuthGrant grant, IReadOnlyList<string> scopes, DateTimeOffset expiresAt)
{
    public OAuthGrant Grant { get; } = grant;

    public IReadOnlyList<string> Scopes { get; } = scopes;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public bool Revoked { get; set; }

    public bool IsValidAt(DateTimeOffset now) => !Revoked && !Grant.Revoked && now < ExpiresAt;
}

namespace FitnessClients.Testing;

/// <summary>An issued refresh token; inactive once rotated away or revoked.</summary>
internal sealed class OAuthRefreshTokenRecord(OAuthGrant grant, DateTimeOffset lastUsedAt)
{
    public OAuthGrant Grant { get; } = grant;

    /// <summary>When it was issued or last used: idle expiry counts from here.</summary>
    public DateTimeOffset LastUsedAt { get; set; } = lastUsedAt;

    public bool Active { get; set; } = true;
}

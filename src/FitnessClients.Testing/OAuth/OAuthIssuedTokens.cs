namespace FitnessClients.Testing;

/// <summary>
/// Tokens the endpoint issued: what a token response carries, and what <see cref="OAuthTokenEndpointEmulator.IssueTokens"/>
/// returns for seeding a client's token store.
/// </summary>
/// <param name="ClientId">The client the tokens belong to.</param>
/// <param name="Subject">The user they act for (e.g. an athlete id).</param>
/// <param name="AccessToken">The access token.</param>
/// <param name="RefreshToken">The refresh token.</param>
/// <param name="ExpiresAt">When the access token expires, on the endpoint's clock.</param>
/// <param name="Scopes">The scopes granted.</param>
public sealed record OAuthIssuedTokens(string ClientId, string Subject, string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, IReadOnlyList<string> Scopes)
{
    /// <summary>A description without the token values.</summary>
    public override string ToString() => $"OAuthIssuedTokens {{ ClientId = {ClientId}, Subject = {Subject}, ExpiresAt = {ExpiresAt:O}, Scopes = [{string.Join(' ', Scopes)}] }}";
}

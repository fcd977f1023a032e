namespace FitnessClients.Testing;

/// <summary>What a valid access token stands for: the service routes use it to decide what the caller may see.</summary>
/// <param name="ClientId">The client it was issued to.</param>
/// <param name="Subject">The user it acts for.</param>
/// <param name="Scopes">The scopes it carries.</param>
/// <param name="ExpiresAt">When it expires.</param>
public sealed record OAuthAccessTokenInfo(string ClientId, string Subject, IReadOnlyList<string> Scopes, DateTimeOffset ExpiresAt)
{
    /// <summary>Whether the token carries <paramref name="scope"/>.</summary>
    /// <param name="scope">The scope, compared exactly.</param>
    public bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);
}

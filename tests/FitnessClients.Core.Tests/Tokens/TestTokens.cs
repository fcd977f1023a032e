using System.Collections.Immutable;
using FitnessClients.Core.Tokens;

namespace FitnessClients.Core.Tests.Tokens;

internal static class TestTokens
{
    public static OAuthToken Create(string access, string? refresh = "refresh-0", DateTimeOffset? expiresAt = null) => new()
    {
        AccessToken = access,
        RefreshToken = refresh,
        ExpiresAt = expiresAt,
    };

    /// <summary>A token with every field set, so a round trip that drops one of them is noticed.</summary>
    public static OAuthToken Full(string access = "access-full", string refresh = "refresh-full") => new()
    {
        AccessToken = access,
        RefreshToken = refresh,
        ExpiresAt = new DateTimeOffset(2026, 3, 1, 12, 30, 15, TimeSpan.Zero),
        Scopes = ["activity:read_all", "profile:read_all"],
        TokenType = "Bearer",
        Extras = ImmutableDictionary<string, string>.Empty.Add("athlete_id", "42").Add("client_id", "garmin-di"),
    };

    /// <summary>Field-by-field comparison; records compare their immutable collections by reference.</summary>
    public static void AssertSame(OAuthToken? actual, OAuthToken expected)
    {
        Assert.That(actual, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(actual!.AccessToken, Is.EqualTo(expected.AccessToken));
            Assert.That(actual.RefreshToken, Is.EqualTo(expected.RefreshToken));
            Assert.That(actual.ExpiresAt, Is.EqualTo(expected.ExpiresAt));
            Assert.That(actual.TokenType, Is.EqualTo(expected.TokenType));
            Assert.That(actual.Scopes, Is.EqualTo(expected.Scopes));
            Assert.That(actual.Extras, Is.EquivalentTo(expected.Extras));
        });
    }
}

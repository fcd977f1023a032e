using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace FitnessClients.Core.Tokens;

/// <summary>
/// An OAuth2 token as the SDK stores it: the access token, the refresh token that may replace it, the absolute
/// moment it expires, the scopes the user actually granted, and anything service-specific (e.g. Garmin's DI
/// client id, Strava's athlete id) in <see cref="Extras"/>.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> never prints the token values, so a token can be logged or shown in a debugger
/// without leaking it.
/// </remarks>
public sealed record OAuthToken
{
    /// <summary>The bearer credential sent with each request.</summary>
    [JsonPropertyName("access_token")]
    public required string AccessToken { get; init; }

    /// <summary>The credential that obtains a new access token; services that rotate it invalidate the old one at once.</summary>
    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; init; }

    /// <summary>When the access token stops working (UTC); <see langword="null"/> when it does not expire.</summary>
    [JsonPropertyName("expires_at")]
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The scopes the user granted (which may be fewer than were asked for).</summary>
    [JsonPropertyName("scopes")]
    public ImmutableArray<string> Scopes { get; init; } = [];

    /// <summary>The token type, normally <c>Bearer</c>.</summary>
    [JsonPropertyName("token_type")]
    public string TokenType { get; init; } = "Bearer";

    /// <summary>Service-specific values kept with the token.</summary>
    [JsonPropertyName("extras")]
    public ImmutableDictionary<string, string> Extras { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// Whether the access token should be replaced now: it has expired, or expires within <paramref name="margin"/>.
    /// A token without an expiry never needs refreshing by time.
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <param name="margin">How long before expiry a token already counts as stale.</param>
    public bool ExpiresWithin(DateTimeOffset now, TimeSpan margin) => ExpiresAt is { } expiry && expiry - margin <= now;

    /// <summary>Whether the user granted <paramref name="scope"/>.</summary>
    /// <param name="scope">The scope name, compared exactly.</param>
    public bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);

    /// <summary>A description without any secret value.</summary>
    public override string ToString() =>
        $"OAuthToken {{ TokenType = {TokenType}, ExpiresAt = {ExpiresAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "never"}, " +
        $"HasRefreshToken = {RefreshToken is not null}, Scopes = [{string.Join(' ', Scopes)}] }}";
}

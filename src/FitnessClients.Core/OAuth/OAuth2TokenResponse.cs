using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using FitnessClients.Core.Json;
using FitnessClients.Core.Tokens;

namespace FitnessClients.Core.OAuth;

/// <summary>
/// A token endpoint's successful answer (RFC 6749 §5.1), with the whole JSON kept in <see cref="Raw"/> for what
/// a service adds (Strava's <c>athlete</c>, Garmin's ids). <see cref="ToToken"/> turns it into the
/// <see cref="OAuthToken"/> the SDK stores.
/// </summary>
/// <remarks>The default <see cref="object.ToString"/> is kept, so the token values are never printed.</remarks>
public sealed class OAuth2TokenResponse
{
    /// <summary>The access token.</summary>
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    /// <summary>The token type, normally <c>Bearer</c>.</summary>
    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    /// <summary>Seconds until the access token expires, as sent.</summary>
    [JsonPropertyName("expires_in")]
    [JsonConverter(typeof(FlexibleNullableInt64Converter))]
    public long? ExpiresIn { get; init; }

    /// <summary>When the access token expires, when the service says so absolutely (Strava: epoch seconds).</summary>
    [JsonPropertyName("expires_at")]
    [JsonConverter(typeof(UnixTimeSecondsConverter))]
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The refresh token; absent when the service does not issue one or does not rotate it.</summary>
    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; init; }

    /// <summary>The granted scopes as sent (space- or comma-separated; an array is joined with spaces).</summary>
    [JsonPropertyName("scope")]
    [JsonConverter(typeof(ScopeJsonConverter))]
    public string? Scope { get; init; }

    /// <summary>The complete JSON object the service sent, unknown fields included.</summary>
    [JsonIgnore]
    public JsonElement Raw { get; init; }

    /// <summary>The scopes of <see cref="Scope"/>, split on spaces and commas; empty when absent.</summary>
    [JsonIgnore]
    public ImmutableArray<string> Scopes => SplitScopes(Scope);

    /// <summary>Builds the token to store.</summary>
    /// <param name="now">
    /// When the request was sent, from the client's <see cref="TimeProvider"/>; <c>expires_in</c> counts from
    /// it (taking the send time errs towards refreshing early).
    /// </param>
    /// <param name="grantedScopes">
    /// The scopes to record when the response has no <c>scope</c>, e.g. the <c>scope</c> of the authorization
    /// redirect (Strava sends the granted scopes only there) or the previous token's scopes on refresh.
    /// </param>
    /// <returns>
    /// The token: <see cref="OAuthToken.ExpiresAt"/> from <c>expires_at</c> when sent, else <paramref name="now"/>
    /// plus <c>expires_in</c>, else none; <see cref="OAuthToken.Extras"/> empty (service packages add theirs from <see cref="Raw"/>).
    /// </returns>
    /// <exception cref="InvalidOperationException">The response has no access token.</exception>
    public OAuthToken ToToken(DateTimeOffset now, IEnumerable<string>? grantedScopes = null)
    {
        if (string.IsNullOrEmpty(AccessToken))
        {
            throw new InvalidOperationException("The token response has no access_token.");
        }

        var scopes = Scope is not null
            ? Scopes
            : (grantedScopes ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToImmutableArray();
        DateTimeOffset? expiresAt = ExpiresAt ?? (ExpiresIn is { } seconds ? now.AddSeconds(seconds) : null);
        var tokenType = string.IsNullOrWhiteSpace(TokenType) || string.Equals(TokenType, "bearer", StringComparison.OrdinalIgnoreCase)
            ? "Bearer"
            : TokenType;

        return new OAuthToken
        {
            AccessToken = AccessToken,
            RefreshToken = string.IsNullOrEmpty(RefreshToken) ? null : RefreshToken,
            ExpiresAt = expiresAt,
            Scopes = scopes,
            TokenType = tokenType,
        };
    }

    /// <summary>Splits a scope string on spaces and commas (RFC 6749 uses spaces, Strava commas).</summary>
    /// <param name="scope">The scope string, or <see langword="null"/>.</param>
    public static ImmutableArray<string> SplitScopes(string? scope) =>
        string.IsNullOrWhiteSpace(scope)
            ? []
            : scope.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToImmutableArray();
}

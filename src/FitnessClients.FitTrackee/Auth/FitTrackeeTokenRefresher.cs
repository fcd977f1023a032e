using System.Globalization;
using FitnessClients.Core;
using FitnessClients.Core.OAuth;
using FitnessClients.Core.Tokens;

namespace FitnessClients.FitTrackee.Auth;

/// <summary>
/// Core's refresh grant for FitTrackee, plus what FitTrackee's refusal means: a refresh token dies 20 days after it
/// was issued (twice the access token's 10 days) when it was not used, and on every rotation. The refusal is
/// reported with the date of the last refresh, so the user knows why a sign-in is needed.
/// </summary>
internal sealed class FitTrackeeTokenRefresher : ITokenRefresher
{
    /// <summary>The extra holding when the current refresh token was issued (ISO 8601).</summary>
    public const string RefreshIssuedAtExtra = "fittrackee_refresh_issued_at";

    /// <summary>How long FitTrackee keeps an unused refresh token (2 × the 864 000 s access-token lifetime).</summary>
    public static readonly TimeSpan RefreshTokenIdleLifetime = TimeSpan.FromDays(20);

    private readonly OAuth2TokenRefresher _inner;
    private readonly TimeProvider _clock;

    public FitTrackeeTokenRefresher(OAuth2TokenClient tokenClient)
    {
        _inner = new OAuth2TokenRefresher(tokenClient);
        _clock = tokenClient.TimeProvider;
    }

    public async Task<OAuthToken> RefreshAsync(OAuthToken current, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        var sentAt = _clock.GetUtcNow();
        try
        {
            var fresh = await _inner.RefreshAsync(current, cancellationToken).ConfigureAwait(false);
            return Stamp(fresh, sentAt);
        }
        catch (AuthenticationRequiredException ex) when (ex.ErrorCode is "invalid_grant")
        {
            var issued = IssuedAt(current);
            var age = issued is { } at ? sentAt - at : (TimeSpan?)null;
            var when = issued is { } stamp
                ? string.Create(CultureInfo.InvariantCulture, $" It was issued {stamp:yyyy-MM-dd} ({(int)age!.Value.TotalDays} days ago).")
                : string.Empty;
            var why = age is { } days && days >= RefreshTokenIdleLifetime
                ? "FitTrackee refresh tokens expire after 20 days without use, so this sign-in has lapsed."
                : "FitTrackee refresh tokens expire after 20 days without use, and each one dies when it is rotated or the app's access is revoked.";
            throw new AuthenticationRequiredException($"FitTrackee refused the refresh token (invalid_grant).{when} {why} Sign in again.", ex)
            {
                Service = ex.Service,
                StatusCode = ex.StatusCode,
                RequestMethod = ex.RequestMethod,
                RequestUri = ex.RequestUri,
                ErrorCode = ex.ErrorCode,
                ResponseExcerpt = ex.ResponseExcerpt,
            };
        }
    }

    /// <summary>Records when the token's refresh token was issued.</summary>
    public static OAuthToken Stamp(OAuthToken token, DateTimeOffset issuedAt) =>
        token with { Extras = token.Extras.SetItem(RefreshIssuedAtExtra, issuedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)) };

    /// <summary>When the token's refresh token was issued, when recorded.</summary>
    public static DateTimeOffset? IssuedAt(OAuthToken token) =>
        token.Extras.TryGetValue(RefreshIssuedAtExtra, out var text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;
}

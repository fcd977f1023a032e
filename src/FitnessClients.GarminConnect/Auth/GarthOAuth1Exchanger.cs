using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FitnessClients.Core;
using FitnessClients.Core.OAuth;
using FitnessClients.Core.Tokens;

namespace FitnessClients.GarminConnect.Auth;

/// <summary>
/// garth's way to renew an OAuth2 token: <c>POST https://connectapi.{domain}/oauth-service/oauth/exchange/user/2.0</c>,
/// OAuth 1.0a-signed with the app's consumer credentials and the session's OAuth1 token, form body
/// <c>mfa_token=…</c> when the sign-in used MFA. garth never uses the OAuth2 refresh token.
/// </summary>
/// <remarks>
/// The OAuth1 token is not consumed by the exchange, so a garth installation sharing the same session keeps working.
/// A 429 here is never retried: clients that re-exchanged on every start were throttled on this endpoint.
/// </remarks>
internal sealed class GarthOAuth1Exchanger
{
    public const string ExchangePath = "oauth-service/oauth/exchange/user/2.0";

    private static readonly TimeSpan DefaultRateLimitWait = TimeSpan.FromHours(1);

    private readonly HttpClient _httpClient;
    private readonly Uri _exchangeUri;
    private readonly GarminOAuth1Consumer _consumer;
    private readonly TimeProvider _timeProvider;

    public GarthOAuth1Exchanger(HttpClient httpClient, Uri connectApiBaseAddress, GarminOAuth1Consumer consumer, TimeProvider timeProvider)
    {
        _httpClient = httpClient;
        _exchangeUri = new Uri(Core.Http.FitnessPipeline.WithTrailingSlash(connectApiBaseAddress), ExchangePath);
        _consumer = consumer;
        _timeProvider = timeProvider;
    }

    /// <summary>Makes the nonce; replaced in tests to get a predictable signature.</summary>
    internal Func<string> NonceFactory { get; init; } = OAuth1Signer.CreateNonce;

    /// <summary>Whether <paramref name="token"/> carries a garth OAuth1 token and secret.</summary>
    public static bool HasOAuth1Credentials(OAuthToken token) =>
        token.Extras.TryGetValue(GarminTokenExtras.GarthOAuth1Token, out var t) && !string.IsNullOrEmpty(t)
        && token.Extras.TryGetValue(GarminTokenExtras.GarthOAuth1TokenSecret, out var s) && !string.IsNullOrEmpty(s);

    /// <summary>Exchanges the OAuth1 token kept in <paramref name="current"/>'s extras for a new OAuth2 token.</summary>
    /// <param name="current">A token with <see cref="GarminTokenExtras.GarthOAuth1Token"/> and <see cref="GarminTokenExtras.GarthOAuth1TokenSecret"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new token; the extras (OAuth1 credentials, domain) are carried over.</returns>
    public async Task<OAuthToken> ExchangeAsync(OAuthToken current, CancellationToken cancellationToken)
    {
        if (!HasOAuth1Credentials(current))
        {
            throw new AuthenticationRequiredException("The stored Garmin token has no garth OAuth1 credentials to re-exchange. Sign in again.") { Service = GarminAuthHttp.ServiceName };
        }

        var form = new List<KeyValuePair<string, string>>();
        if (current.Extras.TryGetValue(GarminTokenExtras.GarthMfaToken, out var mfaToken) && !string.IsNullOrEmpty(mfaToken))
        {
            form.Add(new("mfa_token", mfaToken));
        }

        var sentAt = _timeProvider.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, _exchangeUri) { Content = new FormUrlEncodedContent(form) };
        var parameters = OAuth1Signer.CreateAuthorizationParameters(
            HttpMethod.Post,
            _exchangeUri,
            form,
            _consumer.ConsumerKey,
            _consumer.ConsumerSecret,
            current.Extras[GarminTokenExtras.GarthOAuth1Token],
            current.Extras[GarminTokenExtras.GarthOAuth1TokenSecret],
            NonceFactory(),
            sentAt.ToUnixTimeSeconds());
        request.Headers.Authorization = new AuthenticationHeaderValue("OAuth", parameters);
        request.Headers.UserAgent.ParseAdd(GarminAuthHeaders.OAuth1UserAgent);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await MapErrorAsync(response, cancellationToken).ConfigureAwait(false);
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return Parse(body, current, sentAt, response.StatusCode);
    }

    private static OAuthToken Parse(string body, OAuthToken current, DateTimeOffset sentAt, HttpStatusCode status)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw Unreadable("its body is not JSON", status);
        }

        if (root.ValueKind != JsonValueKind.Object || GetString(root, "access_token") is not { Length: > 0 } accessToken)
        {
            throw Unreadable("it has no access_token", status);
        }

        DateTimeOffset? expiresAt = GetInt64(root, "expires_in") is { } seconds ? sentAt.AddSeconds(seconds)
            : GarminJwt.TryReadClaims(accessToken, out _, out var exp) ? exp
            : null;
        var scope = GetString(root, "scope");
        return new OAuthToken
        {
            AccessToken = accessToken,
            RefreshToken = GetString(root, "refresh_token") is { Length: > 0 } refresh ? refresh : current.RefreshToken,
            ExpiresAt = expiresAt,
            TokenType = "Bearer",
            Scopes = scope is null ? current.Scopes : OAuth2TokenResponse.SplitScopes(scope),
            Extras = current.Extras,
        };
    }

    private static FitnessApiException Unreadable(string why, HttpStatusCode status) =>
        new($"Garmin's OAuth1 exchange answered {(int)status} but {why}; the response was not used.")
        {
            Service = GarminAuthHttp.ServiceName,
            StatusCode = status,
            RequestMethod = "POST",
        };

    private async Task<FitnessApiException> MapErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var info = await ErrorResponseReader.ReadAsync(response, new ErrorMappingOptions { ServiceName = GarminAuthHttp.ServiceName }, _timeProvider, cancellationToken).ConfigureAwait(false);
        if (info.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var wait = info.RetryAfter is { } retryAfter && retryAfter > DefaultRateLimitWait ? retryAfter : DefaultRateLimitWait;
            return new RateLimitExceededException(
                "Garmin's OAuth1 exchange (oauth-service/oauth/exchange/user/2.0) answered 429 Too Many Requests. It was not retried: " +
                $"wait at least {(int)wait.TotalMinutes} minutes. Keep the stored token between runs so the exchange happens only when the OAuth2 token expires (about once a day).",
                info.Now + wait)
            {
                Service = info.Service, StatusCode = info.StatusCode, RequestMethod = info.RequestMethod, RequestUri = info.RequestUri,
                RetryAfter = info.RetryAfter, ResponseExcerpt = info.ResponseExcerpt, Window = "garmin-oauth-exchange",
            };
        }

        if (info.StatusCode is HttpStatusCode.Unauthorized || (info.StatusCode is HttpStatusCode.Forbidden && !info.IsCloudflareChallenge))
        {
            return new AuthenticationRequiredException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Garmin refused the garth OAuth1 credentials (HTTP {(int)info.StatusCode}): the OAuth1 token, valid for about a year after the garth sign-in, has expired or was revoked, or the consumer key and secret are not the Garmin Connect app's. ") +
                "Sign in again with a service ticket, or import a newer session.")
            {
                Service = info.Service, StatusCode = info.StatusCode, RequestMethod = info.RequestMethod, RequestUri = info.RequestUri,
                ResponseExcerpt = info.ResponseExcerpt, ErrorCode = info.ErrorCode,
            };
        }

        return FitnessApiExceptionFactory.Create(info);
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? GetInt64(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }
}

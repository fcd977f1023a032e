using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FitnessClients.Core.Diagnostics;
using FitnessClients.Core.Http;
using FitnessClients.Core.Json;

namespace FitnessClients.Core.OAuth;

/// <summary>
/// Talks to an OAuth2 token endpoint: exchanges an authorization code, refreshes a token, or sends a custom
/// grant, and turns the service's error answers into the SDK's exceptions.
/// </summary>
/// <remarks>
/// <para>
/// Every request is a form-encoded POST: secrets travel in the body or the <c>Authorization</c> header, never in
/// the URL, so they cannot end up in proxy or server logs. No message this class produces contains the code,
/// the client secret or a token.
/// </para>
/// <para>Errors:</para>
/// <list type="bullet">
/// <item><c>invalid_grant</c> (also Strava's <c>RefreshToken</c>/<c>AuthorizationCode</c> <c>invalid</c>): <see cref="AuthenticationRequiredException"/>, the user must sign in again;</item>
/// <item><c>invalid_client</c> (Strava: <c>Application</c> <c>invalid</c>), or a 401 without a known code: <see cref="AuthenticationRequiredException"/> saying the app's credentials were refused;</item>
/// <item>429: <see cref="RateLimitExceededException"/>; 5xx, timeouts and network failures: <see cref="ServiceUnavailableException"/>;</item>
/// <item>anything else: <see cref="FitnessApiException"/> with the status, the OAuth <c>error</c> and a scrubbed excerpt.</item>
/// </list>
/// </remarks>
/// <example>
/// <code>
/// var client = new OAuth2TokenClient(http, new OAuth2ClientCredentials(id, secret), new Uri("https://www.strava.com/oauth/token"));
/// var response = await client.ExchangeCodeAsync(callback.Code, redirectUri, pkce.Verifier, ct);
/// var token = response.ToToken(startedAt, callback.Scopes);
/// </code>
/// </example>
public class OAuth2TokenClient
{
    private readonly HttpClient _httpClient;

    /// <summary>Creates a client for one token endpoint.</summary>
    /// <param name="httpClient">The client that sends the requests (normally from <c>IHttpClientFactory</c>).</param>
    /// <param name="credentials">The application's registration.</param>
    /// <param name="tokenEndpoint">The absolute token endpoint, e.g. <c>https://www.strava.com/oauth/token</c>.</param>
    /// <param name="timeProvider">The clock for <c>expires_in</c> and <c>Retry-After</c>; the system clock by default.</param>
    public OAuth2TokenClient(HttpClient httpClient, OAuth2ClientCredentials credentials, Uri tokenEndpoint, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(tokenEndpoint);
        if (!tokenEndpoint.IsAbsoluteUri)
        {
            throw new ArgumentException("The token endpoint must be an absolute URI.", nameof(tokenEndpoint));
        }

        _httpClient = httpClient;
        Credentials = credentials;
        TokenEndpoint = tokenEndpoint;
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The application's registration.</summary>
    public OAuth2ClientCredentials Credentials { get; }

    /// <summary>The token endpoint.</summary>
    public Uri TokenEndpoint { get; }

    /// <summary>The clock the client reads.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The service name put on exceptions (<see cref="FitnessApiException.Service"/>), e.g. <c>strava</c>.</summary>
    public string? ServiceName { get; init; }

    /// <summary>Exchanges an authorization code for a token (<c>grant_type=authorization_code</c>).</summary>
    /// <param name="code">The code from the redirect.</param>
    /// <param name="redirectUri">The redirect URI sent in the authorization request; required by the service when one was sent there.</param>
    /// <param name="codeVerifier">The PKCE verifier, when a challenge was sent.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; call <see cref="OAuth2TokenResponse.ToToken"/> to get the token to store.</returns>
    /// <exception cref="AuthenticationRequiredException">The code is invalid, expired or used, or the app credentials were refused.</exception>
    /// <exception cref="FitnessApiException">Any other failure.</exception>
    public virtual Task<OAuth2TokenResponse> ExchangeCodeAsync(string code, Uri? redirectUri = null, string? codeVerifier = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
        };
        if (redirectUri is not null)
        {
            form["redirect_uri"] = redirectUri.AbsoluteUri;
        }

        if (!string.IsNullOrEmpty(codeVerifier))
        {
            form["code_verifier"] = codeVerifier;
        }

        return SendAsync(form, GrantKind.AuthorizationCode, cancellationToken);
    }

    /// <summary>Obtains a new access token with a refresh token (<c>grant_type=refresh_token</c>).</summary>
    /// <param name="refreshToken">The newest refresh token.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response. It may carry a new refresh token, which replaces the old one at once on rotating services.</returns>
    /// <exception cref="AuthenticationRequiredException">The refresh token is revoked, expired or used, or the app credentials were refused.</exception>
    /// <exception cref="FitnessApiException">Any other failure.</exception>
    public virtual Task<OAuth2TokenResponse> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        };
        return SendAsync(form, GrantKind.RefreshToken, cancellationToken);
    }

    /// <summary>Sends a custom grant, e.g. a service-ticket exchange; client authentication is added as configured.</summary>
    /// <param name="form">The form fields, including <c>grant_type</c>; not <c>client_id</c> or <c>client_secret</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="AuthenticationRequiredException">The grant or the app credentials were refused.</exception>
    /// <exception cref="FitnessApiException">Any other failure.</exception>
    public virtual Task<OAuth2TokenResponse> RequestAsync(IDictionary<string, string> form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.ContainsKey("client_id") || form.ContainsKey("client_secret"))
        {
            throw new ArgumentException("Leave client_id and client_secret out of the form: the client adds them according to its credentials.", nameof(form));
        }

        return SendAsync(new Dictionary<string, string>(form, StringComparer.Ordinal), GrantKind.Other, cancellationToken);
    }

    /// <summary>Encodes a client id or secret for HTTP Basic as RFC 6749 §2.3.1 asks (form encoding, then base64).</summary>
    internal static string BasicCredentials(string clientId, string clientSecret) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FormEncode(clientId)}:{FormEncode(clientSecret)}"));

    private static string FormEncode(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);

    private async Task<OAuth2TokenResponse> SendAsync(Dictionary<string, string> form, GrantKind grant, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TokenEndpoint);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        switch (Credentials.AuthenticationStyle)
        {
            case ClientAuthenticationStyle.HttpBasic:
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", BasicCredentials(Credentials.ClientId, Credentials.ClientSecret!));
                if (Credentials.SendClientIdInForm)
                {
                    form["client_id"] = Credentials.ClientId;
                }

                break;
            case ClientAuthenticationStyle.ClientSecretPost:
                form["client_id"] = Credentials.ClientId;
                form["client_secret"] = Credentials.ClientSecret!;
                break;
            default:
                form["client_id"] = Credentials.ClientId;
                break;
        }

        request.Content = new FormUrlEncodedContent(form);

        HttpResponseMessage response;
        try
        {
            response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServiceUnavailableException("The token endpoint did not answer in time.", ex) { Service = ServiceName, RequestMethod = "POST", RequestUri = ScrubbedEndpoint };
        }
        catch (HttpRequestException ex)
        {
            throw new ServiceUnavailableException($"The token endpoint could not be reached: {SecretScrubber.Scrub(ex.Message)}", ex)
            {
                Service = ServiceName,
                RequestMethod = "POST",
                RequestUri = ScrubbedEndpoint,
                StatusCode = ex.StatusCode,
            };
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                // Only the start of an error body is needed, and a huge HTML error page is not worth decoding whole.
                var (errorBody, _) = await ErrorResponseReader.ReadBodyAsync(response.Content, ErrorMappingOptions.DefaultMaxBodyBytes, cancellationToken)
                    .ConfigureAwait(false);
                throw MapError(response, errorBody, grant);
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return ParseSuccess(response, body, grant);
        }
    }

    private Uri ScrubbedEndpoint => SecretScrubber.ScrubUri(TokenEndpoint)!;

    private OAuth2TokenResponse ParseSuccess(HttpResponseMessage response, string body, GrantKind grant)
    {
        var status = response.StatusCode;
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw Unreadable($"The token endpoint answered {(int)status} but its body is not JSON; check the token endpoint URL.", response, body, ex);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Unreadable($"The token endpoint answered {(int)status} with JSON that is not an object.", response, body, null);
        }

        OAuth2TokenResponse parsed;
        try
        {
            parsed = root.Deserialize(CoreJsonContext.Default.OAuth2TokenResponse)
                ?? throw new JsonException("The token response is null.");
        }
        catch (JsonException ex)
        {
            // The serializer's own message may quote a value from the body; only the path is safe to repeat.
            throw Unreadable($"The token response could not be read: the field at {ex.Path ?? "$"} has an unexpected value.", response, body, null);
        }

        if (string.IsNullOrEmpty(parsed.AccessToken))
        {
            // A few servers answer 200 with an RFC 6749 error body; treat it like the error it is.
            if (TokenErrorBody.Parse(body, response.Content.Headers.ContentType?.MediaType).ErrorCode is not null)
            {
                throw MapError(response, body, grant);
            }

            throw Unreadable($"The token endpoint answered {(int)status} without an access_token.", response, body, null);
        }

        return new OAuth2TokenResponse
        {
            AccessToken = parsed.AccessToken,
            TokenType = parsed.TokenType,
            ExpiresIn = parsed.ExpiresIn,
            ExpiresAt = parsed.ExpiresAt,
            RefreshToken = parsed.RefreshToken,
            Scope = parsed.Scope,
            Raw = root,
        };
    }

    private FitnessApiException Unreadable(string message, HttpResponseMessage response, string body, Exception? inner)
    {
        var error = TokenErrorBody.ParseUnusableSuccess(body, response.Content.Headers.ContentType?.MediaType);
        return new FitnessApiException(message, inner)
        {
            Service = ServiceName,
            RequestMethod = "POST",
            RequestUri = ScrubbedEndpoint,
            StatusCode = response.StatusCode,
            ErrorCode = error.ErrorCode,
            ResponseExcerpt = error.Excerpt,
        };
    }

    private FitnessApiException MapError(HttpResponseMessage response, string? body, GrantKind grant)
    {
        var status = response.StatusCode;
        var error = TokenErrorBody.Parse(body, response.Content.Headers.ContentType?.MediaType, response.Headers);
        var statusText = $"{(int)status} {response.ReasonPhrase}".TrimEnd();
        var now = TimeProvider.GetUtcNow();
        var retryAfter = RetryAfter.GetDelay(response, now);

        if (status == HttpStatusCode.TooManyRequests)
        {
            return new RateLimitExceededException($"The token endpoint answered {statusText}: too many requests.", now + (retryAfter ?? TimeSpan.Zero))
            {
                Service = ServiceName, RequestMethod = "POST", RequestUri = ScrubbedEndpoint, StatusCode = status, ErrorCode = error.ErrorCode, ResponseExcerpt = error.Excerpt, RetryAfter = retryAfter,
            };
        }

        if (error.ErrorCode == TokenErrorBody.InvalidGrant)
        {
            var message = grant switch
            {
                GrantKind.RefreshToken => "The refresh token is no longer valid (invalid_grant): it expired, was revoked, or was already used. Sign in again to authorize the app.",
                GrantKind.AuthorizationCode => "The authorization code was refused (invalid_grant): it expired, was already used, or the redirect URI or PKCE verifier does not match the authorization request. Start the sign-in again.",
                _ => "The grant was refused (invalid_grant): the credential it carries is no longer valid. Sign in again.",
            };
            return new AuthenticationRequiredException(message) { Service = ServiceName, RequestMethod = "POST", RequestUri = ScrubbedEndpoint, StatusCode = status, ErrorCode = error.ErrorCode, ResponseExcerpt = error.Excerpt };
        }

        if (error.ErrorCode == TokenErrorBody.InvalidClient || (error.ErrorCode is null && status == HttpStatusCode.Unauthorized))
        {
            var message = error.ErrorCode is null
                ? $"The token endpoint answered {statusText}: it refused the application's credentials. Check the client id and client secret."
                : "The service refused the application's credentials (invalid_client): check the client id and client secret, and whether the service expects them in the form body or as HTTP Basic. Signing in again will not help until the app credentials are fixed.";
            return new AuthenticationRequiredException(message) { Service = ServiceName, RequestMethod = "POST", RequestUri = ScrubbedEndpoint, StatusCode = status, ErrorCode = error.ErrorCode, ResponseExcerpt = error.Excerpt };
        }

        if ((int)status >= 500)
        {
            return new ServiceUnavailableException($"The token endpoint failed with {statusText}.")
            {
                Service = ServiceName, RequestMethod = "POST", RequestUri = ScrubbedEndpoint, StatusCode = status, ErrorCode = error.ErrorCode, ResponseExcerpt = error.Excerpt, RetryAfter = retryAfter,
            };
        }

        var detail = error.ErrorCode is null ? string.Empty : $" ({error.ErrorCode})";
        return new FitnessApiException($"The token endpoint refused the request with {statusText}{detail}.")
        {
            Service = ServiceName, RequestMethod = "POST", RequestUri = ScrubbedEndpoint, StatusCode = status, ErrorCode = error.ErrorCode, ResponseExcerpt = error.Excerpt, RetryAfter = retryAfter,
        };
    }

    private enum GrantKind
    {
        AuthorizationCode,
        RefreshToken,
        Other,
    }
}

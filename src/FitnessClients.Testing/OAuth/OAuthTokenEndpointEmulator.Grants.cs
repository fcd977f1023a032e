using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace FitnessClients.Testing;

// The token and revocation request handling of OAuthTokenEndpointEmulator.
public sealed partial class OAuthTokenEndpointEmulator
{
    /// <summary>Answers a token request (<c>authorization_code</c>, <c>refresh_token</c> or a registered extension grant): the handler <see cref="MapRoutes"/> registers.</summary>
    /// <param name="request">The token request.</param>
    /// <param name="cancellationToken">Unused; the work is in memory.</param>
    public ValueTask<HttpResponseMessage> HandleTokenRequestAsync(EmulatorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Interlocked.Increment(ref _tokenRequests);
        var parameters = new TokenRequestParameters(request, AcceptParametersInQuery, AcceptMultipartForm);
        var grantType = parameters.Get("grant_type");
        var response = ProcessTokenRequest(request, parameters, grantType, out var error);
        if (error is not null)
        {
            Interlocked.Increment(ref _rejectedRequests);
            return ValueTask.FromResult(ErrorResponse(error));
        }

        return ValueTask.FromResult(response!);
    }

    /// <summary>Answers an RFC 7009 revocation request (<c>token=...</c> with client authentication); 200 whether or not the token was known.</summary>
    /// <param name="request">The revocation request.</param>
    public HttpResponseMessage HandleRevocationRequest(EmulatorRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new TokenRequestParameters(request, AcceptParametersInQuery, AcceptMultipartForm);
        var error = parameters.Problem is { } problem ? Error(request, "invalid_request", problem, null, null, false) : null;
        var client = error is null ? AuthenticateClient(request, parameters, null, out error) : null;
        var token = parameters.Get("token");
        if (error is null && token is null)
        {
            error = Error(request, "invalid_request", "The token parameter is missing.", "token", null, false);
        }

        if (error is not null)
        {
            return ErrorResponse(error);
        }

        lock (_gate)
        {
            // A client may only revoke its own tokens; others are ignored silently, as RFC 7009 allows.
            var owner = _accessTokens.GetValueOrDefault(token!)?.Grant.ClientId ?? _refreshTokens.GetValueOrDefault(token!)?.Grant.ClientId;
            if (string.Equals(owner, client!.ClientId, StringComparison.Ordinal))
            {
                Revoke(token!);
            }
        }

        return EmulatorResponses.Empty(HttpStatusCode.OK);
    }

    private HttpResponseMessage? ProcessTokenRequest(EmulatorRequest request, TokenRequestParameters parameters, string? grantType, out OAuthTokenError? error)
    {
        if (parameters.Problem is { } problem)
        {
            error = Error(request, "invalid_request", problem, null, grantType, false);
            return null;
        }

        if (grantType is null)
        {
            error = Error(request, "invalid_request", "The grant_type parameter is missing.", "grant_type", null, false);
            return null;
        }

        Func<OAuthExtensionGrantRequest, OAuthExtensionGrantResult>? extension;
        lock (_gate)
        {
            extension = _extensionGrants.GetValueOrDefault(grantType);
        }

        if (grantType is not ("authorization_code" or "refresh_token") && extension is null)
        {
            error = Error(request, "unsupported_grant_type", "The grant type is not supported.", "grant_type", grantType, false);
            return null;
        }

        var client = AuthenticateClient(request, parameters, grantType, out error);
        if (client is null)
        {
            return null;
        }

        OAuthTokenResponseContext? context;
        if (extension is not null)
        {
            context = ExchangeExtensionGrant(request, parameters, client, grantType, extension, out error);
        }
        else
        {
            lock (_gate)
            {
                var now = _timeProvider.GetUtcNow();
                context = grantType == "authorization_code"
                ? ExchangeCodeLocked(request, parameters, client, now, out error)
                    : RefreshLocked(request, parameters, client, now, out error);
            }
        }

        if (context is null)
        {
            return null;
        }

        return EmulatorResponses.Json(HttpStatusCode.OK, TokenResponseBody(context))
            .WithHeader("Cache-Control", "no-store")
            .WithHeader("Pragma", "no-cache");
    }

    private OAuthTokenResponseContext? ExchangeExtensionGrant(EmulatorRequest request, TokenRequestParameters parameters, OAuthClientRegistration client, string grantType, Func<OAuthExtensionGrantRequest, OAuthExtensionGrantResult> handler, out OAuthTokenError? error)
    {
        // The handler runs outside the endpoint's lock: it consults the service emulator's own state (e.g. its tickets).
        var result = handler(new OAuthExtensionGrantRequest(request, grantType, client.ClientId, parameters.Get));
        if (!result.IsGranted)
        {
            error = Error(request, result.Error!, result.Description!, result.Field, grantType, false);
            return null;
        }

        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            var grant = new OAuthGrant(client.ClientId, result.Subject!, result.Scopes);
            var tokens = IssueLocked(grant, grant.Scopes, now, rotate: true);
            error = null;
            return new OAuthTokenResponseContext(request, grantType, tokens, now, isNewAccessToken: true);
        }
    }

    private OAuthTokenResponseContext? ExchangeCodeLocked(EmulatorRequest request, TokenRequestParameters parameters, OAuthClientRegistration client, DateTimeOffset now, out OAuthTokenError? error)
    {
        const string grantType = "authorization_code";
        var code = parameters.Get("code");
        if (code is null)
        {
            error = Error(request, "invalid_request", "The code parameter is missing.", "code", grantType, false);
            return null;
        }

        if (!_codes.TryGetValue(code, out var record) || now >= record.ExpiresAt || !string.Equals(record.ClientId, client.ClientId, StringComparison.Ordinal))
        {
            error = Error(request, "invalid_grant", "The authorization code is invalid or expired.", "code", grantType, false);
            return null;
        }

        if (record.Used)
        {
            // A code presented twice may have been stolen: revoke what the first exchange issued (RFC 6749 section 4.1.2).
            if (RevokeGrantOnCodeReuse && record.Grant is { } issued)
            {
                issued.Revoked = true;
            }

            error = Error(request, "invalid_grant", "The authorization code has already been used.", "code", grantType, false);
            return null;
        }

        if (record.RedirectUri is not null && !string.Equals(parameters.Get("redirect_uri"), record.RedirectUri, StringComparison.Ordinal))
        {
            error = Error(request, "invalid_grant", "The redirect_uri does not match the authorization request.", "redirect_uri", grantType, false);
            return null;
        }

        if (record.CodeChallenge is not null && !VerifyCodeVerifier(parameters.Get("code_verifier"), record.CodeChallenge, record.CodeChallengeMethod))
        {
            error = Error(request, "invalid_grant", "The code_verifier is missing or does not match the code challenge.", "code_verifier", grantType, false);
            return null;
        }

        record.Used = true;
        var grant = new OAuthGrant(client.ClientId, record.Subject, record.Scopes);
        record.Grant = grant;
        var tokens = IssueLocked(grant, grant.Scopes, now, rotate: true);
        Interlocked.Increment(ref _codeExchanges);
        error = null;
        return new OAuthTokenResponseContext(request, grantType, tokens, now, isNewAccessToken: true);
    }

    private OAuthTokenResponseContext? RefreshLocked(EmulatorRequest request, TokenRequestParameters parameters, OAuthClientRegistration client, DateTimeOffset now, out OAuthTokenError? error)
    {
        const string grantType = "refresh_token";
        var refreshToken = parameters.Get("refresh_token");
        if (refreshToken is null)
        {
            error = Error(request, "invalid_request", "The refresh_token parameter is missing.", "refresh_token", grantType, false);
            return null;
        }

        if (!_refreshTokens.TryGetValue(refreshToken, out var record) || !record.Active || record.Grant.Revoked ||
            !string.Equals(record.Grant.ClientId, client.ClientId, StringComparison.Ordinal))
        {
            error = Error(request, "invalid_grant", "The refresh token is invalid, revoked or already used.", "refresh_token", grantType, false);
            return null;
        }

        if (RefreshTokenIdleLifetime is { } idle && now >= record.LastUsedAt + idle)
        {
            record.Active = false;
            error = Error(request, "invalid_grant", "The refresh token has expired.", "refresh_token", grantType, false);
            return null;
        }

        var grant = record.Grant;
        IReadOnlyList<string> scopes = grant.Scopes;
        if (parameters.Get("scope") is { } requested)
        {
            var asked = requested.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (asked.Any(s => !grant.Scopes.Contains(s, StringComparer.Ordinal)))
            {
                error = Error(request, "invalid_scope", "The requested scope exceeds the scope originally granted.", "scope", grantType, false);
                return null;
            }

            scopes = asked;
        }

        error = null;
        Interlocked.Increment(ref _refreshes);
        if (ReuseAccessTokenWhenValidFor is { } threshold && grant.CurrentAccessToken is { } current &&
            _accessTokens.TryGetValue(current, out var currentRecord) && currentRecord.IsValidAt(now) &&
            currentRecord.ExpiresAt - now > threshold && currentRecord.Scopes.SequenceEqual(scopes, StringComparer.Ordinal))
        {
            record.LastUsedAt = now;
            var same = new OAuthIssuedTokens(grant.ClientId, grant.Subject, current, refreshToken, currentRecord.ExpiresAt, currentRecord.Scopes);
            return new OAuthTokenResponseContext(request, grantType, same, now, isNewAccessToken: false);
        }

        if (RevokeAccessTokenOnRefresh && grant.CurrentAccessToken is { } previous && _accessTokens.TryGetValue(previous, out var previousRecord))
        {
            previousRecord.Revoked = true;
        }

        if (RotateRefreshTokens)
        {
            record.Active = false;
        }
        else
        {
            record.LastUsedAt = now;
        }

        return new OAuthTokenResponseContext(request, grantType, IssueLocked(grant, scopes, now, RotateRefreshTokens), now, isNewAccessToken: true);
    }

    private OAuthIssuedTokens IssueLocked(OAuthGrant grant, IReadOnlyList<string> scopes, DateTimeOffset now, bool rotate)
    {
        var expiresAt = now + AccessTokenLifetime;
        var access = AccessTokenFactory is { } factory
            ? factory(new OAuthAccessTokenInfo(grant.ClientId, grant.Subject, scopes, expiresAt))
            : TokenGenerator(OAuthTokenKind.AccessToken);
        _accessTokens[access] = new OAuthAccessTokenRecord(grant, scopes, expiresAt);
        grant.CurrentAccessToken = access;
        if (rotate || grant.CurrentRefreshToken is null)
        {
            var refresh = TokenGenerator(OAuthTokenKind.RefreshToken);
            _refreshTokens[refresh] = new OAuthRefreshTokenRecord(grant, now);
            grant.CurrentRefreshToken = refresh;
        }

        return new OAuthIssuedTokens(grant.ClientId, grant.Subject, access, grant.CurrentRefreshToken, expiresAt, scopes);
    }

    private OAuthClientRegistration? AuthenticateClient(EmulatorRequest request, TokenRequestParameters parameters, string? grantType, out OAuthTokenError? error)
    {
        var basicMalformed = false;
        var basic = IgnoreBasicCredentials ? null : ReadBasicCredentials(request, out basicMalformed);
        var usedBasic = basic is not null || basicMalformed;
        var postId = parameters.Get("client_id");
        var postSecret = parameters.Get("client_secret");
        if (basicMalformed)
        {
            error = Error(request, "invalid_client", "The Basic credentials are malformed.", "client_id", grantType, true);
            return null;
        }

        if (basic is not null && postSecret is not null)
        {
            error = Error(request, "invalid_request", "The client used more than one authentication method.", "client_secret", grantType, true);
            return null;
        }

        string? clientId;
        string? secret;
        OAuthClientAuthMethods method;
        if (basic is { } credentials)
        {
            (clientId, secret, method) = (credentials.Id, credentials.Secret, OAuthClientAuthMethods.ClientSecretBasic);
            if (postId is not null && !string.Equals(postId, clientId, StringComparison.Ordinal))
            {
                error = Error(request, "invalid_request", "The client_id does not match the Basic credentials.", "client_id", grantType, true);
                return null;
            }
        }
        else
        {
            (clientId, secret, method) = (postId, postSecret, postSecret is null ? OAuthClientAuthMethods.Public : OAuthClientAuthMethods.ClientSecretPost);
        }

        OAuthClientRegistration? client;
        lock (_gate)
        {
            client = clientId is null ? null : _clients.GetValueOrDefault(clientId);
        }

        if (client is null || (client.AuthMethods & method) == 0 ||
            (method != OAuthClientAuthMethods.Public && !FixedTimeEquals(secret, client.ClientSecret)))
        {
            error = Error(request, "invalid_client", "Client authentication failed.", secret is null ? "client_id" : "client_secret", grantType, usedBasic);
            return null;
        }

        error = null;
        return client;
    }

    private static (string Id, string Secret)? ReadBasicCredentials(EmulatorRequest request, out bool malformed)
    {
        malformed = false;
        var header = request.GetHeader("Authorization");
        if (header is null || !AuthenticationHeaderValue.TryParse(header, out var value) ||
            !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            // RFC 6749 section 2.3.1: id and secret are form-encoded before being joined and base64-encoded.
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter ?? string.Empty));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                return (UrlEncodedParser.Decode(decoded[..colon]), UrlEncodedParser.Decode(decoded[(colon + 1)..]));
            }
        }
        catch (FormatException)
        {
        }

        malformed = true;
        return null;
    }

    private static bool VerifyCodeVerifier(string? verifier, string challenge, string method)
    {
        // RFC 7636 section 4.1: 43 to 128 unreserved characters.
        if (verifier is null || verifier.Length is < 43 or > 128 || !verifier.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~'))
        {
            return false;
        }

        var expected = method == "plain"
            ? verifier
            : Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return FixedTimeEquals(expected, challenge);
    }

    private static bool FixedTimeEquals(string? a, string? b) =>
        a is not null && b is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static OAuthTokenError Error(EmulatorRequest request, string error, string description, string? field, string? grantType, bool usedBasic) =>
        new(request, error, description, error == "invalid_client" ? HttpStatusCode.Unauthorized : HttpStatusCode.BadRequest, field, grantType, usedBasic);
}

using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>
/// An OAuth2 authorization server's token endpoint that a service emulator mounts at its token path: registered clients,
/// the <c>authorization_code</c> grant (with PKCE), the <c>refresh_token</c> grant with rotation, revocation, and access
/// token validation for the service's own routes. Expiry runs on the emulator's clock.
/// </summary>
/// <remarks>
/// Rotation is what makes token handling hard in real clients: by default each refresh returns a new refresh token and
/// the old one dies at once, so a client that loses the new one before persisting it is locked out, here as at Strava,
/// FitTrackee and Garmin. Response and error shapes are delegates, since services differ from RFC 6749 in details.
/// Tokens are 256-bit random values (not predictable), so tests cannot guess them and must go through the flow or
/// <see cref="IssueTokens"/>. Thread-safe.
/// </remarks>
/// <example>
/// <code>
/// var oauth = new OAuthTokenEndpointEmulator(clock) { AccessTokenLifetime = TimeSpan.FromHours(6) };
/// oauth.RegisterClient("123", "s3cret", authMethods: OAuthClientAuthMethods.ClientSecretPost);
/// oauth.MapRoutes(Router, "/oauth/token");
/// // in a route: if (oauth.Authenticate(request) is not { } caller) return Unauthorized();
/// </code>
/// </example>
public sealed partial class OAuthTokenEndpointEmulator
{
    private readonly object _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, OAuthClientRegistration> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OAuthAuthorizationCode> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OAuthAccessTokenRecord> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OAuthRefreshTokenRecord> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<OAuthExtensionGrantRequest, OAuthExtensionGrantResult>> _extensionGrants = new(StringComparer.Ordinal);
    private long _tokenRequests;
    private long _codeExchanges;
    private long _refreshes;
    private long _rejectedRequests;

    /// <summary>Creates an endpoint without clients.</summary>
    /// <param name="timeProvider">The clock for expiry; use the emulator's.</param>
    public OAuthTokenEndpointEmulator(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <summary>How long access tokens live (default 6 hours, Strava's).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long an unused authorization code stays valid (default 10 minutes, RFC 6749's recommended maximum).</summary>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a refresh token survives without being used; unlimited when <see langword="null"/> (the default).
    /// FitTrackee's are valid for 20 days, so a client idle longer must re-authorize.
    /// </summary>
    public TimeSpan? RefreshTokenIdleLifetime { get; set; }

    /// <summary>
    /// When set, a refresh while the current access token still has more than this left returns that same access token
    /// (and keeps the refresh token): Strava does this with one hour. <see langword="null"/> (the default) always issues
    /// a new one.
    /// </summary>
    public TimeSpan? ReuseAccessTokenWhenValidFor { get; set; }

    /// <summary>Whether each refresh issues a new refresh token and invalidates the old one at once (default <see langword="true"/>).</summary>
    public bool RotateRefreshTokens { get; set; } = true;

    /// <summary>Whether token request parameters may come in the query string too (Strava's documented examples do that); default <see langword="false"/>.</summary>
    public bool AcceptParametersInQuery { get; set; }

    /// <summary>
    /// Whether token and revocation parameters may also come as <c>multipart/form-data</c> (default <see langword="false"/>):
    /// Authlib reads the framework's form, which is either encoding, and FitTrackee documents multipart.
    /// </summary>
    public bool AcceptMultipartForm { get; set; }

    /// <summary>
    /// Whether an <c>Authorization</c> header is ignored at the token and revocation endpoints (default <see langword="false"/>):
    /// a server that accepts only <c>client_secret_post</c> never reads it (Authlib with FitTrackee's configuration), so a
    /// client sending Basic credentials alone fails with <c>invalid_client</c>, and one sending both succeeds.
    /// </summary>
    public bool IgnoreBasicCredentials { get; set; }

    /// <summary>
    /// Whether presenting a used authorization code again revokes what the first exchange issued (default
    /// <see langword="true"/>, as RFC 6749 section 4.1.2 recommends). Authlib deletes a code once used, so at FitTrackee a
    /// replay is merely <c>invalid_grant</c>.
    /// </summary>
    public bool RevokeGrantOnCodeReuse { get; set; } = true;

    /// <summary>
    /// Whether a refresh also revokes the access token issued with the refresh token it consumed (default
    /// <see langword="false"/>). FitTrackee does: Authlib's <c>revoke_old_credential</c> marks the old token row revoked.
    /// </summary>
    public bool RevokeAccessTokenOnRefresh { get; set; }

    /// <summary>Makes token and code values; 32 random bytes in base64url by default. Replace it to mimic a service's format (Strava's are 40 hex digits).</summary>
    public Func<OAuthTokenKind, string> TokenGenerator { get; set; } = _ => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// Makes access tokens from what they stand for, when a service's clients read claims out of them (Garmin's DI tokens
    /// are JWTs whose <c>client_id</c> and <c>exp</c> the client decodes). <see langword="null"/> (the default) uses
    /// <see cref="TokenGenerator"/>. The value must be unique: it is the key the endpoint validates.
    /// </summary>
    public Func<OAuthAccessTokenInfo, string>? AccessTokenFactory { get; set; }

    /// <summary>
    /// Builds the JSON body of a successful token response. The default is RFC 6749's: <c>access_token</c>,
    /// <c>token_type</c>, <c>expires_in</c>, <c>refresh_token</c>, <c>scope</c> (space-separated).
    /// </summary>
    public Func<OAuthTokenResponseContext, JsonObject> TokenResponseBody { get; set; } = DefaultTokenResponseBody;

    /// <summary>
    /// Builds the response for a rejected request. The default is RFC 6749's <c>{"error":..., "error_description":...}</c>
    /// with the error's status, and <c>WWW-Authenticate: Basic</c> on a 401 after Basic authentication.
    /// </summary>
    public Func<OAuthTokenError, HttpResponseMessage> ErrorResponse { get; set; } = DefaultErrorResponse;

    /// <summary>How many token requests arrived.</summary>
    public long TokenRequests => Interlocked.Read(ref _tokenRequests);

    /// <summary>How many authorization codes were exchanged successfully.</summary>
    public long CodeExchanges => Interlocked.Read(ref _codeExchanges);

    /// <summary>How many refreshes succeeded.</summary>
    public long Refreshes => Interlocked.Read(ref _refreshes);

    /// <summary>How many token requests were rejected.</summary>
    public long RejectedRequests => Interlocked.Read(ref _rejectedRequests);

    /// <summary>Registers a client application.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="clientSecret">The secret; <see langword="null"/> for a public client.</param>
    /// <param name="redirectUris">Allowed redirect URIs (exact match); any when omitted.</param>
    /// <param name="authMethods">Allowed authentication methods; post and Basic by default, <see cref="OAuthClientAuthMethods.Public"/> for a client without secret.</param>
    public OAuthClientRegistration RegisterClient(string clientId, string? clientSecret, IEnumerable<string>? redirectUris = null, OAuthClientAuthMethods? authMethods = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        var methods = authMethods ?? (clientSecret is null ? OAuthClientAuthMethods.Public : OAuthClientAuthMethods.ClientSecretPost | OAuthClientAuthMethods.ClientSecretBasic);
        if (clientSecret is null && (methods & ~OAuthClientAuthMethods.Public) != 0)
        {
            throw new ArgumentException("A client without a secret can only be public.", nameof(authMethods));
        }

        var client = new OAuthClientRegistration(clientId, clientSecret, [.. redirectUris ?? []], methods);
        lock (_gate)
        {
            _clients[clientId] = client;
        }

        return client;
    }

    /// <summary>
    /// Issues a single-use authorization code, as the service's authorize page does once the user consents. The service
    /// emulator's authorize route or a test calls it, then the client exchanges the code at the token endpoint.
    /// </summary>
    /// <param name="clientId">A registered client.</param>
    /// <param name="scopes">The scopes the user granted.</param>
    /// <param name="redirectUri">The redirect URI of the authorize request; the exchange must repeat it.</param>
    /// <param name="codeChallenge">The PKCE challenge of the authorize request, if any.</param>
    /// <param name="codeChallengeMethod"><c>S256</c> (default) or <c>plain</c>.</param>
    /// <param name="subject">The user the code acts for (e.g. the athlete id).</param>
    /// <returns>The code.</returns>
    public string IssueAuthorizationCode(string clientId, IEnumerable<string> scopes, string? redirectUri = null, string? codeChallenge = null, string codeChallengeMethod = "S256", string subject = "user")
    {
        ArgumentNullException.ThrowIfNull(scopes);
        if (codeChallengeMethod is not ("S256" or "plain"))
        {
            throw new ArgumentException("The code challenge method must be S256 or plain.", nameof(codeChallengeMethod));
        }

        lock (_gate)
        {
            var client = _clients.GetValueOrDefault(clientId) ?? throw new ArgumentException($"Unknown client '{clientId}'.", nameof(clientId));
            if (redirectUri is not null && client.RedirectUris.Count > 0 && !client.RedirectUris.Contains(redirectUri, StringComparer.Ordinal))
            {
                throw new ArgumentException("The redirect URI is not registered for this client.", nameof(redirectUri));
            }

            var code = TokenGenerator(OAuthTokenKind.AuthorizationCode);
            _codes[code] = new OAuthAuthorizationCode(clientId, subject, [.. scopes], redirectUri, codeChallenge, codeChallengeMethod, _timeProvider.GetUtcNow() + AuthorizationCodeLifetime);
            return code;
        }
    }

    /// <summary>
    /// Issues a token pair directly, as if the user had authorized the client earlier: the way to seed a client's token
    /// store in a test that is not about the authorization flow.
    /// </summary>
    /// <param name="clientId">A registered client.</param>
    /// <param name="scopes">The scopes granted.</param>
    /// <param name="subject">The user the tokens act for.</param>
    public OAuthIssuedTokens IssueTokens(string clientId, IEnumerable<string> scopes, string subject = "user")
    {
        ArgumentNullException.ThrowIfNull(scopes);
        lock (_gate)
        {
            if (!_clients.ContainsKey(clientId))
            {
                throw new ArgumentException($"Unknown client '{clientId}'.", nameof(clientId));
            }

            var grant = new OAuthGrant(clientId, subject, [.. scopes]);
            return IssueLocked(grant, grant.Scopes, _timeProvider.GetUtcNow(), rotate: true);
        }
    }

    /// <summary>
    /// Accepts an extension grant type (RFC 6749 section 4.5), such as Garmin's service-ticket grant
    /// <c>https://connectapi.garmin.com/di-oauth2-service/oauth/grant/service_ticket</c>. The client authenticates as for
    /// the built-in grants; <paramref name="handler"/> then checks the grant's own parameters and either names the subject
    /// and scopes to issue a token pair for (refreshable and rotated like any other) or rejects the request.
    /// </summary>
    /// <param name="grantType">The <c>grant_type</c> value, compared exactly.</param>
    /// <param name="handler">Decides the request; called outside the endpoint's lock, so it may consult other state.</param>
    /// <example>
    /// <code>
    /// oauth.RegisterExtensionGrant("urn:example:ticket", request =&gt;
    ///     tickets.TryRedeem(request.GetParameter("ticket"))
    ///         ? OAuthExtensionGrantResult.Grant("user-1", ["read"])
    ///         : OAuthExtensionGrantResult.Reject("invalid_grant", "The ticket is invalid or expired.", "ticket"));
    /// </code>
    /// </example>
    public void RegisterExtensionGrant(string grantType, Func<OAuthExtensionGrantRequest, OAuthExtensionGrantResult> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(grantType);
        ArgumentNullException.ThrowIfNull(handler);
        if (grantType is "authorization_code" or "refresh_token")
        {
            throw new ArgumentException("The built-in grant types cannot be replaced.", nameof(grantType));
        }

        lock (_gate)
        {
            _extensionGrants[grantType] = handler;
        }
    }

    /// <summary>Registers the token endpoint (and, if given, an RFC 7009 revocation endpoint) as <c>POST</c> routes.</summary>
    /// <param name="routes">The emulator's router or a group of it.</param>
    /// <param name="tokenPath">The token path, e.g. <c>/oauth/token</c>.</param>
    /// <param name="revocationPath">The revocation path, or <see langword="null"/> for none.</param>
    public void MapRoutes(IEmulatorRouteBuilder routes, string tokenPath = "/oauth/token", string? revocationPath = null)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Map(HttpMethod.Post, tokenPath, HandleTokenRequestAsync);
        if (revocationPath is not null)
        {
            routes.Map(HttpMethod.Post, revocationPath, (request, _) => ValueTask.FromResult(HandleRevocationRequest(request)));
        }
    }

    /// <summary>Revokes an access token, or a refresh token together with every token of its grant (RFC 7009 section 2.1).</summary>
    /// <param name="token">The token value.</param>
    /// <returns>Whether the token was known.</returns>
    public bool Revoke(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        lock (_gate)
        {
            if (_accessTokens.TryGetValue(token, out var access))
            {
                access.Revoked = true;
                return true;
            }

            if (_refreshTokens.TryGetValue(token, out var refresh))
            {
                refresh.Active = false;
                refresh.Grant.Revoked = true;
                return true;
            }

            return false;
        }
    }

    /// <summary>Whether <paramref name="token"/> is a live access token: issued here, not revoked, not expired on the clock.</summary>
    /// <param name="token">The token value.</param>
    public bool IsValidAccessToken(string? token) => ValidateAccessToken(token) is not null;

    /// <summary>What a live access token stands for, or <see langword="null"/> when it is unknown, revoked or expired.</summary>
    /// <param name="token">The token value.</param>
    public OAuthAccessTokenInfo? ValidateAccessToken(string? token)
    {
        if (token is null)
        {
            return null;
        }

        lock (_gate)
        {
            return _accessTokens.TryGetValue(token, out var record) && record.IsValidAt(_timeProvider.GetUtcNow())
                ? new OAuthAccessTokenInfo(record.Grant.ClientId, record.Grant.Subject, record.Scopes, record.ExpiresAt)
                : null;
        }
    }

    /// <summary>Validates the request's <c>Authorization: Bearer</c> token; <see langword="null"/> when missing or not live.</summary>
    /// <param name="request">A request to a service route.</param>
    public OAuthAccessTokenInfo? Authenticate(EmulatorRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValidateAccessToken(request.GetBearerToken());
    }

    private static JsonObject DefaultTokenResponseBody(OAuthTokenResponseContext context) => new()
    {
        ["access_token"] = context.Tokens.AccessToken,
        ["token_type"] = "Bearer",
        ["expires_in"] = context.ExpiresInSeconds,
        ["refresh_token"] = context.Tokens.RefreshToken,
        ["scope"] = string.Join(' ', context.Tokens.Scopes),
    };

    private static HttpResponseMessage DefaultErrorResponse(OAuthTokenError error)
    {
        var response = EmulatorResponses.Json(error.StatusCode, new JsonObject { ["error"] = error.Error, ["error_description"] = error.Description })
            .WithHeader("Cache-Control", "no-store")
            .WithHeader("Pragma", "no-cache");
        if (error.StatusCode == HttpStatusCode.Unauthorized && error.UsedBasicAuthentication)
        {
            response.WithHeader("WWW-Authenticate", "Basic realm=\"oauth\"");
        }

        return response;
    }
}

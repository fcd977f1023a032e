using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FitnessClients.Testing;

// OAuth: the authorize page, Authlib's token endpoint and its error texts, and revocation.
public sealed partial class FitTrackeeEmulator
{
    /// <summary>The authorize page's path (the web app's route, not an API route).</summary>
    public const string AuthorizePath = "/profile/apps/authorize";

    /// <summary>The token endpoint's path.</summary>
    public const string TokenPath = ApiBasePath + "/oauth/token";

    /// <summary>The revocation endpoint's path.</summary>
    public const string RevokePath = ApiBasePath + "/oauth/revoke";

    private const string AuthMethodsText = "['client_secret_post']";
    private const string TokenAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private static readonly string[] ValidScopes =
    [
        "application:write", "equipments:read", "equipments:write", "follow:read", "follow:write", "geocode:read", "notifications:read",
        "notifications:write", "profile:read", "profile:write", "reports:read", "reports:write", "users:read", "users:write", "workouts:read", "workouts:write",
    ];

    // Authlib's PKCE patterns (rfc7636/challenge.py).
    private static readonly Regex ChallengePattern = new("^[a-zA-Z0-9\\-._~]{43,128}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // Access token → refresh token of the same token row: revoking either ends both at FitTrackee.
    private readonly ConcurrentDictionary<string, string> _refreshByAccess = new(StringComparer.Ordinal);
    private long _authorizations;

    /// <summary>How many times the user pressed "Authorize" on <see cref="AuthorizePath"/> and a code was issued.</summary>
    public long Authorizations => Interlocked.Read(ref _authorizations);

    private OAuthTokenEndpointEmulator CreateOAuth()
    {
        var oauth = new OAuthTokenEndpointEmulator(TimeProvider)
        {
            AccessTokenLifetime = _options.AccessTokenLifetime,
            RefreshTokenIdleLifetime = _options.AccessTokenLifetime * 2, // is_refresh_token_active: issued_at + 2 × expires_in; rotation makes it "idle"
            AuthorizationCodeLifetime = TimeSpan.FromSeconds(300),
            RotateRefreshTokens = true,
            RevokeAccessTokenOnRefresh = true,
            RevokeGrantOnCodeReuse = false,
            AcceptMultipartForm = true,
            IgnoreBasicCredentials = true,
            TokenGenerator = kind => RandomNumberGenerator.GetString(TokenAlphabet, kind == OAuthTokenKind.AccessToken ? 42 : 48),
            TokenResponseBody = TokenResponse,
            ErrorResponse = TokenError,
        };
        oauth.RegisterClient(_options.ClientId, _options.ClientSecret, authMethods: OAuthClientAuthMethods.ClientSecretPost);
        oauth.MapRoutes(Router, TokenPath);
        Router.MapPost(RevokePath, Revoke);
        Router.MapGet(AuthorizePath, Authorize);
        return oauth;
    }

    /// <summary>Authlib's bearer token in its key order; <c>scope</c> is a space-separated string.</summary>
    private JsonObject TokenResponse(OAuthTokenResponseContext context)
    {
        _refreshByAccess[context.Tokens.AccessToken] = context.Tokens.RefreshToken;
        return new JsonObject
        {
            ["token_type"] = "Bearer",
            ["access_token"] = context.Tokens.AccessToken,
            ["expires_in"] = (long)_options.AccessTokenLifetime.TotalSeconds,
            ["refresh_token"] = context.Tokens.RefreshToken,
            ["scope"] = string.Join(' ', context.Tokens.Scopes),
        };
    }

    /// <summary>The kit's rejections in Authlib 1.6's words; every token error is a 400 at FitTrackee.</summary>
    private HttpResponseMessage TokenError(OAuthTokenError error)
    {
        var (code, description) = (error.Error, error.Field) switch
        {
            ("invalid_request", "grant_type") or ("invalid_request", null) when error.GrantType is null => ("unsupported_grant_type", "grant_type=None is not supported"),
            ("unsupported_grant_type", _) => ("unsupported_grant_type", $"grant_type={error.GrantType} is not supported"),
            ("invalid_client", _) => ("invalid_client", ClientErrorDescription(error.Request)),
            ("invalid_request", "code") => ("invalid_request", "Missing 'code' in request."),
            ("invalid_request", "refresh_token") => ("invalid_request", "Missing 'refresh_token' in request."),
            ("invalid_grant", "code") => ("invalid_grant", "Invalid 'code' in request."),
            ("invalid_grant", "redirect_uri") => ("invalid_grant", "Invalid 'redirect_uri' in request."),
            ("invalid_grant", "code_verifier") => VerifierError(FormValue(error.Request, "code_verifier")),
            ("invalid_grant", _) => ("invalid_grant", null),
            ("invalid_scope", _) => ("invalid_scope", "The requested scope is invalid, unknown, or malformed."),
            _ => (error.Error, (string?)null),
        };
        return FitTrackeeJson.OAuthError(HttpStatusCode.BadRequest, code, description);
    }

    private static (string, string?) VerifierError(string? verifier) =>
        verifier is null ? ("invalid_request", "Missing 'code_verifier'")
        : !ChallengePattern.IsMatch(verifier) ? ("invalid_request", "Invalid 'code_verifier'")
        : ("invalid_grant", "Code challenge failed.");

    /// <summary>Authlib looks the client up only when both id and secret are in the form.</summary>
    private string ClientErrorDescription(EmulatorRequest request)
    {
        var id = FormValue(request, "client_id");
        return !string.IsNullOrEmpty(id) && !string.IsNullOrEmpty(FormValue(request, "client_secret")) && !string.Equals(id, _options.ClientId, StringComparison.Ordinal)
            ? "The client does not exist on this server."
            : $"The client cannot authenticate with methods: {AuthMethodsText}";
    }

    /// <summary>
    /// The page the browser shows; here the user presses "Authorize" at once (or declines, per the options) and the page
    /// follows the <c>redirect_url</c> the API returns: the application's first registered redirect URI.
    /// </summary>
    private HttpResponseMessage Authorize(EmulatorRequest request)
    {
        var clientId = request.GetQueryValue("client_id");
        if (string.IsNullOrEmpty(clientId) || !string.Equals(request.GetQueryValue("response_type"), "code", StringComparison.Ordinal))
        {
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, "invalid payload");
        }

        if (!string.Equals(clientId, _options.ClientId, StringComparison.Ordinal))
        {
            return FitTrackeeJson.Error(HttpStatusCode.NotFound, "OAuth2 client not found", "not found");
        }

        var challenge = request.GetQueryValue("code_challenge");
        var method = request.GetQueryValue("code_challenge_method");
        if (!string.IsNullOrEmpty(challenge) || !string.IsNullOrEmpty(method))
        {
            if (string.IsNullOrEmpty(challenge))
            {
                return FitTrackeeJson.Error(HttpStatusCode.BadRequest, "Missing 'code_challenge'");
            }

            if (!ChallengePattern.IsMatch(challenge))
            {
                return FitTrackeeJson.Error(HttpStatusCode.BadRequest, "Invalid 'code_challenge'");
            }

            if (!string.IsNullOrEmpty(method) && method is not ("S256" or "plain"))
            {
                return FitTrackeeJson.Error(HttpStatusCode.BadRequest, "Unsupported 'code_challenge_method'");
            }
        }

        if (_options.DenyAuthorization)
        {
            return FitTrackeeJson.Error(HttpStatusCode.BadRequest, "The resource owner or authorization server denied the request");
        }

        // The web app forwards `${route.query.scope}`: a missing scope becomes "undefined", which no client allows.
        var asked = (request.GetQueryValue("scope") ?? "undefined").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var granted = asked.Where(s => ValidScopes.Contains(s, StringComparer.Ordinal) && _options.ApplicationScopes.Contains(s, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        var code = OAuth.IssueAuthorizationCode(_options.ClientId, granted, redirectUri: null, codeChallenge: string.IsNullOrEmpty(challenge) ? null : challenge, codeChallengeMethod: string.IsNullOrEmpty(method) ? "plain" : method, subject: _options.Username);
        Interlocked.Increment(ref _authorizations);
        var query = new StringBuilder("code=").Append(Uri.EscapeDataString(code));
        if (request.GetQueryValue("state") is { Length: > 0 } state)
        {
            query.Append("&state=").Append(Uri.EscapeDataString(state));
        }

        var redirect = RedirectUri;
        return EmulatorResponses.Redirect(redirect + (redirect.Contains('?', StringComparison.Ordinal) ? '&' : '?') + query);
    }

    /// <summary>RFC 7009 as Authlib serves it at FitTrackee: <c>client_secret_post</c>, 200 <c>{}</c> for known and unknown tokens alike.</summary>
    private HttpResponseMessage Revoke(EmulatorRequest request)
    {
        var id = FormValue(request, "client_id");
        var secret = FormValue(request, "client_secret");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret) || !string.Equals(id, _options.ClientId, StringComparison.Ordinal) ||
            !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(_options.ClientSecret)))
        {
            return FitTrackeeJson.OAuthError(HttpStatusCode.BadRequest, "invalid_client", ClientErrorDescription(request));
        }

        var token = FormValue(request, "token");
        if (token is null)
        {
            return FitTrackeeJson.OAuthError(HttpStatusCode.BadRequest, "invalid_request", null);
        }

        if (FormValue(request, "token_type_hint") is { Length: > 0 } hint && hint is not ("access_token" or "refresh_token"))
        {
            return FitTrackeeJson.OAuthError(HttpStatusCode.BadRequest, "unsupported_token_type", null);
        }

        // A token row holds an access and a refresh token; revoking either makes is_revoked() true for both.
        if (_refreshByAccess.TryGetValue(token, out var refresh))
        {
            OAuth.Revoke(refresh);
        }

        OAuth.Revoke(token);
        return EmulatorResponses.Json(HttpStatusCode.OK, new JsonObject())
            .WithHeader("Cache-Control", "no-store")
            .WithHeader("Pragma", "no-cache");
    }

    /// <summary>A field of an urlencoded or multipart form, as Flask's <c>request.form</c> gives it; empty counts as absent.</summary>
    private static string? FormValue(EmulatorRequest request, string name)
    {
        string? value;
        if (string.Equals(request.MediaType, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                value = request.ReadMultipart().Parts.FirstOrDefault(p => p.Name == name && p.FileName is null)?.ReadAsString();
            }
            catch (FormatException)
            {
                value = null;
            }
        }
        else
        {
            value = request.GetFormValue(name);
        }

        return string.IsNullOrEmpty(value) ? null : value;
    }
}

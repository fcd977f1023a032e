using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

// OAuth: the authorize redirect, the token endpoint in Strava's shapes, and deauthorize.
public sealed partial class StravaEmulator
{
    private static readonly string[] KnownScopes = ["read", "read_all", "profile:read_all", "profile:write", "activity:read", "activity:read_all", "activity:write"];

    // Access token → the refresh token of its grant, so deauthorize can end the whole grant.
    private readonly ConcurrentDictionary<string, string> _refreshByAccess = new(StringComparer.Ordinal);
    private long _deauthorizations;

    /// <summary>How many times the athlete deauthorized the app (<c>POST /oauth/deauthorize</c>).</summary>
    public long Deauthorizations => Interlocked.Read(ref _deauthorizations);

    private OAuthTokenEndpointEmulator CreateOAuth()
    {
        var oauth = new OAuthTokenEndpointEmulator(TimeProvider)
        {
            AccessTokenLifetime = _options.AccessTokenLifetime,
            ReuseAccessTokenWhenValidFor = TimeSpan.FromHours(1),
            RotateRefreshTokens = true,
            AcceptParametersInQuery = true, // Strava documents its token parameters as query parameters
            TokenGenerator = _ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)),
            TokenResponseBody = TokenResponse,
            ErrorResponse = TokenError,
        };
        oauth.RegisterClient(_options.ClientId, _options.ClientSecret, authMethods: OAuthClientAuthMethods.ClientSecretPost);
        oauth.MapRoutes(Router, "/oauth/token");
        oauth.MapRoutes(Router, ApiBasePath + "/oauth/token");
        Router.MapGet("/oauth/authorize", Authorize);
        Router.MapGet("/oauth/mobile/authorize", Authorize);
        Router.MapPost("/oauth/deauthorize", Deauthorize);
        return oauth;
    }

    /// <summary>Issues tokens through the kit and remembers the pairing for deauthorize.</summary>
    private JsonObject TokenResponse(OAuthTokenResponseContext context)
    {
        _refreshByAccess[context.Tokens.AccessToken] = context.Tokens.RefreshToken;
        var node = new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_at"] = context.Tokens.ExpiresAt.ToUnixTimeSeconds(),
            ["expires_in"] = context.ExpiresInSeconds,
            ["refresh_token"] = context.Tokens.RefreshToken,
            ["access_token"] = context.Tokens.AccessToken,
        };
        if (context.GrantType == "authorization_code")
        {
            node["athlete"] = StravaAthleteWriter.Summary(_options);
        }

        return node;
    }

    private static HttpResponseMessage TokenError(OAuthTokenError error) => error.Error switch
    {
        "invalid_client" => StravaJson.BadRequest("Application", "client_id"),
        "invalid_grant" when error.GrantType == "refresh_token" => StravaJson.BadRequest("RefreshToken", "refresh_token"),
        "invalid_grant" => StravaJson.BadRequest("AuthorizationCode", "code"),
        _ => error.Field switch
        {
            "refresh_token" => StravaJson.BadRequest("RefreshToken", "refresh_token"),
            "code" => StravaJson.BadRequest("AuthorizationCode", "code"),
            "client_id" or "client_secret" => StravaJson.BadRequest("Application", error.Field),
            _ => StravaJson.BadRequest("Application", error.Field ?? "grant_type"),
        },
    };

    private HttpResponseMessage Authorize(EmulatorRequest request)
    {
        if (!string.Equals(request.GetQueryValue("client_id"), _options.ClientId, StringComparison.Ordinal))
        {
            return StravaJson.BadRequest("Application", "client_id");
        }

        var redirect = request.GetQueryValue("redirect_uri");
        if (string.IsNullOrEmpty(redirect) || !Uri.TryCreate(redirect, UriKind.Absolute, out _))
        {
            return StravaJson.BadRequest("Application", "redirect_uri");
        }

        if (!string.Equals(request.GetQueryValue("response_type"), "code", StringComparison.Ordinal))
        {
            return StravaJson.BadRequest("Authorize", "response_type");
        }

        var asked = (request.GetQueryValue("scope") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (asked.Length == 0 || asked.Any(s => !KnownScopes.Contains(s, StringComparer.Ordinal)))
        {
            return StravaJson.BadRequest("Authorize", "scope");
        }

        var state = request.GetQueryValue("state") ?? string.Empty;
        var query = new StringBuilder("state=").Append(Uri.EscapeDataString(state));
        if (_options.DenyAuthorization)
        {
            query.Append("&error=access_denied");
        }
        else
        {
            var granted = _options.GrantedScopes is { } allowed ? [.. asked.Where(s => allowed.Contains(s, StringComparer.Ordinal))] : asked;
            var code = OAuth.IssueAuthorizationCode(_options.ClientId, granted, subject: AthleteIdText);
            query.Append("&code=").Append(code)
                .Append("&scope=").Append(string.Join(',', granted.Select(Uri.EscapeDataString)));
        }

        var separator = redirect.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return EmulatorResponses.Redirect(redirect + separator + query);
    }

    private HttpResponseMessage Deauthorize(EmulatorRequest request)
    {
        var token = request.GetBearerToken() ?? request.GetQueryValue("access_token") ?? FormValue(request, "access_token");
        if (token is null || !OAuth.IsValidAccessToken(token))
        {
            return StravaJson.AuthorizationError();
        }

        if (_refreshByAccess.TryGetValue(token, out var refresh))
        {
            OAuth.Revoke(refresh); // ends the grant: every access and refresh token of it
        }

        OAuth.Revoke(token);
        Interlocked.Increment(ref _deauthorizations);
        return EmulatorResponses.Json(HttpStatusCode.OK, new JsonObject { ["access_token"] = token });
    }

    private static string? FormValue(EmulatorRequest request, string name) =>
        request.MediaType is "application/x-www-form-urlencoded" ? request.GetFormValue(name) : null;
}

using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

// OAuth: the authorize redirect, the token endpoint (no expiry, no refresh token) and de-authorize.
public sealed partial class RunkeeperEmulator
{
    private long _deauthorizations;

    /// <summary>How many times the app was disconnected (<c>POST /apps/de-authorize</c>).</summary>
    public long Deauthorizations => Interlocked.Read(ref _deauthorizations);

    private OAuthTokenEndpointEmulator CreateOAuth()
    {
        var oauth = new OAuthTokenEndpointEmulator(TimeProvider)
        {
            // Runkeeper tokens live until the user disconnects the app.
            AccessTokenLifetime = TimeSpan.FromDays(365 * 100),
            RotateRefreshTokens = false,
            TokenGenerator = _ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            TokenResponseBody = context => new JsonObject { ["token_type"] = "Bearer", ["access_token"] = context.Tokens.AccessToken },
        };
        oauth.RegisterClient(_options.ClientId, _options.ClientSecret, authMethods: OAuthClientAuthMethods.ClientSecretPost);
        oauth.MapRoutes(Router, "/apps/token");
        Router.MapGet("/apps/authorize", Authorize);
        Router.MapPost("/apps/de-authorize", Deauthorize);
        return oauth;
    }

    private HttpResponseMessage Authorize(EmulatorRequest request)
    {
        if (!string.Equals(request.GetQueryValue("client_id"), _options.ClientId, StringComparison.Ordinal))
        {
            return EmulatorResponses.Html(HttpStatusCode.BadRequest, "Invalid client", "<h1>Unknown client_id</h1>");
        }

        var redirect = request.GetQueryValue("redirect_uri");
        if (string.IsNullOrEmpty(redirect) || !Uri.TryCreate(redirect, UriKind.Absolute, out _)
            || !string.Equals(request.GetQueryValue("response_type"), "code", StringComparison.Ordinal))
        {
            return EmulatorResponses.Html(HttpStatusCode.BadRequest, "Invalid request", "<h1>redirect_uri and response_type=code are required</h1>");
        }

        var query = new StringBuilder();
        if (_options.DenyAuthorization)
        {
            query.Append("error=access_denied");
        }
        else
        {
            query.Append("code=").Append(OAuth.IssueAuthorizationCode(_options.ClientId, [], subject: UserIdText));
        }

        if (request.GetQueryValue("state") is { } state)
        {
            query.Append("&state=").Append(Uri.EscapeDataString(state));
        }

        return EmulatorResponses.Redirect(redirect + (redirect.Contains('?', StringComparison.Ordinal) ? '&' : '?') + query);
    }

    private HttpResponseMessage Deauthorize(EmulatorRequest request)
    {
        var token = request.MediaType is "application/x-www-form-urlencoded" ? request.GetFormValue("access_token") : null;
        if (token is null || !OAuth.IsValidAccessToken(token))
        {
            return Reason(HttpStatusCode.Unauthorized, "Invalid access token");
        }

        OAuth.Revoke(token);
        Interlocked.Increment(ref _deauthorizations);
        return EmulatorResponses.Empty(HttpStatusCode.NoContent);
    }

    private static HttpResponseMessage Reason(HttpStatusCode status, string reason) =>
        EmulatorResponses.Json(status, new JsonObject { ["reason"] = reason });
}

using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

// diauth: the DI OAuth2 token endpoint with Garmin's client ids, service-ticket grant and token shapes; and the data-API rate limit.
public sealed partial class GarminConnectEmulator
{
    private static readonly string[] DiScopes = ["CONNECT_READ", "CONNECT_WRITE", "DI_API_READ", "GOLF_API_READ", "ATP_READ", "INSIGHTS_READ"];

    private string[] _acceptedClientIds = [];

    private OAuthTokenEndpointEmulator CreateDiAuth(GarminConnectEmulatorOptions options)
    {
        _acceptedClientIds = [.. options.AcceptedDiClientIds];
        if (_acceptedClientIds.Length == 0)
        {
            throw new ArgumentException("diauth must accept at least one DI client id.", nameof(options));
        }

        var oauth = new OAuthTokenEndpointEmulator(TimeProvider)
        {
            AccessTokenLifetime = _accessTokenLifetime,
            RefreshTokenIdleLifetime = _refreshTokenLifetime, // with rotation every refresh token is used at most once: idle = since issued
            RotateRefreshTokens = true,
            AccessTokenFactory = info => GarminDiJwt.Create(info, _accessTokenLifetime, _account.Guid),
            TokenResponseBody = TokenResponse,
            ErrorResponse = ErrorResponse,
        };
        foreach (var clientId in _acceptedClientIds)
        {
            // Basic with the client id and an empty secret, the client id repeated in the form.
            oauth.RegisterClient(clientId, string.Empty, authMethods: OAuthClientAuthMethods.ClientSecretBasic);
        }

        oauth.RegisterExtensionGrant(ServiceTicketGrantType, ExchangeServiceTicket);
        oauth.MapRoutes(Router, DiAuthTokenPath);
        return oauth;
    }

    private OAuthExtensionGrantResult ExchangeServiceTicket(OAuthExtensionGrantRequest request)
    {
        var check = _tickets.Redeem(request.GetParameter("service_ticket"), request.GetParameter("service_url"));
        if (check == GarminTicketCheck.Accepted)
        {
            Interlocked.Increment(ref _ticketExchanges);
            return OAuthExtensionGrantResult.Grant(_account.Guid, DiScopes);
        }

        return check == GarminTicketCheck.Missing
            ? OAuthExtensionGrantResult.Reject("invalid_request", "The service_ticket parameter is missing.", "service_ticket")
            : OAuthExtensionGrantResult.Reject("invalid_grant", check switch
            {
                GarminTicketCheck.AlreadyUsed => "Invalid service ticket: it has already been used.",
                GarminTicketCheck.Expired => "Invalid service ticket: it has expired.",
                GarminTicketCheck.WrongService => "Invalid service ticket: it was issued for another service_url.",
                _ => "Invalid service ticket.",
            }, "service_ticket");
    }

    private JsonObject TokenResponse(OAuthTokenResponseContext context) => new()
    {
        ["scope"] = string.Join(' ', context.Tokens.Scopes),
        ["jti"] = ReadJti(context.Tokens.AccessToken),
        ["access_token"] = context.Tokens.AccessToken,
        ["token_type"] = "Bearer",
        ["refresh_token"] = context.Tokens.RefreshToken,
        ["expires_in"] = context.ExpiresInSeconds,
        ["refresh_token_expires_in"] = Math.Max(0, (long)_refreshTokenLifetime.TotalSeconds - 1),
    };

    private HttpResponseMessage ErrorResponse(OAuthTokenError error)
    {
        var status = error.Error == "invalid_client" ? _rejectedClientStatus : error.StatusCode;
        var description = error.Error switch
        {
            "invalid_client" => "Bad client credentials",
            "invalid_grant" when error.GrantType == "refresh_token" => "Invalid refresh token: it is unknown, expired or was already used",
            _ => error.Description,
        };
        return EmulatorResponses.Json(status, new JsonObject { ["error"] = error.Error, ["error_description"] = description })
            .WithHeader("Cache-Control", "no-store");
    }

    private static string? ReadJti(string accessToken)
    {
        var parts = accessToken.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))?["jti"]?.GetValue<string>();
        }
        catch (Exception exception) when (exception is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static RateLimitSimulator? CreateRateLimits(GarminConnectEmulatorOptions options, TimeProvider clock)
    {
        if (options.DataApiRateLimit is not { } limit)
        {
            return null;
        }

        var sendRetryAfter = options.SendRetryAfter;
        var limits = new RateLimitSimulator(clock);
        limits.AddWindow("data-api", limit, options.DataApiRateLimitWindow, counts: request => IsDataPath(request.Path));
        limits.TooManyRequestsResponse = (_, decision) =>
        {
            var response = EmulatorResponses.Json(HttpStatusCode.TooManyRequests, """{"message":"Too Many Requests"}""");
            return sendRetryAfter && decision.RetryAfter is { } wait ? response.WithRetryAfter(wait) : response;
        };
        return limits;
    }
}

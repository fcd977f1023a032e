using System.Net;
using FitnessClients.Core;
using FitnessClients.Core.Tokens;
using Microsoft.Extensions.Logging;

namespace FitnessClients.GarminConnect.Auth;

/// <summary>
/// Exchanges a CAS service ticket (<c>ST-…</c>) for a DI OAuth2 token at diauth, trying the known DI client ids in
/// order until one is accepted, as python-garminconnect does.
/// </summary>
/// <remarks>
/// A 400 or 401 for one client id means "not this id" (or a dead ticket): the next id is tried. A 429 or a 5xx
/// stops at once: the ticket will have expired by the time a retry could help, and hammering diauth earns longer
/// throttling.
/// </remarks>
internal sealed partial class GarminServiceTicketExchanger
{
    private static readonly TimeSpan DefaultRateLimitWait = TimeSpan.FromHours(1);

    private readonly HttpClient _httpClient;
    private readonly Uri _tokenEndpoint;
    private readonly IReadOnlyList<string> _clientIds;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public GarminServiceTicketExchanger(HttpClient httpClient, Uri tokenEndpoint, IReadOnlyList<string> clientIds, TimeProvider timeProvider, ILogger logger)
    {
        if (clientIds.Count == 0)
        {
            throw new ArgumentException("At least one DI client id is needed.", nameof(clientIds));
        }

        _httpClient = httpClient;
        _tokenEndpoint = tokenEndpoint;
        _clientIds = clientIds;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Exchanges <paramref name="ticket"/> (already checked by <see cref="ServiceTicket.Normalize"/>).</summary>
    /// <param name="ticket">The service ticket.</param>
    /// <param name="serviceUrl">The SSO <c>service</c> the ticket was issued for; diauth checks that they match.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>The token, with <see cref="GarminTokenExtras.DiClientId"/> set to the id diauth accepted (as the JWT names it).</returns>
    public async Task<OAuthToken> ExchangeAsync(string ticket, Uri serviceUrl, CancellationToken cancellationToken)
    {
        FitnessApiException? lastRefusal = null;
        foreach (var clientId in _clientIds)
        {
            var client = GarminDiTokenRefresher.CreateTokenClient(_httpClient, _tokenEndpoint, clientId, _timeProvider);
            var form = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["service_ticket"] = ticket,
                ["grant_type"] = GarminEndpoints.ServiceTicketGrantType,
                ["service_url"] = serviceUrl.AbsoluteUri,
            };
            var sentAt = _timeProvider.GetUtcNow();
            try
            {
                var response = await client.RequestAsync(form, cancellationToken).ConfigureAwait(false);
                var effectiveId = GarminJwt.TryReadClaims(response.AccessToken!, out var fromJwt, out _) && !string.IsNullOrWhiteSpace(fromJwt) ? fromJwt : clientId;
                LogAccepted(_logger, clientId);
                return GarminDiTokenRefresher.ToToken(response, effectiveId, previous: null, sentAt);
            }
            catch (RateLimitExceededException ex)
            {
                throw RateLimited(ex, ticket);
            }
            catch (FitnessApiException ex) when (ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
            {
                LogRefused(_logger, clientId, (int)ex.StatusCode!.Value, ex.ErrorCode ?? "none");
                lastRefusal = ex;
            }
        }

        var last = lastRefusal!;
        var answer = last.ErrorCode is null ? $"HTTP {(int)last.StatusCode!.Value}" : $"HTTP {(int)last.StatusCode!.Value} {last.ErrorCode}";
        throw new AuthenticationRequiredException(
            $"Garmin's token service refused the service ticket with each of the {_clientIds.Count} known DI client ids (last answer: {answer}). " +
            "A service ticket is single-use and expires within seconds of being issued, so this one is most likely spent: get a fresh one and exchange it right away. " +
            "Sign in at sso.garmin.com with the browser's developer tools open (Network tab), open the response of 'mobile/api/login' (or of 'mfa/verifyCode' when you entered an MFA code) and copy serviceTicketId. " +
            $"The service URL sent with the ticket was {serviceUrl.AbsoluteUri}; it must equal the 'service' parameter of the sign-in the ticket came from.",
            last)
        {
            Service = GarminAuthHttp.ServiceName,
            StatusCode = last.StatusCode,
            ErrorCode = last.ErrorCode,
            RequestMethod = "POST",
            RequestUri = last.RequestUri,
            ResponseExcerpt = last.ResponseExcerpt?.Replace(ticket, Core.Diagnostics.SecretScrubber.Mask, StringComparison.Ordinal),
        };
    }

    private RateLimitExceededException RateLimited(RateLimitExceededException ex, string ticket)
    {
        var now = _timeProvider.GetUtcNow();
        var wait = ex.RetryAfter is { } retryAfter && retryAfter > DefaultRateLimitWait ? retryAfter : DefaultRateLimitWait;
        return new RateLimitExceededException(
            "Garmin's token service (diauth) answered 429 Too Many Requests to the service-ticket exchange. It was not retried: " +
            $"wait at least {(int)wait.TotalMinutes} minutes (hours if it happens again), then sign in once more for a fresh ticket; this one will have expired by then. " +
            "Reuse stored tokens instead of signing in on every run.",
            now + wait,
            ex)
        {
            Service = GarminAuthHttp.ServiceName,
            StatusCode = HttpStatusCode.TooManyRequests,
            RequestMethod = "POST",
            RequestUri = ex.RequestUri,
            RetryAfter = ex.RetryAfter,
            ResponseExcerpt = ex.ResponseExcerpt?.Replace(ticket, Core.Diagnostics.SecretScrubber.Mask, StringComparison.Ordinal),
            Window = "garmin-diauth",
        };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Garmin diauth accepted the service ticket for DI client {ClientId}")]
    private static partial void LogAccepted(ILogger logger, string clientId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Garmin diauth refused the service ticket for DI client {ClientId} with {Status} ({ErrorCode}); trying the next client id")]
    private static partial void LogRefused(ILogger logger, string clientId, int status, string errorCode);
}

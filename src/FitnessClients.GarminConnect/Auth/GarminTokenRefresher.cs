using FitnessClients.Core;
using FitnessClients.Core.Tokens;

namespace FitnessClients.GarminConnect.Auth;

/// <summary>
/// The <see cref="ITokenRefresher"/> for every kind of Garmin token the SDK stores: DI tokens (from a service
/// ticket, an SSO login or a python-garminconnect import) are refreshed at diauth with the <c>refresh_token</c>
/// grant by <see cref="GarminDiTokenRefresher"/>; tokens imported from a garth session are renewed the way garth
/// does it, by re-exchanging the session's OAuth1 token, when the OAuth1 consumer credentials were supplied.
/// </summary>
/// <remarks>
/// <para>The choice, per token:</para>
/// <list type="number">
/// <item>garth OAuth1 credentials in <see cref="OAuthToken.Extras"/> and a <see cref="GarminOAuth1Consumer"/> given: OAuth1 re-exchange;</item>
/// <item>garth credentials but no consumer: a best-effort DI refresh when the access token names a DI client and a refresh token is present, else <see cref="AuthenticationRequiredException"/> explaining the options;</item>
/// <item>anything else: DI refresh (the client id comes from the extras or the JWT), which itself explains what to do when the token cannot be refreshed.</item>
/// </list>
/// </remarks>
/// <example>
/// <code>
/// using var refresher = new GarminTokenRefresher(options, consumer: null);
/// var tokens = new TokenManager(options.TokenStore!, options.TokenKey, refresher, timeProvider: options.TimeProvider);
/// </code>
/// </example>
public sealed class GarminTokenRefresher : ITokenRefresher, IDisposable
{
    private readonly GarminDiTokenRefresher _di;
    private readonly GarthOAuth1Exchanger? _oauth1;
    private readonly HttpClient? _ownedClient;

    /// <summary>Creates the refresher on a client the caller owns.</summary>
    /// <param name="httpClient">A plain client for diauth and connectapi: no bearer token, no error mapping, no retries of 429.</param>
    /// <param name="diTokenEndpoint">The DI token endpoint (<see cref="GarminConnectClientOptions.EffectiveDiAuthTokenEndpoint"/>).</param>
    /// <param name="connectApiBaseAddress">The data API root (<see cref="GarminConnectClientOptions.EffectiveBaseAddress"/>), for the OAuth1 exchange.</param>
    /// <param name="oauth1Consumer">The consumer credentials for re-exchanging garth sessions; <see langword="null"/> turns that route off.</param>
    /// <param name="timeProvider">The clock for expiries and OAuth1 timestamps.</param>
    public GarminTokenRefresher(HttpClient httpClient, Uri diTokenEndpoint, Uri connectApiBaseAddress, GarminOAuth1Consumer? oauth1Consumer = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(diTokenEndpoint);
        ArgumentNullException.ThrowIfNull(connectApiBaseAddress);
        var clock = timeProvider ?? TimeProvider.System;
        _di = new GarminDiTokenRefresher(httpClient, diTokenEndpoint, clock);
        _oauth1 = oauth1Consumer is null ? null : new GarthOAuth1Exchanger(httpClient, connectApiBaseAddress, oauth1Consumer, clock);
    }

    /// <summary>
    /// Creates the refresher with its own HTTP client built from <paramref name="options"/> (endpoints, clock,
    /// primary handler, default headers); dispose the refresher to release it.
    /// </summary>
    /// <param name="options">The Garmin client options.</param>
    /// <param name="oauth1Consumer">The consumer credentials for re-exchanging garth sessions; <see langword="null"/> turns that route off.</param>
    public GarminTokenRefresher(GarminConnectClientOptions options, GarminOAuth1Consumer? oauth1Consumer = null)
        : this(CreateClient(options, out var client), options.EffectiveDiAuthTokenEndpoint, options.EffectiveBaseAddress, oauth1Consumer, options.TimeProvider)
    {
        _ownedClient = client;
    }

    /// <inheritdoc />
    public async Task<OAuthToken> RefreshAsync(OAuthToken current, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (!GarthOAuth1Exchanger.HasOAuth1Credentials(current))
        {
            return await _di.RefreshAsync(current, cancellationToken).ConfigureAwait(false);
        }

        if (_oauth1 is not null)
        {
            return await _oauth1.ExchangeAsync(current, cancellationToken).ConfigureAwait(false);
        }

        if (!string.IsNullOrEmpty(current.RefreshToken) && GarminJwt.TryReadClaims(current.AccessToken, out var clientId, out _) && !string.IsNullOrWhiteSpace(clientId))
        {
            try
            {
                return await _di.RefreshAsync(current, cancellationToken).ConfigureAwait(false);
            }
            catch (FitnessApiException ex) when (ex is AuthenticationRequiredException || ex.StatusCode is System.Net.HttpStatusCode.BadRequest)
            {
                throw GarthNeedsConsumer(ex);
            }
        }

        throw GarthNeedsConsumer(null);
    }

    /// <summary>Disposes the HTTP client the options constructor created; nothing when the caller supplied the client.</summary>
    public void Dispose() => _ownedClient?.Dispose();

    private static HttpClient CreateClient(GarminConnectClientOptions options, out HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(options);
        client = GarminAuthHttp.CreateApiClient(options);
        return client;
    }

    private static AuthenticationRequiredException GarthNeedsConsumer(FitnessApiException? inner) =>
        new(
            "The Garmin token imported from garth has expired and cannot be renewed here: garth renews its OAuth2 token by re-exchanging its OAuth1 token, " +
            "which needs the Garmin Connect app's OAuth1 consumer key and secret (GarminOAuth1Consumer; the SDK does not ship them). " +
            "Supply them, or sign in again with a service ticket, or run garth again and re-import its session.",
            inner)
        {
            Service = GarminAuthHttp.ServiceName,
            StatusCode = inner?.StatusCode,
            ErrorCode = inner?.ErrorCode,
            RequestMethod = inner?.RequestMethod,
            RequestUri = inner?.RequestUri,
        };
}

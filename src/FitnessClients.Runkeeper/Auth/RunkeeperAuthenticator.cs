using System.Net;
using System.Net.Http.Headers;
using FitnessClients.Core;
using FitnessClients.Core.Http;
using FitnessClients.Core.OAuth;
using FitnessClients.Core.Tokens;
using FitnessClients.Runkeeper.Http;

namespace FitnessClients.Runkeeper.Auth;

/// <summary>
/// Gets a Runkeeper token into the token store: one the user already has (the usual case, since Runkeeper accepts no
/// new API applications), or through the OAuth2 authorization-code exchange for those who still own a Health Graph
/// app; and disconnects the app (de-authorize).
/// </summary>
/// <remarks>
/// Runkeeper's tokens carry no expiry and no refresh token and have no scopes (permissions were fixed per app): they
/// are stored as an <see cref="OAuthToken"/> without <see cref="OAuthToken.ExpiresAt"/> and work until the user
/// disconnects the app.
/// </remarks>
/// <example>
/// <code>
/// using var auth = new RunkeeperAuthenticator(new RunkeeperClientOptions { TokenStore = store });
/// await auth.StoreAccessTokenAsync(Environment.GetEnvironmentVariable("RUNKEEPER_TOKEN")!);
/// </code>
/// </example>
public sealed class RunkeeperAuthenticator : IDisposable
{
    /// <summary>The redirect path <see cref="LoginWithBrowserAsync"/> listens on.</summary>
    public const string LoopbackPath = "/runkeeper/authorized";

    private static readonly TimeSpan DefaultLoginTimeout = TimeSpan.FromMinutes(5);

    private readonly RunkeeperClientOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>Creates the authenticator.</summary>
    /// <param name="options">The options; the client id and secret are needed only for the code exchange.</param>
    /// <param name="httpClient">The client for the OAuth pages; one over <see cref="FitnessClientOptions.PrimaryHandler"/> when omitted.</param>
    public RunkeeperAuthenticator(RunkeeperClientOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient(
            options.PrimaryHandler is { } handler ? new NonDisposingHandler(handler) : new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = options.PooledConnectionLifetime },
            disposeHandler: true)
        {
            Timeout = ClientConnections.DefaultTokenRequestTimeout,
        };
    }

    /// <summary>The token endpoint (<c>https://runkeeper.com/apps/token</c>).</summary>
    public Uri TokenEndpoint => new(FitnessPipeline.WithTrailingSlash(_options.EffectiveOAuthBaseAddress), "token");

    /// <summary>The de-authorize endpoint (<c>https://runkeeper.com/apps/de-authorize</c>).</summary>
    public Uri DeauthorizeEndpoint => new(FitnessPipeline.WithTrailingSlash(_options.EffectiveOAuthBaseAddress), "de-authorize");

    /// <summary>
    /// Stores a bearer token the user already has (from an app they own, or copied from a partner integration), without
    /// an expiry and without a refresh token. Check it afterwards with <c>RunkeeperClient.User.GetAsync()</c>.
    /// </summary>
    /// <param name="accessToken">The token; a leading <c>Bearer </c> is removed.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>The stored token.</returns>
    /// <exception cref="ArgumentException">The token is empty or contains whitespace inside it.</exception>
    public async Task<OAuthToken> StoreAccessTokenAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accessToken);
        var value = accessToken.Trim();
        if (value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            value = value["Bearer ".Length..].Trim();
        }

        if (value.Length == 0 || value.Any(char.IsWhiteSpace) || value.Any(char.IsControl))
        {
            throw new ArgumentException("The Runkeeper access token must be one word without spaces (the value after 'Bearer ').", nameof(accessToken));
        }

        var token = new OAuthToken { AccessToken = value, TokenType = "Bearer" };
        await RequireStore().SaveAsync(_options.TokenKey, token, cancellationToken).ConfigureAwait(false);
        return token;
    }

    /// <summary>
    /// The page to send the user to (<c>https://runkeeper.com/apps/authorize?client_id=…&amp;response_type=code&amp;redirect_uri=…&amp;state=…</c>).
    /// Runkeeper has no scopes and no PKCE; the state is still sent and must be checked on the redirect.
    /// </summary>
    /// <param name="redirectUri">A redirect URI registered for the app.</param>
    /// <param name="state">The anti-forgery value; a random one when omitted.</param>
    /// <returns>The request; keep it for its <see cref="AuthorizationRequest.State"/>.</returns>
    public AuthorizationRequest CreateAuthorizationRequest(Uri redirectUri, string? state = null)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        return new AuthorizationRequest
        {
            AuthorizationEndpoint = new Uri(FitnessPipeline.WithTrailingSlash(_options.EffectiveOAuthBaseAddress), "authorize"),
            ClientId = RequireClientId(),
            RedirectUri = redirectUri,
            State = string.IsNullOrEmpty(state) ? AuthorizationRequest.CreateState() : state,
        };
    }

    /// <summary>
    /// Exchanges the redirect's code (<c>POST /apps/token</c>, form with <c>client_id</c>, <c>client_secret</c>,
    /// <c>code</c>, <c>redirect_uri</c>) and stores the never-expiring token.
    /// </summary>
    /// <param name="callback">The parsed redirect (its state already checked).</param>
    /// <param name="redirectUri">The redirect URI of the authorization request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stored token.</returns>
    /// <exception cref="AuthenticationRequiredException">Runkeeper refused the code or the app's credentials.</exception>
    public async Task<OAuthToken> ExchangeCodeAsync(AuthorizationCallback callback, Uri redirectUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(redirectUri);
        var secret = string.IsNullOrWhiteSpace(_options.ClientSecret)
            ? throw new InvalidOperationException("RunkeeperClientOptions.ClientSecret is needed for the code exchange (from the Health Graph app's settings).")
            : _options.ClientSecret;
        var client = new OAuth2TokenClient(_http, new OAuth2ClientCredentials(RequireClientId(), secret, ClientAuthenticationStyle.ClientSecretPost), TokenEndpoint, _options.TimeProvider)
        {
            ServiceName = RunkeeperErrorMapping.ServiceName,
        };
        var response = await client.ExchangeCodeAsync(callback.Code, redirectUri, cancellationToken: cancellationToken).ConfigureAwait(false);
        // Runkeeper sends neither expires_in nor refresh_token; a token without expiry is never refreshed by time.
        var token = response.ToToken(_options.TimeProvider.GetUtcNow()) with { ExpiresAt = null, RefreshToken = null };
        await RequireStore().SaveAsync(_options.TokenKey, token, cancellationToken).ConfigureAwait(false);
        return token;
    }

    /// <summary>
    /// Signs in with a browser on this machine: listens on 127.0.0.1, calls <paramref name="openBrowser"/> with
    /// Runkeeper's page, waits for the redirect and exchanges the code. The app's registered redirect URI must accept it.
    /// </summary>
    /// <param name="openBrowser">Opens the authorization page.</param>
    /// <param name="port">The loopback port the app's redirect URI names (0 picks a free one).</param>
    /// <param name="timeout">How long to wait for the user (default 5 minutes).</param>
    /// <param name="cancellationToken">Cancels the wait and the exchange.</param>
    /// <returns>The stored token.</returns>
    public async Task<OAuthToken> LoginWithBrowserAsync(Action<Uri> openBrowser, int port = 0, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(openBrowser);
        var listener = new LoopbackRedirectListener(port, LoopbackPath, _options.TimeProvider);
        await using (listener.ConfigureAwait(false))
        {
            var request = CreateAuthorizationRequest(listener.RedirectUri);
            openBrowser(request.BuildUri());
            var callback = await listener.WaitForCallbackAsync(request.State, timeout ?? DefaultLoginTimeout, cancellationToken).ConfigureAwait(false);
            return await ExchangeCodeAsync(callback, listener.RedirectUri, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Disconnects the app from the user's account (<c>POST /apps/de-authorize</c> with <c>access_token</c> in the form;
    /// 200 or 204 is success) and deletes the stored token. A 401 means the token was already dead: the local copy is
    /// deleted and <see langword="false"/> returned.
    /// </summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns><see langword="true"/> when Runkeeper confirmed; <see langword="false"/> when there was nothing to revoke.</returns>
    /// <exception cref="FitnessApiException">Runkeeper refused otherwise; the stored token is kept so the user can retry.</exception>
    public async Task<bool> DeauthorizeAsync(CancellationToken cancellationToken = default)
    {
        var store = RequireStore();
        if (await store.LoadAsync(_options.TokenKey, cancellationToken).ConfigureAwait(false) is not { } token)
        {
            return false;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, DeauthorizeEndpoint)
        {
            // In the body, never in the URL: a URL ends up in logs.
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("access_token", token.AccessToken)]),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            await store.DeleteAsync(_options.TokenKey, cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NoContent))
        {
            throw new FitnessApiException($"Runkeeper refused the de-authorization with {(int)response.StatusCode} {response.ReasonPhrase}; the stored token was kept so you can try again.")
            {
                Service = RunkeeperErrorMapping.ServiceName,
                RequestMethod = "POST",
                RequestUri = DeauthorizeEndpoint,
                StatusCode = response.StatusCode,
            };
        }

        await store.DeleteAsync(_options.TokenKey, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private ITokenStore RequireStore() =>
        _options.TokenStore ?? throw new InvalidOperationException("RunkeeperClientOptions.TokenStore is not set; set it (e.g. a FileTokenStore) to keep the Runkeeper token.");

    private string RequireClientId() =>
        string.IsNullOrWhiteSpace(_options.ClientId)
            ? throw new InvalidOperationException("RunkeeperClientOptions.ClientId is needed for the OAuth flow (only owners of a registered Health Graph app have one; otherwise store an existing token or read the data export).")
            : _options.ClientId.Trim();
}

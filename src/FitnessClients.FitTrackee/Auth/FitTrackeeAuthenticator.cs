using System.Net;
using FitnessClients.Core;
using FitnessClients.Core.Http;
using FitnessClients.Core.OAuth;
using FitnessClients.Core.Tokens;
using FitnessClients.FitTrackee.Http;
using Microsoft.Extensions.Logging;

namespace FitnessClients.FitTrackee.Auth;

/// <summary>
/// Signs a user in to a FitTrackee instance with OAuth2 and PKCE (S256): in a browser on this machine when the app's
/// redirect URI is a loopback address, or by pasting the address the browser ended on. Stores the token, and revokes it.
/// </summary>
/// <remarks>
/// <para>
/// FitTrackee sends the browser to the app's <b>first</b> registered redirect URI whatever the authorization request
/// says, so <see cref="FitTrackeeClientOptions.RedirectUri"/> must be that URI. The code is exchanged at
/// <c>/api/oauth/token</c> with the client id and secret in the form body (<c>client_secret_post</c>, the only method
/// FitTrackee accepts).
/// </para>
/// <para>
/// Access tokens last 10 days; each refresh returns a new refresh token and kills the old one, and an unused refresh
/// token lapses after 20 days. <see cref="CreateTokenManager"/> saves every rotated token before using it; a lapsed one
/// is reported as <see cref="AuthenticationRequiredException"/> asking to sign in again.
/// </para>
/// </remarks>
/// <example><code>
/// using var auth = new FitTrackeeAuthenticator(options);
/// var token = await auth.LoginWithBrowserAsync(uri => Process.Start(new ProcessStartInfo(uri.AbsoluteUri) { UseShellExecute = true }));
/// </code></example>
public sealed class FitTrackeeAuthenticator : IDisposable
{
    private static readonly TimeSpan DefaultLoginTimeout = TimeSpan.FromMinutes(5);

    private readonly FitTrackeeClientOptions _options;
    private readonly ClientConnections _connections;
    private readonly OAuth2TokenClient _tokenClient;

    /// <summary>Checks the instance address and the app credentials now, before the user is sent anywhere.</summary>
    /// <param name="options">The options; BaseAddress, ClientId and ClientSecret are required.</param>
    /// <exception cref="ArgumentException">A required value is missing, or the address is plain http:// to another machine.</exception>
    public FitTrackeeAuthenticator(FitTrackeeClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BaseAddress is null)
        {
            throw new ArgumentException("FitTrackeeClientOptions.BaseAddress is required: your instance's address, e.g. https://fittrackee.example.org/.", nameof(options));
        }

        _options = options;
        _connections = new ClientConnections(options);
        try
        {
            _tokenClient = FitTrackeePipeline.CreateTokenClient(options, _connections.TokenHttpClient);
        }
        catch
        {
            _connections.Dispose();
            throw;
        }
    }

    /// <summary>Where codes and refresh tokens are exchanged.</summary>
    public Uri TokenEndpoint => _options.TokenEndpoint;

    /// <summary>
    /// Starts a sign-in: the authorization URL (<c>/profile/apps/authorize</c> with <c>response_type=code</c>, the client id,
    /// the scopes, a random <c>state</c> and an S256 PKCE challenge) and the values needed to finish it.
    /// </summary>
    /// <param name="scopes">The scopes; <see cref="FitTrackeeClientOptions.Scopes"/> when <see langword="null"/>. Always sent: without <c>scope</c> FitTrackee grants none.</param>
    public FitTrackeePendingLogin BeginLogin(IEnumerable<string>? scopes = null)
    {
        var list = (scopes ?? _options.Scopes).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException($"FitTrackee needs at least one scope; backup and upload want {string.Join(" ", FitTrackeeScopes.Default)}.", nameof(scopes));
        }

        var pkce = PkceCodes.Create();
        var request = new AuthorizationRequest
        {
            AuthorizationEndpoint = _options.AuthorizationEndpoint,
            ClientId = _options.ClientId!.Trim(),
            // FitTrackee's page ignores it and uses the first registered URI; sent anyway for the record.
            RedirectUri = _options.RedirectUri,
            Scopes = list,
            ScopeSeparator = " ",
            Pkce = pkce,
        };
        return new FitTrackeePendingLogin(request.BuildUri(), request.State, pkce.Verifier);
    }

    /// <summary>
    /// Finishes a sign-in from the address the browser ended on (it may fail to load: only its query matters). Checks
    /// the state, exchanges the code with the PKCE verifier and stores the token.
    /// </summary>
    /// <exception cref="OAuthCallbackException">The paste is not a redirect, access was denied, or the state does not match.</exception>
    /// <exception cref="AuthenticationRequiredException">The code was refused (expired after 5 minutes, or used).</exception>
    public Task<OAuthToken> CompleteLoginAsync(FitTrackeePendingLogin pending, string pastedRedirectUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(pastedRedirectUrl);
        var callback = AuthorizationCallback.ParseRedirectUrl(pastedRedirectUrl, pending.State);
        return ExchangeCodeAsync(callback, pending.CodeVerifier, cancellationToken);
    }

    /// <summary>Exchanges a redirect's code (with its PKCE verifier) and stores the token under <see cref="FitnessClientOptions.TokenKey"/> when a store is set.</summary>
    public async Task<OAuthToken> ExchangeCodeAsync(AuthorizationCallback callback, string codeVerifier, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentException.ThrowIfNullOrWhiteSpace(codeVerifier);
        var sentAt = _options.TimeProvider.GetUtcNow();
        // redirect_uri is not sent: FitTrackee's stored code has none, and the one used was the first registered URI anyway.
        var response = await _tokenClient.ExchangeCodeAsync(callback.Code, redirectUri: null, codeVerifier, cancellationToken).ConfigureAwait(false);
        var token = FitTrackeeTokenRefresher.Stamp(response.ToToken(sentAt, callback.Scopes), sentAt);
        if (_options.TokenStore is { } store)
        {
            await store.SaveAsync(_options.TokenKey, token, cancellationToken).ConfigureAwait(false);
        }

        return token;
    }

    /// <summary>
    /// Signs in with a browser on this machine: listens on the port and path of
    /// <see cref="FitTrackeeClientOptions.RedirectUri"/> (which must be <c>http://127.0.0.1:PORT/…</c> or
    /// <c>http://localhost:PORT/…</c> and the app's first registered URI), opens the authorization page with
    /// <paramref name="openBrowser"/>, waits for the redirect and exchanges the code.
    /// </summary>
    /// <exception cref="InvalidOperationException">The redirect URI is not a loopback address with a port; use <see cref="BeginLogin"/> and <see cref="CompleteLoginAsync"/>.</exception>
    public async Task<OAuthToken> LoginWithBrowserAsync(Action<Uri> openBrowser, IEnumerable<string>? scopes = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(openBrowser);
        var redirect = _options.RedirectUri;
        if (redirect is null || !redirect.IsLoopback || redirect.Scheme != Uri.UriSchemeHttp || redirect.IsDefaultPort)
        {
            throw new InvalidOperationException(
                "A browser sign-in on this machine needs FitTrackeeClientOptions.RedirectUri to be the app's first registered redirect URI " +
                "and a loopback address with a port, e.g. http://127.0.0.1:8765/callback. Otherwise use the paste sign-in (BeginLogin, then CompleteLoginAsync).");
        }

        var listener = new LoopbackRedirectListener(redirect.Port, redirect.AbsolutePath, _options.TimeProvider);
        await using (listener.ConfigureAwait(false))
        {
            var pending = BeginLogin(scopes);
            openBrowser(pending.AuthorizationUrl);
            var callback = await listener.WaitForCallbackAsync(pending.State, timeout ?? DefaultLoginTimeout, cancellationToken).ConfigureAwait(false);
            return await ExchangeCodeAsync(callback, pending.CodeVerifier, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A token manager over the options' store and key that refreshes at FitTrackee and saves each rotated token before use.</summary>
    /// <exception cref="InvalidOperationException">No token store is configured.</exception>
    public TokenManager CreateTokenManager() =>
        new(
            RequireStore(),
            _options.TokenKey,
            new FitTrackeeTokenRefresher(_tokenClient),
            new TokenManagerOptions { RefreshMargin = _options.TokenRefreshMargin, SignInHint = FitTrackeeErrorMapping.SignInHint, Service = FitTrackeeErrorMapping.ServiceName },
            _options.TimeProvider,
            _options.LoggerFactory?.CreateLogger<TokenManager>());

    /// <summary>
    /// Revokes the stored token at the instance (<c>POST /api/oauth/revoke</c>; this kills the access and refresh token
    /// together) and deletes it locally. Returns <see langword="false"/> when nothing was stored. A refusal other than
    /// "already invalid" keeps the local copy so the revocation can be tried again.
    /// </summary>
    public async Task<bool> RevokeAsync(CancellationToken cancellationToken = default)
    {
        var store = RequireStore();
        var token = await store.LoadAsync(_options.TokenKey, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return false;
        }

        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["client_id"] = _tokenClient.Credentials.ClientId,
            ["client_secret"] = _tokenClient.Credentials.ClientSecret!,
            ["token"] = token.RefreshToken ?? token.AccessToken,
            ["token_type_hint"] = token.RefreshToken is null ? "access_token" : "refresh_token",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.RevocationEndpoint) { Content = new FormUrlEncodedContent(form) };
        using var response = await _connections.TokenHttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode && response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized))
        {
            throw new FitnessApiException($"FitTrackee refused the revocation with {(int)response.StatusCode} {response.ReasonPhrase}; the stored token was kept so you can try again.")
            {
                Service = FitTrackeeErrorMapping.ServiceName,
                RequestMethod = "POST",
                RequestUri = _options.RevocationEndpoint,
                StatusCode = response.StatusCode,
            };
        }

        await store.DeleteAsync(_options.TokenKey, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _connections.Dispose();

    private ITokenStore RequireStore() =>
        _options.TokenStore ?? throw new InvalidOperationException("FitTrackeeClientOptions.TokenStore is not set; set it (e.g. a FileTokenStore) to keep the FitTrackee sign-in.");
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FitnessClients.Core;
using FitnessClients.Core.OAuth;
using FitnessClients.Core.Tokens;
using Microsoft.Extensions.Logging;

namespace FitnessClients.Strava.Auth;

/// <summary>
/// Signs an athlete in to Strava (browser on this machine, or copy-paste on a headless one), stores the token with the
/// scopes the athlete actually granted, and revokes the app's access. Refreshing is Core's
/// <see cref="OAuth2TokenRefresher"/> with the client secret in the form body; <see cref="CreateTokenManager"/> wires it.
/// </summary>
/// <example><code>
/// using var auth = new StravaAuthenticator(options);
/// var token = await auth.LoginWithBrowserAsync(uri => Process.Start(new ProcessStartInfo(uri.AbsoluteUri) { UseShellExecute = true }), StravaScopes.Backup);
/// </code></example>
public sealed class StravaAuthenticator : IDisposable
{
    /// <summary>The redirect path used by <see cref="LoginWithBrowserAsync"/>; Strava only checks the domain.</summary>
    public const string LoopbackPath = "/strava/authorized";

    private static readonly TimeSpan DefaultLoginTimeout = TimeSpan.FromMinutes(5);

    private readonly StravaClientOptions _options;
    private readonly HttpClient _http;
    private readonly OAuth2TokenClient _tokenClient;

    /// <summary>Checks the app credentials now, so a missing one is reported before the athlete is sent to Strava.</summary>
    /// <exception cref="ArgumentException">The client id or secret is missing, or the client id is not Strava's numeric id.</exception>
    public StravaAuthenticator(StravaClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            throw new ArgumentException("StravaClientOptions.ClientId is not set. Create an API application at https://www.strava.com/settings/api and copy its Client ID.", nameof(options));
        }

        if (!long.TryParse(options.ClientId.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new ArgumentException("StravaClientOptions.ClientId must be the numeric Client ID shown at https://www.strava.com/settings/api (did you paste the client secret there?).", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            throw new ArgumentException("StravaClientOptions.ClientSecret is not set. Copy the Client Secret from https://www.strava.com/settings/api.", nameof(options));
        }

        _options = options;
        _http = StravaAuthHttp.Create(options);
        TokenEndpoint = new Uri(options.EffectiveOAuthBaseAddress, "token");
        _tokenClient = new OAuth2TokenClient(
            _http,
            new OAuth2ClientCredentials(options.ClientId.Trim(), options.ClientSecret, ClientAuthenticationStyle.ClientSecretPost),
            TokenEndpoint,
            options.TimeProvider)
        {
            ServiceName = StravaAuthHttp.ServiceName,
        };
    }

    /// <summary>Where codes and refresh tokens are exchanged (<c>{oauth}/token</c>).</summary>
    public Uri TokenEndpoint { get; }

    /// <summary>
    /// The request to send the athlete to. Strava wants comma-separated scopes, which Core's request joins with the
    /// separator set here. <paramref name="redirectUri"/> must be on the app's "Authorization Callback Domain"
    /// (<c>localhost</c> and <c>127.0.0.1</c> are always allowed).
    /// </summary>
    public AuthorizationRequest CreateAuthorizationRequest(Uri redirectUri, IEnumerable<string> scopes, StravaApprovalPrompt approvalPrompt = StravaApprovalPrompt.Auto, string? state = null)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        ArgumentNullException.ThrowIfNull(scopes);
        var list = scopes.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException($"Strava needs at least one scope; a backup wants {string.Join(",", StravaScopes.Backup)}.", nameof(scopes));
        }

        return new AuthorizationRequest
        {
            AuthorizationEndpoint = new Uri(_options.EffectiveOAuthBaseAddress, "authorize"),
            ClientId = _options.ClientId!.Trim(),
            RedirectUri = redirectUri,
            Scopes = list,
            ScopeSeparator = ",",
            State = string.IsNullOrEmpty(state) ? AuthorizationRequest.CreateState() : state,
            ExtraParameters = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["approval_prompt"] = approvalPrompt == StravaApprovalPrompt.Force ? "force" : "auto",
            },
        };
    }

    /// <summary>
    /// Exchanges the redirect's one-time code, stores the token under <see cref="FitnessClientOptions.TokenKey"/> (when a
    /// store is set) and returns it. The token's scopes are the ones on the redirect, because Strava's token response
    /// carries none and the athlete may have unticked some.
    /// </summary>
    public async Task<OAuthToken> ExchangeCodeAsync(AuthorizationCallback callback, Uri redirectUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(redirectUri);
        var sentAt = _options.TimeProvider.GetUtcNow();
        var response = await _tokenClient.ExchangeCodeAsync(callback.Code, redirectUri, cancellationToken: cancellationToken).ConfigureAwait(false);
        var token = response.ToToken(sentAt, callback.Scopes);
        token = token with { Extras = token.Extras.SetItems(AthleteExtras(response.Raw)) };
        if (_options.TokenStore is { } store)
        {
            await store.SaveAsync(_options.TokenKey, token, cancellationToken).ConfigureAwait(false);
        }

        return token;
    }

    /// <summary>
    /// Signs in with a browser on this machine: listens on a random port of 127.0.0.1, calls
    /// <paramref name="openBrowser"/> with Strava's page, waits for the redirect and exchanges the code.
    /// </summary>
    public async Task<OAuthToken> LoginWithBrowserAsync(
        Action<Uri> openBrowser,
        IEnumerable<string> scopes,
        TimeSpan? timeout = null,
        StravaApprovalPrompt approvalPrompt = StravaApprovalPrompt.Auto,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(openBrowser);
        var listener = new LoopbackRedirectListener(0, LoopbackPath, _options.TimeProvider);
        await using (listener.ConfigureAwait(false))
        {
            var request = CreateAuthorizationRequest(listener.RedirectUri, scopes, approvalPrompt);
            openBrowser(request.BuildUri());
            var callback = await listener.WaitForCallbackAsync(request.State, timeout ?? DefaultLoginTimeout, cancellationToken).ConfigureAwait(false);
            return await ExchangeCodeAsync(callback, listener.RedirectUri, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Step one of the headless sign-in: the address to show the athlete. The redirect goes to
    /// <paramref name="redirectUri"/> (default <c>http://localhost/</c>), which fails to load in the browser; the athlete
    /// copies the address it shows and passes it to <see cref="LoginWithPastedUrlAsync"/> together with this URL.
    /// </summary>
    public Uri CreateHeadlessAuthorizationUrl(IEnumerable<string> scopes, Uri? redirectUri = null, StravaApprovalPrompt approvalPrompt = StravaApprovalPrompt.Auto) =>
        CreateAuthorizationRequest(redirectUri ?? new Uri("http://localhost/"), scopes, approvalPrompt).BuildUri();

    /// <summary>
    /// Step two of the headless sign-in: checks the pasted address's state against the one in
    /// <paramref name="authorizeUrlShown"/> (so the two steps can run in different processes) and exchanges its code.
    /// </summary>
    /// <exception cref="OAuthCallbackException">The paste is not a redirect, the athlete denied access, or the state does not match.</exception>
    public Task<OAuthToken> LoginWithPastedUrlAsync(Uri authorizeUrlShown, string pastedRedirectUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(authorizeUrlShown);
        ArgumentNullException.ThrowIfNull(pastedRedirectUrl);
        var state = UriQuery.Get(authorizeUrlShown, "state");
        var redirect = UriQuery.Get(authorizeUrlShown, "redirect_uri");
        if (string.IsNullOrEmpty(state) || string.IsNullOrEmpty(redirect) || !Uri.TryCreate(redirect, UriKind.Absolute, out var redirectUri))
        {
            throw new ArgumentException("The authorization address must be the one this authenticator built: it needs its state and redirect_uri parameters.", nameof(authorizeUrlShown));
        }

        var callback = AuthorizationCallback.ParseRedirectUrl(pastedRedirectUrl, state);
        return ExchangeCodeAsync(callback, redirectUri, cancellationToken);
    }

    /// <summary>Core's refresher configured for Strava (client id and secret in the form body); it keeps the stored scopes and extras.</summary>
    public ITokenRefresher CreateTokenRefresher() => new OAuth2TokenRefresher(_tokenClient);

    /// <summary>A token manager over the options' store and key: refreshes early, single-flight, saving a rotated refresh token before use.</summary>
    /// <exception cref="InvalidOperationException">No token store is configured.</exception>
    public TokenManager CreateTokenManager() =>
        new(
            RequireStore(),
            _options.TokenKey,
            CreateTokenRefresher(),
            new TokenManagerOptions
            {
                RefreshMargin = _options.TokenRefreshMargin,
                SignInHint = "Run `fitness strava login` to sign in to Strava again.",
                Service = StravaAuthHttp.ServiceName,
            },
            _options.TimeProvider,
            _options.LoggerFactory?.CreateLogger<TokenManager>());

    /// <summary>
    /// Revokes the app's access for the signed-in athlete (<c>POST {oauth}/deauthorize</c>, which invalidates every
    /// access and refresh token the app holds for them) and deletes the stored token. Returns <see langword="false"/>
    /// when there was no stored token, or it was already unusable; the local copy is deleted either way.
    /// </summary>
    public async Task<bool> DeauthorizeAsync(CancellationToken cancellationToken = default)
    {
        var store = RequireStore();
        if (await store.LoadAsync(_options.TokenKey, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        OAuthToken token;
        try
        {
            token = await CreateTokenManager().GetTokenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AuthenticationRequiredException)
        {
            await store.DeleteAsync(_options.TokenKey, cancellationToken).ConfigureAwait(false);
            return false;
        }

        var endpoint = new Uri(_options.EffectiveOAuthBaseAddress, "deauthorize");
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        // The doc names a query parameter, but a URL ends up in logs; Strava accepts the Bearer header.
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            await store.DeleteAsync(_options.TokenKey, cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new FitnessApiException($"Strava refused the deauthorization with {(int)response.StatusCode} {response.ReasonPhrase}; the stored token was kept so you can try again.")
            {
                Service = StravaAuthHttp.ServiceName,
                RequestMethod = "POST",
                RequestUri = endpoint,
                StatusCode = response.StatusCode,
            };
        }

        await store.DeleteAsync(_options.TokenKey, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private ITokenStore RequireStore() =>
        _options.TokenStore ?? throw new InvalidOperationException("StravaClientOptions.TokenStore is not set; set it (e.g. a FileTokenStore) to keep the Strava sign-in.");

    private static Dictionary<string, string> AthleteExtras(JsonElement raw)
    {
        var extras = new Dictionary<string, string>(StringComparer.Ordinal);
        if (raw.ValueKind != JsonValueKind.Object || !raw.TryGetProperty("athlete", out var athlete) || athlete.ValueKind != JsonValueKind.Object)
        {
            return extras;
        }

        if (athlete.TryGetProperty("id", out var id))
        {
            if (id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var number))
            {
                extras[StravaTokenExtras.AthleteId] = number.ToString(CultureInfo.InvariantCulture);
            }
            else if (id.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(id.GetString()))
            {
                extras[StravaTokenExtras.AthleteId] = id.GetString()!.Trim();
            }
        }

        AddString(extras, athlete, "firstname", StravaTokenExtras.AthleteFirstName);
        AddString(extras, athlete, "lastname", StravaTokenExtras.AthleteLastName);
        return extras;
    }

    private static void AddString(Dictionary<string, string> extras, JsonElement athlete, string property, string key)
    {
        if (athlete.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            extras[key] = value.GetString()!;
        }
    }
}

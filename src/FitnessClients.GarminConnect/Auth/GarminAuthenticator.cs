using System.Net;
using System.Net.Http.Headers;
using FitnessClients.Core;
using FitnessClients.Core.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FitnessClients.GarminConnect.Auth;

/// <summary>
/// Gets a Garmin Connect token into the token store, by whichever route works for the user: a service ticket
/// copied from a browser, tokens saved by python-garminconnect or garth, or (best effort) a password login with
/// MFA. Every route ends the same way: the token is optionally checked against the data API and saved under
/// <see cref="FitnessClientOptions.TokenKey"/>, where <c>GarminConnectClient</c> picks it up and keeps it refreshed.
/// </summary>
/// <remarks>
/// <para>
/// Sign in once and reuse the stored token: it refreshes itself for about a month (DI tokens) or a year (garth
/// sessions with the consumer credentials). Logging in from a scheduled job gets accounts throttled for hours and,
/// with MFA, cannot work unattended.
/// </para>
/// <para>
/// Password logins are blocked for most .NET clients since March 2026 (Cloudflare TLS fingerprinting): expect
/// <see cref="GarminLoginBlockedException"/> or <see cref="RateLimitExceededException"/>, neither of which is
/// retried. Tickets, tokens, passwords and codes never appear in logs or exception messages.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var options = new GarminConnectClientOptions { TokenStore = new FileTokenStore("~/.config/fitnessclients/tokens"), TokenKey = "garmin-jane" };
/// using var auth = new GarminAuthenticator(options);
/// await auth.LoginWithTicketAsync(ticketCopiedFromTheBrowser);
/// </code>
/// </example>
public sealed partial class GarminAuthenticator : IDisposable
{
    private const string ProfilePath = "userprofile-service/socialProfile";

    private readonly GarminConnectClientOptions _options;
    private readonly GarminAuthenticatorOptions _authOptions;
    private readonly ITokenStore _store;
    private readonly HttpClient _apiClient;
    private readonly GarminServiceTicketExchanger _exchanger;
    private readonly GarminTokenRefresher _refresher;
    private readonly ILogger _logger;

    /// <summary>Creates the authenticator.</summary>
    /// <param name="options">
    /// The Garmin client options: <see cref="FitnessClientOptions.TokenStore"/> (required) and
    /// <see cref="FitnessClientOptions.TokenKey"/>, <see cref="GarminConnectClientOptions.Domain"/> and the endpoint
    /// overrides, <see cref="FitnessClientOptions.TimeProvider"/>, <see cref="FitnessClientOptions.PrimaryHandler"/>
    /// and <see cref="FitnessClientOptions.LoggerFactory"/>.
    /// </param>
    /// <param name="authOptions">Sign-in settings; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The options have no token store.</exception>
    public GarminAuthenticator(GarminConnectClientOptions options, GarminAuthenticatorOptions? authOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = options.TokenStore ?? throw new ArgumentException("Set options.TokenStore (e.g. a FileTokenStore) so the token can be kept between runs.", nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.TokenKey);
        _options = options;
        _authOptions = authOptions ?? new GarminAuthenticatorOptions();
        _authOptions.OAuth1Consumer ??= options.OAuth1Consumer;
        _ = _authOptions.GetServiceUrl(options.Domain); // validates the domain early
        _logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("FitnessClients.GarminConnect.Auth");
        _apiClient = GarminAuthHttp.CreateApiClient(options);
        _exchanger = new GarminServiceTicketExchanger(_apiClient, options.EffectiveDiAuthTokenEndpoint, _authOptions.DiClientIds, options.TimeProvider, _logger);
        _refresher = new GarminTokenRefresher(_apiClient, options.EffectiveDiAuthTokenEndpoint, options.EffectiveBaseAddress, _authOptions.OAuth1Consumer, options.TimeProvider);
    }

    /// <summary>
    /// Exchanges a service ticket (<c>ST-…</c>) for a DI token and stores it. The ticket comes from the
    /// <c>serviceTicketId</c> of the SSO login response in a browser's developer tools; it expires within seconds,
    /// so call this right after copying it.
    /// </summary>
    /// <param name="ticket">The service ticket.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>The stored token.</returns>
    /// <exception cref="ArgumentException">The text is not a service ticket (the message does not repeat it).</exception>
    /// <exception cref="AuthenticationRequiredException">Every DI client id was refused: the ticket is spent or expired, or the service URL does not match.</exception>
    /// <exception cref="RateLimitExceededException">diauth answered 429; not retried.</exception>
    public async Task<OAuthToken> LoginWithTicketAsync(string ticket, CancellationToken cancellationToken = default)
    {
        var normalized = ServiceTicket.Normalize(ticket, nameof(ticket));
        var token = await _exchanger.ExchangeAsync(normalized, _authOptions.GetServiceUrl(_options.Domain), cancellationToken).ConfigureAwait(false);
        return await StoreAsync(token, "service_ticket", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Imports the DI tokens python-garminconnect saved and stores them. An expired access token is refreshed
    /// first. Note that DI refresh tokens rotate: once this SDK refreshes, the copy python-garminconnect holds is
    /// dead, so let one tool own the tokens.
    /// </summary>
    /// <param name="pathOrJson">
    /// What python-garminconnect's <c>GARMINTOKENS</c> accepts: a directory containing <c>garmin_tokens.json</c>
    /// (default <c>~/.garminconnect</c>), the path of a <c>.json</c> file, or the JSON itself.
    /// </param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>The stored token.</returns>
    /// <exception cref="FileNotFoundException">Nothing was found at the location.</exception>
    /// <exception cref="TokenStoreException">The file or JSON is not a python-garminconnect token file (its content is not shown).</exception>
    public async Task<OAuthToken> ImportGarminConnectTokensAsync(string pathOrJson, CancellationToken cancellationToken = default)
    {
        var token = await GarminConnectTokenFile.LoadAsync(pathOrJson, cancellationToken).ConfigureAwait(false);
        if (token.ExpiresWithin(_options.TimeProvider.GetUtcNow(), _options.TokenRefreshMargin))
        {
            LogRefreshingImport(_logger, "python-garminconnect");
            token = await _refresher.RefreshAsync(token, cancellationToken).ConfigureAwait(false);
        }

        return await StoreAsync(token, "garminconnect_import", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Imports a garth session and stores its OAuth2 token together with the OAuth1 credentials, so that a later
    /// refresh can re-exchange them (when <see cref="GarminAuthenticatorOptions.OAuth1Consumer"/> is set). An
    /// expired OAuth2 token is re-exchanged right away if the consumer credentials are known.
    /// </summary>
    /// <param name="folderOrBase64">The session folder (<c>~/.garth</c>, <c>GARTH_HOME</c>) or the <c>GARTH_TOKEN</c> value.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>The stored token.</returns>
    /// <exception cref="DirectoryNotFoundException">Neither a folder nor a <c>GARTH_TOKEN</c> value.</exception>
    /// <exception cref="TokenStoreException">The files or value are not a garth session (their content is not shown).</exception>
    /// <exception cref="ArgumentException">The session belongs to the other Garmin domain than the options'.</exception>
    /// <exception cref="AuthenticationRequiredException">The OAuth2 token has expired and no consumer credentials were given.</exception>
    public async Task<OAuthToken> ImportGarthSessionAsync(string folderOrBase64, CancellationToken cancellationToken = default)
    {
        var session = await GarthSession.LoadAsync(folderOrBase64, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(session.Domain, _options.Domain, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The garth session belongs to {session.Domain}, but the options say Domain = {_options.Domain}. Set GarminConnectClientOptions.Domain to {session.Domain} for this account.",
                nameof(folderOrBase64));
        }

        var token = session.OAuth2 ?? new OAuthToken { AccessToken = "none", ExpiresAt = DateTimeOffset.UnixEpoch, Extras = session.Extras };
        if (token.ExpiresWithin(_options.TimeProvider.GetUtcNow(), _options.TokenRefreshMargin))
        {
            if (_authOptions.OAuth1Consumer is null)
            {
                throw new AuthenticationRequiredException(
                    (session.OAuth2 is null ? "The garth session holds no OAuth2 token" : "The garth session's OAuth2 token has expired") +
                    ", and renewing it needs the Garmin Connect app's OAuth1 consumer key and secret (GarminAuthenticatorOptions.OAuth1Consumer; the SDK does not ship them). " +
                    "Supply them, run garth once so it renews the session and import it again, or sign in with a service ticket.")
                {
                    Service = GarminAuthHttp.ServiceName,
                    TokenKey = _options.TokenKey,
                };
            }

            LogRefreshingImport(_logger, "garth");
            token = await _refresher.RefreshAsync(token, cancellationToken).ConfigureAwait(false);
        }

        return await StoreAsync(token, "garth_import", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a password login over Garmin's SSO mobile API (best effort: Garmin blocks most scripted logins since
    /// March 2026). Without MFA the login finishes here and the token is stored; with MFA the result holds a
    /// <see cref="GarminMfaChallenge"/> to complete with <see cref="CompleteMfaAsync"/>.
    /// </summary>
    /// <param name="email">The Garmin account's email address.</param>
    /// <param name="password">The password; it is sent only in the login request body.</param>
    /// <param name="cancellationToken">Cancels the login.</param>
    /// <returns>The finished login, or the pending MFA step.</returns>
    /// <exception cref="AuthenticationRequiredException">Wrong email or password.</exception>
    /// <exception cref="RateLimitExceededException">Garmin is throttling logins (HTTP 429 or a Cloudflare "Access denied" page); wait hours, do not retry.</exception>
    /// <exception cref="GarminLoginBlockedException">A Cloudflare challenge, a CAPTCHA or another block; use a ticket or an import.</exception>
    public async Task<GarminLoginResult> StartLoginAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrEmpty(password);
        var serviceUrl = _authOptions.GetServiceUrl(_options.Domain);
        var session = new GarminSsoSession(_options, _authOptions.SsoClientId, serviceUrl);
        SsoOutcome outcome;
        try
        {
            outcome = await session.LoginAsync(email.Trim(), password, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            session.Dispose();
            throw;
        }

        if (outcome.IsMfaRequired)
        {
            LogMfaRequired(_logger, outcome.MfaMethod!);
            var expiresAt = _options.TimeProvider.GetUtcNow() + _authOptions.MfaTimeout;
            return GarminLoginResult.MfaRequired(new GarminMfaChallenge(session, outcome.MfaMethod!, outcome.MfaDestination, expiresAt));
        }

        session.Dispose();
        var token = await _exchanger.ExchangeAsync(outcome.Ticket!, serviceUrl, cancellationToken).ConfigureAwait(false);
        return GarminLoginResult.Completed(await StoreAsync(token, "sso", cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Finishes a login that needs MFA: sends the code on the challenge's SSO session, exchanges the resulting ticket
    /// and stores the token. A wrong code throws <see cref="GarminMfaCodeRejectedException"/> and leaves the challenge
    /// usable for another code.
    /// </summary>
    /// <param name="challenge">The pending step from <see cref="StartLoginAsync"/>.</param>
    /// <param name="code">The code Garmin sent (spaces are ignored).</param>
    /// <param name="cancellationToken">Cancels the step.</param>
    /// <returns>The stored token.</returns>
    /// <exception cref="GarminMfaCodeRejectedException">The code was not accepted; try again with the right one.</exception>
    /// <exception cref="AuthenticationRequiredException">The challenge expired; start the login again.</exception>
    /// <exception cref="InvalidOperationException">The challenge was already completed, or another completion is running.</exception>
    /// <exception cref="ObjectDisposedException">The challenge was disposed.</exception>
    public async Task<OAuthToken> CompleteMfaAsync(GarminMfaChallenge challenge, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var normalized = string.Concat((code ?? string.Empty).Where(c => !char.IsWhiteSpace(c)));
        if (normalized.Length == 0)
        {
            throw new ArgumentException("The MFA code is empty.", nameof(code));
        }

        ObjectDisposedException.ThrowIf(challenge.IsDisposed, challenge);
        if (challenge.IsCompleted)
        {
            throw new InvalidOperationException("This MFA challenge was already completed; its token is stored.");
        }

        if (_options.TimeProvider.GetUtcNow() >= challenge.ExpiresAt)
        {
            challenge.Dispose();
            throw new AuthenticationRequiredException(
                $"The MFA step expired (it lasts {(int)_authOptions.MfaTimeout.TotalMinutes} minutes). Start the login again, once: repeated logins get throttled.")
            {
                Service = GarminAuthHttp.ServiceName,
                TokenKey = _options.TokenKey,
            };
        }

        if (!challenge.TryBeginCompletion())
        {
            throw new InvalidOperationException("Another completion of this MFA challenge is running.");
        }

        var succeeded = false;
        try
        {
            var outcome = await challenge.Session.VerifyMfaAsync(challenge.MfaMethod, normalized, cancellationToken).ConfigureAwait(false);
            if (outcome.IsMfaRequired)
            {
                throw new GarminMfaCodeRejectedException("Garmin asked for an MFA code again; the code was not accepted. The login is still pending.") { Service = GarminAuthHttp.ServiceName };
            }

            // The SSO session has done its job: the ticket is all that is left, and it expires within seconds.
            succeeded = true;
            challenge.Dispose();
            var token = await _exchanger.ExchangeAsync(outcome.Ticket!, challenge.Session.ServiceUrl, cancellationToken).ConfigureAwait(false);
            return await StoreAsync(token, "sso", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            challenge.EndCompletion(succeeded);
        }
    }

    /// <summary>
    /// A password login in one call: <see cref="StartLoginAsync"/>, then, when Garmin wants MFA, codes from
    /// <paramref name="mfaCodeProvider"/> until one is accepted (at most <see cref="GarminAuthenticatorOptions.MaxMfaAttempts"/>).
    /// </summary>
    /// <param name="email">The Garmin account's email address.</param>
    /// <param name="password">The password.</param>
    /// <param name="mfaCodeProvider">Asks the user for the code Garmin sent (called again after a wrong code).</param>
    /// <param name="cancellationToken">Cancels the login.</param>
    /// <returns>The stored token.</returns>
    /// <example>
    /// <code>
    /// await auth.LoginAsync(email, password, ct => ValueTask.FromResult(Console.ReadLine() ?? ""), ct);
    /// </code>
    /// </example>
    public async Task<OAuthToken> LoginAsync(string email, string password, Func<CancellationToken, ValueTask<string>> mfaCodeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mfaCodeProvider);
        var result = await StartLoginAsync(email, password, cancellationToken).ConfigureAwait(false);
        if (!result.IsMfaRequired)
        {
            return result.Token!;
        }

        using var challenge = result.MfaChallenge!;
        for (var attempt = 1; ; attempt++)
        {
            var code = await mfaCodeProvider(cancellationToken).ConfigureAwait(false);
            try
            {
                return await CompleteMfaAsync(challenge, code, cancellationToken).ConfigureAwait(false);
            }
            catch (GarminMfaCodeRejectedException) when (attempt < _authOptions.MaxMfaAttempts)
            {
                LogMfaCodeRejected(_logger, attempt);
            }
        }
    }

    /// <summary>Deletes the stored token (Garmin has no revocation endpoint for these tokens; they expire on their own).</summary>
    /// <param name="cancellationToken">Cancels the deletion.</param>
    /// <returns>Whether a token was stored.</returns>
    public async Task<bool> LogoutAsync(CancellationToken cancellationToken = default)
    {
        var deleted = await _store.DeleteAsync(_options.TokenKey, cancellationToken).ConfigureAwait(false);
        LogLoggedOut(_logger, _options.TokenKey, deleted);
        return deleted;
    }

    /// <summary>Releases the HTTP client of the token calls (pending MFA challenges own their own sessions).</summary>
    public void Dispose()
    {
        _apiClient.Dispose();
        _refresher.Dispose();
    }

    private async Task<OAuthToken> StoreAsync(OAuthToken token, string source, CancellationToken cancellationToken)
    {
        var extras = token.Extras.SetItem(GarminTokenExtras.Domain, _options.Domain);
        if (!extras.ContainsKey(GarminTokenExtras.Source))
        {
            extras = extras.SetItem(GarminTokenExtras.Source, source);
        }

        token = token with { Extras = extras };
        if (_authOptions.VerifyToken)
        {
            await VerifyAsync(token, cancellationToken).ConfigureAwait(false);
        }

        await _store.SaveAsync(_options.TokenKey, token, cancellationToken).ConfigureAwait(false);
        LogStored(_logger, _options.TokenKey, source, token.ExpiresAt);
        return token;
    }

    // A 401/403 means Garmin issued a token its data API does not accept; storing it would only move the failure to
    // the first backup. Any other failure (throttling, an outage) says nothing about the token, which is stored.
    private async Task VerifyAsync(OAuthToken token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Core.Http.FitnessPipeline.WithTrailingSlash(_options.EffectiveBaseAddress), ProfilePath));
        request.Headers.Authorization = new AuthenticationHeaderValue(token.TokenType, token.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            response = await _apiClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (FitnessApiException ex)
        {
            LogVerificationSkipped(_logger, ex.GetType().Name);
            return;
        }

        using (response)
        {
            if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
            {
                if (!response.IsSuccessStatusCode)
                {
                    LogVerificationSkipped(_logger, $"HTTP {(int)response.StatusCode}");
                }

                return;
            }

            var info = await ErrorResponseReader.ReadAsync(response, new ErrorMappingOptions { ServiceName = GarminAuthHttp.ServiceName }, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            if (info.IsCloudflareChallenge)
            {
                LogVerificationSkipped(_logger, "Cloudflare challenge");
                return;
            }

            var reason = response.Headers.WwwAuthenticate.Select(h => h.Parameter).FirstOrDefault(p => p?.Contains("not active", StringComparison.OrdinalIgnoreCase) == true) is null
                ? string.Empty
                : " (\"Token is not active\")";
            throw new AuthenticationRequiredException(
                $"Garmin issued a token, but its data API refused it (HTTP {(int)response.StatusCode}{reason}). The token was not stored. " +
                "This has happened for some accounts and regions; check GarminConnectClientOptions.Domain (garmin.cn for Chinese accounts), then sign in again or try another route.")
            {
                Service = info.Service, StatusCode = info.StatusCode, RequestMethod = info.RequestMethod, RequestUri = info.RequestUri,
                ResponseExcerpt = info.ResponseExcerpt, ErrorCode = info.ErrorCode, TokenKey = _options.TokenKey,
            };
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Garmin token stored under key {TokenKey} (source {Source}, expires {ExpiresAt})")]
    private static partial void LogStored(ILogger logger, string tokenKey, string source, DateTimeOffset? expiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "The imported {Tool} token has expired; renewing it before storing")]
    private static partial void LogRefreshingImport(ILogger logger, string tool);

    [LoggerMessage(Level = LogLevel.Information, Message = "Garmin asks for an MFA code (sent by {Method})")]
    private static partial void LogMfaRequired(ILogger logger, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Garmin did not accept MFA code attempt {Attempt}; asking again")]
    private static partial void LogMfaCodeRejected(ILogger logger, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The new Garmin token could not be checked against the data API ({Reason}); storing it anyway")]
    private static partial void LogVerificationSkipped(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Garmin token under key {TokenKey} deleted: {Deleted}")]
    private static partial void LogLoggedOut(ILogger logger, string tokenKey, bool deleted);
}

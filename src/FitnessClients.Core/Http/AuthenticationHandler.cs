using System.Net;
using System.Net.Http.Headers;
using FitnessClients.Core.Tokens;

namespace FitnessClients.Core.Http;

/// <summary>
/// Puts the account's access token on each request and, when the service answers 401, refreshes the token once
/// and sends the request once more. A second 401 is returned as it is, for the error mapping to turn into an
/// <see cref="AuthenticationRequiredException"/>.
/// </summary>
/// <remarks>
/// A request body is buffered before the first attempt so it can be sent again byte for byte; the retry goes
/// out as a copy of the request, because a request message can only be sent once. Set
/// <see cref="FitnessRequestOptions.SkipAuthentication"/> on requests that must go out without a token.
/// </remarks>
/// <example>
/// <code>
/// var handler = new AuthenticationHandler(tokenManager) { InnerHandler = new SocketsHttpHandler() };
/// using var http = new HttpClient(handler) { BaseAddress = new Uri("https://www.strava.com/api/v3/") };
/// </code>
/// </example>
public class AuthenticationHandler : DelegatingHandler
{
    private readonly TokenManager _tokens;

    /// <summary>Creates the handler.</summary>
    /// <param name="tokens">Supplies and refreshes the account's token.</param>
    public AuthenticationHandler(TokenManager tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _tokens = tokens;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Options.TryGetValue(FitnessRequestOptions.SkipAuthentication, out var skip) && skip)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        await HttpRequestReplay.EnsureBufferedAsync(request, cancellationToken).ConfigureAwait(false);

        request.Headers.Authorization = new AuthenticationHeaderValue(token.TokenType, token.AccessToken);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        var replacement = await _tokens.RefreshAfterRejectionAsync(token, cancellationToken).ConfigureAwait(false);
        var retry = await HttpRequestReplay.CloneAsync(request, cancellationToken).ConfigureAwait(false);
        retry.Headers.Authorization = new AuthenticationHeaderValue(replacement.TokenType, replacement.AccessToken);
        return await base.SendAsync(retry, cancellationToken).ConfigureAwait(false);
    }
}

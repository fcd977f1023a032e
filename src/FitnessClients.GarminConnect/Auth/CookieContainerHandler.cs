using System.Net;

namespace FitnessClients.GarminConnect.Auth;

/// <summary>
/// Keeps the SSO session's cookies itself: stores every <c>Set-Cookie</c> of a response in a
/// <see cref="CookieContainer"/> and sends the matching <c>Cookie</c> header with the next request.
/// </summary>
/// <remarks>
/// The MFA step only works when the cookies the login response set come back with <c>verifyCode</c>. Relying on
/// the primary handler's cookie engine would fail in two cases: an emulator's in-process handler or a test
/// handler has no cookie engine at all, and a handler shared with other clients would mix the cookies of
/// different logins. One container per login, applied here, works with any primary handler and dies with the
/// login. (A primary handler with its own cookie engine should have <c>UseCookies = false</c>.)
/// </remarks>
internal sealed class CookieContainerHandler : DelegatingHandler
{
    public CookieContainerHandler(CookieContainer cookies)
    {
        Cookies = cookies;
    }

    public CookieContainer Cookies { get; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var header = Cookies.GetCookieHeader(uri);
        if (header.Length > 0)
        {
            request.Headers.Remove("Cookie");
            request.Headers.TryAddWithoutValidation("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
            {
                try
                {
                    Cookies.SetCookies(uri, value);
                }
                catch (CookieException)
                {
                    // A malformed or foreign-domain cookie is dropped, as a browser would; the value is not logged.
                }
            }
        }

        return response;
    }
}

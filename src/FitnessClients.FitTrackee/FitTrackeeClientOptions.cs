using FitnessClients.Core;

namespace FitnessClients.FitTrackee;

/// <summary>
/// Options of <c>FitTrackeeClient</c> and <c>FitTrackeeAuthenticator</c>. FitTrackee is self-hosted, so
/// <see cref="FitnessClientOptions.BaseAddress"/> (the instance's root, e.g. <c>https://fittrackee.example.org/</c>)
/// is required; there is no public default.
/// </summary>
/// <remarks>
/// Plain <c>http://</c> is refused unless the host is this machine or
/// <see cref="FitnessClientOptions.AllowInsecureHttp"/> is set; a certificate from a private CA is trusted with
/// <see cref="FitnessClientOptions.TrustedCertificateAuthorities"/>.
/// </remarks>
/// <example>
/// <code>
/// var options = new FitTrackeeClientOptions
/// {
///     BaseAddress = new Uri("https://fittrackee.example.org/"),
///     ClientId = "…", ClientSecret = secret,
///     RedirectUri = new Uri("http://127.0.0.1:8765/callback"),
///     TokenStore = new FileTokenStore("~/.config/fitnessclients/tokens"),
///     TokenKey = "fittrackee",
/// };
/// </code>
/// </example>
public sealed class FitTrackeeClientOptions : FitnessClientOptions
{
    /// <summary>The OAuth app's client id (Settings → Apps on your instance).</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth app's client secret, sent in the token request body (FitTrackee accepts only <c>client_secret_post</c>). Never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The scopes asked for at sign-in; <see cref="FitTrackeeScopes.Default"/> unless changed.</summary>
    public IList<string> Scopes { get; } = [.. FitTrackeeScopes.Default];

    /// <summary>
    /// The redirect URI registered for the app. FitTrackee ignores the <c>redirect_uri</c> of the authorization request
    /// and always sends the browser to the app's <b>first</b> registered URI, so this must be that one. A loopback
    /// URI (<c>http://127.0.0.1:8765/callback</c>) lets <c>FitTrackeeAuthenticator.LoginWithBrowserAsync</c> catch the
    /// redirect itself; any other URI works with the paste-the-address sign-in.
    /// </summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>The instance root in effect.</summary>
    /// <exception cref="InvalidOperationException"><see cref="FitnessClientOptions.BaseAddress"/> is not set.</exception>
    public Uri EffectiveBaseAddress => BaseAddress
        ?? throw new InvalidOperationException("FitTrackeeClientOptions.BaseAddress is required: FitTrackee is self-hosted, so give your instance's address, e.g. https://fittrackee.example.org/.");

    /// <summary>The browser sign-in page (<c>/profile/apps/authorize</c>, a page of the web app, not of the API).</summary>
    public Uri AuthorizationEndpoint => new(Core.Http.FitnessPipeline.WithTrailingSlash(EffectiveBaseAddress), "profile/apps/authorize");

    /// <summary>The token endpoint (<c>/api/oauth/token</c>).</summary>
    public Uri TokenEndpoint => new(Core.Http.FitnessPipeline.WithTrailingSlash(EffectiveBaseAddress), "api/oauth/token");

    /// <summary>The revocation endpoint (<c>/api/oauth/revoke</c>).</summary>
    public Uri RevocationEndpoint => new(Core.Http.FitnessPipeline.WithTrailingSlash(EffectiveBaseAddress), "api/oauth/revoke");
}

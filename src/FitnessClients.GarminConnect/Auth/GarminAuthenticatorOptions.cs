namespace FitnessClients.GarminConnect.Auth;

/// <summary>Settings of <see cref="GarminAuthenticator"/> beyond the client options (hosts, store, clock).</summary>
public sealed class GarminAuthenticatorOptions
{
    /// <summary>The SSO client id of the mobile login; it must belong to <see cref="ServiceUrl"/> (<c>GCM_IOS_DARK</c> ↔ <c>…/gcm/ios</c>, <c>GCM_ANDROID_DARK</c> ↔ <c>…/gcm/android</c>).</summary>
    public string SsoClientId { get; set; } = "GCM_IOS_DARK";

    /// <summary>
    /// The SSO <c>service</c> a ticket is issued for; the diauth exchange must send the same one. <see langword="null"/>
    /// uses <c>https://mobile.integration.{domain}/gcm/ios</c>. Set it to the <c>service</c> parameter of the sign-in page
    /// a ticket was copied from when that differs (e.g. <c>https://sso.garmin.com/sso/embed</c> or <c>https://connect.garmin.com/app</c>).
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>
    /// Whether a new token is checked with <c>GET /userprofile-service/socialProfile</c> before it is stored. Garmin has
    /// issued DI tokens that the data API then refused ("Token is not active"); the check catches that at sign-in
    /// instead of at the first backup. Default <see langword="true"/>.
    /// </summary>
    public bool VerifyToken { get; set; } = true;

    /// <summary>The consumer key and secret for renewing imported garth sessions; <see langword="null"/> uses <see cref="GarminConnectClientOptions.OAuth1Consumer"/> (see <see cref="GarminOAuth1Consumer"/>).</summary>
    public GarminOAuth1Consumer? OAuth1Consumer { get; set; }

    /// <summary>How long a pending MFA step stays usable. Default 10 minutes.</summary>
    public TimeSpan MfaTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many codes <see cref="GarminAuthenticator.LoginAsync"/> asks for before giving up. Default 3.</summary>
    public int MaxMfaAttempts { get; set; } = 3;

    /// <summary>The DI client ids a ticket is exchanged with, in order. Default <see cref="GarminEndpoints.DiClientIds"/>.</summary>
    public IReadOnlyList<string> DiClientIds { get; set; } = GarminEndpoints.DiClientIds;

    /// <summary>The service URL in effect for <paramref name="domain"/>.</summary>
    /// <param name="domain">A <see cref="GarminDomains"/> value.</param>
    public Uri GetServiceUrl(string domain) => ServiceUrl ?? DefaultServiceUrl(domain);

    /// <summary>The mobile app's SSO service, <c>https://mobile.integration.{domain}/gcm/ios</c>.</summary>
    /// <param name="domain">A <see cref="GarminDomains"/> value.</param>
    public static Uri DefaultServiceUrl(string domain) =>
        domain is GarminDomains.Global or GarminDomains.China
            ? new Uri($"https://mobile.integration.{domain}/gcm/ios")
            : throw new ArgumentException($"Garmin's domain is '{GarminDomains.Global}' or '{GarminDomains.China}', not '{domain}'.", nameof(domain));
}

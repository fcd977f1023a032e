namespace FitnessClients.GarminConnect.Auth;

/// <summary>Why Garmin's SSO refused to let this client log in with a password.</summary>
public enum GarminLoginBlockReason
{
    /// <summary>A Cloudflare bot challenge ("Just a moment...", usually HTTP 403): the client's TLS fingerprint is not a browser's or the app's.</summary>
    CloudflareChallenge,

    /// <summary>The SSO asked for a CAPTCHA (<c>CAPTCHA_REQUIRED</c>), which a script cannot solve.</summary>
    CaptchaRequired,

    /// <summary>Another refusal without an answer a script can act on (an HTTP 403 or a Cloudflare firewall block).</summary>
    AccessDenied,
}

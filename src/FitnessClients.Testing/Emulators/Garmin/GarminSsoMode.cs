namespace FitnessClients.Testing;

/// <summary>How the emulated Garmin SSO answers logins (<see cref="GarminSsoEmulator.Mode"/>).</summary>
public enum GarminSsoMode
{
    /// <summary>Checks the credentials: <c>SUCCESSFUL</c>, <c>MFA_REQUIRED</c> or <c>INVALID_USERNAME_PASSWORD</c> (401).</summary>
    Normal = 0,

    /// <summary>Every SSO URL answers 429 with Cloudflare's "Access denied" HTML page, as scripted logins have met since March 2026.</summary>
    RateLimited = 1,

    /// <summary>Every SSO URL answers 429 with the JSON body <c>{"error":{"status-code":"429"}}</c>.</summary>
    RateLimitedJson = 2,

    /// <summary>Every SSO URL answers 403 with Cloudflare's "Just a moment..." challenge page (TLS fingerprint or bot detection).</summary>
    CloudflareChallenge = 3,

    /// <summary>The login answers <c>responseStatus.type = CAPTCHA_REQUIRED</c> without checking the credentials.</summary>
    CaptchaRequired = 4,
}

using FitnessClients.Core;

namespace FitnessClients.GarminConnect.Auth;

/// <summary>
/// Garmin's SSO will not accept a scripted password login from this client: a Cloudflare bot challenge (Garmin
/// fingerprints the TLS handshake of login clients since March 2026, and .NET cannot present a browser's), a
/// CAPTCHA, or a firewall block. Retrying does not help; the message names the routes that do work: exchanging a
/// service ticket copied from a browser, or importing tokens saved by python-garminconnect or garth.
/// </summary>
public class GarminLoginBlockedException : FitnessApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and what to do instead, free of secrets.</param>
    /// <param name="reason">Why the login was blocked.</param>
    public GarminLoginBlockedException(string message, GarminLoginBlockReason reason)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What happened and what to do instead, free of secrets.</param>
    /// <param name="reason">Why the login was blocked.</param>
    /// <param name="innerException">The cause.</param>
    public GarminLoginBlockedException(string message, GarminLoginBlockReason reason, Exception? innerException)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Why the login was blocked.</summary>
    public GarminLoginBlockReason Reason { get; }
}

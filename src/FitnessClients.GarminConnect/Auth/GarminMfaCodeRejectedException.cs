using FitnessClients.Core;

namespace FitnessClients.GarminConnect.Auth;

/// <summary>
/// Garmin did not accept the MFA code. The login is still pending: the same <see cref="GarminMfaChallenge"/> can be
/// completed with the right code until it expires.
/// </summary>
public class GarminMfaCodeRejectedException : FitnessApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened, without the code.</param>
    public GarminMfaCodeRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What happened, without the code.</param>
    /// <param name="innerException">The cause.</param>
    public GarminMfaCodeRejectedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

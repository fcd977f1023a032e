namespace FitnessClients.Core;

/// <summary>
/// The user must sign in (again): there is no stored token, the refresh token was revoked, expired or already
/// used (<c>invalid_grant</c>), or the service refused the credentials. Retrying cannot help; the message says
/// what the user has to do.
/// </summary>
public class AuthenticationRequiredException : FitnessApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and what the user must do, free of secrets.</param>
    public AuthenticationRequiredException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What happened and what the user must do, free of secrets.</param>
    /// <param name="innerException">The cause.</param>
    public AuthenticationRequiredException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The token store key (account) that needs a new sign-in, when known.</summary>
    public string? TokenKey { get; init; }
}

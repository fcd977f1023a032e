namespace FitnessClients.Core.OAuth;

/// <summary>
/// The authorization redirect did not produce a usable code: the user cancelled, the service reported an error,
/// the <c>state</c> did not match, or nothing arrived in time. <see cref="Reason"/> says which;
/// <see cref="FitnessApiException.ErrorCode"/> holds the service's <c>error</c> when it sent one, and
/// <see cref="FitnessApiException.ResponseExcerpt"/> its scrubbed <c>error_description</c>.
/// </summary>
/// <remarks>
/// Not an <see cref="AuthenticationRequiredException"/>: nothing stored has become invalid, the sign-in attempt
/// itself failed, and trying it again is the remedy.
/// </remarks>
public class OAuthCallbackException : FitnessApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and what the user can do, free of secrets.</param>
    /// <param name="reason">The kind of failure.</param>
    public OAuthCallbackException(string message, OAuthCallbackFailure reason)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What happened and what the user can do, free of secrets.</param>
    /// <param name="reason">The kind of failure.</param>
    /// <param name="innerException">The cause.</param>
    public OAuthCallbackException(string message, OAuthCallbackFailure reason, Exception? innerException)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>The kind of failure.</summary>
    public OAuthCallbackFailure Reason { get; }
}

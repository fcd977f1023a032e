namespace FitnessClients.Core;

/// <summary>
/// The service could not be used right now: it answered 5xx after the retries were spent, timed out, reset the
/// connection, or the circuit breaker is open after repeated failures. Trying again later may succeed.
/// </summary>
public class ServiceUnavailableException : FitnessApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    public ServiceUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public ServiceUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

namespace FitnessClients.Core;

/// <summary>The service says the thing asked for does not exist (404), or is not visible to this account.</summary>
public class ResourceNotFoundException : FitnessApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was not found.</param>
    public ResourceNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What was not found.</param>
    /// <param name="innerException">The cause.</param>
    public ResourceNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

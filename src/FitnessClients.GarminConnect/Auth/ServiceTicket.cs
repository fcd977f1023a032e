namespace FitnessClients.GarminConnect.Auth;

/// <summary>Checks the shape of a Garmin CAS service ticket before it is sent anywhere.</summary>
internal static class ServiceTicket
{
    /// <summary>Returns the ticket without surrounding white space or quotes, or throws a message that does not repeat it.</summary>
    /// <param name="ticket">What the user pasted.</param>
    /// <param name="parameterName">The caller's parameter name for the exception.</param>
    /// <exception cref="ArgumentException">It is empty or not an <c>ST-</c> ticket.</exception>
    public static string Normalize(string? ticket, string parameterName)
    {
        var trimmed = (ticket ?? string.Empty).Trim().Trim('"', '\'').Trim();
        if (trimmed.Length == 0)
        {
            throw new ArgumentException("The service ticket is empty. Copy the serviceTicketId value (it starts with 'ST-') from the sign-in response.", parameterName);
        }

        if (!trimmed.StartsWith("ST-", StringComparison.Ordinal) || trimmed.Length < 8 || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            // The text may be some other secret pasted by mistake (a password, a token): never repeat it.
            throw new ArgumentException(
                $"That is not a Garmin service ticket ({trimmed.Length} characters; a ticket starts with 'ST-' and has no spaces). " +
                "Copy the serviceTicketId value from the response of sso.garmin.com/mobile/api/login in the browser's developer tools.",
                parameterName);
        }

        return trimmed;
    }
}

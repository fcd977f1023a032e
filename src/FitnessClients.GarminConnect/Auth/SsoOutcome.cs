namespace FitnessClients.GarminConnect.Auth;

/// <summary>What a successful SSO step returned: a service ticket, or the news that an MFA code is needed.</summary>
/// <param name="Ticket">The service ticket (<c>serviceTicketId</c>) when the step completed the login.</param>
/// <param name="MfaMethod">How Garmin sent the code (<c>customerMfaInfo.mfaLastMethodUsed</c>, <c>email</c> when absent) when MFA is required.</param>
/// <param name="MfaDestination">Where the code went, as Garmin masks it (e.g. <c>ja*****@example.com</c>), when it said.</param>
internal sealed record SsoOutcome(string? Ticket, string? MfaMethod, string? MfaDestination)
{
    public bool IsMfaRequired => Ticket is null;

    /// <summary>Never prints the ticket.</summary>
    public override string ToString() => IsMfaRequired ? $"SsoOutcome {{ MFA required ({MfaMethod}) }}" : "SsoOutcome { ticket issued }";
}

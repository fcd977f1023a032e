namespace FitnessClients.Testing;

/// <summary>Why a service ticket was or was not accepted.</summary>
internal enum GarminTicketCheck
{
    Accepted = 0,
    Missing = 1,
    Unknown = 2,
    AlreadyUsed = 3,
    Expired = 4,
    WrongService = 5,
}

namespace FitnessClients.Testing;

/// <summary>The emulated athlete, as the profile routes and every activity's owner fields describe them.</summary>
internal sealed record GarminAccount(long ProfileId, string DisplayName, string FullName, string Guid, string Location);

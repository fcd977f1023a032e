namespace FitnessClients.Testing;

/// <summary>A synthetic device: what the activity JSON refers to and what <c>app-info</c> describes.</summary>
internal sealed record GarminDevice(
    long ApplicationInstallationId,
    long UnitId,
    int DeviceTypePk,
    string ApplicationKey,
    string ProductDisplayName,
    string PartNumber,
    string ProductSku,
    string VersionString);

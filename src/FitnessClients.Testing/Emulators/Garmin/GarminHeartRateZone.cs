namespace FitnessClients.Testing;

/// <summary>Time spent in one heart-rate zone.</summary>
internal sealed record GarminHeartRateZone(int Zone, double Seconds, int LowBoundary);

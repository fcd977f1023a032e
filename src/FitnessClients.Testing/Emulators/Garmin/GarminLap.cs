namespace FitnessClients.Testing;

/// <summary>A lap of the synthetic recording, as splits, the CSV export, TCX laps and FIT sessions describe it.</summary>
internal sealed record GarminLap(
    int Index,
    DateTime StartUtc,
    double Duration,
    double Distance,
    double? AverageHeartRate,
    double? MaxHeartRate,
    double? ElevationGain,
    double? ElevationLoss,
    double? MinElevation,
    double? MaxElevation,
    double? StartLatitude,
    double? StartLongitude,
    double? EndLatitude,
    double? EndLongitude,
    double Calories);

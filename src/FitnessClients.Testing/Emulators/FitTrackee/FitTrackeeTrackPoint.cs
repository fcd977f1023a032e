namespace FitnessClients.Testing;

/// <summary>One point of an uploaded or synthetic track.</summary>
internal sealed record FitTrackeeTrackPoint(double Latitude, double Longitude, double? Elevation, DateTimeOffset? Time, int? HeartRate = null, int? Cadence = null, int? Power = null);

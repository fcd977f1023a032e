namespace FitnessClients.Testing;

/// <summary>One synthetic sample: what a device would record every second or few.</summary>
/// <param name="Time">The UTC time.</param>
/// <param name="Elapsed">Seconds since the activity's start.</param>
/// <param name="Latitude">Degrees, or <see langword="null"/> indoors.</param>
/// <param name="Longitude">Degrees, or <see langword="null"/> indoors.</param>
/// <param name="Elevation">Metres, or <see langword="null"/> indoors.</param>
/// <param name="HeartRate">Beats per minute, or <see langword="null"/> without a sensor.</param>
/// <param name="Distance">Metres since the start.</param>
/// <param name="Speed">Metres per second.</param>
internal readonly record struct GarminTrackPoint(DateTime Time, double Elapsed, double? Latitude, double? Longitude, double? Elevation, int? HeartRate, double Distance, double Speed);

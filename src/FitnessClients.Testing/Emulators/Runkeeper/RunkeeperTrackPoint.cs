namespace FitnessClients.Testing;

/// <summary>One generated path point of an emulated Runkeeper activity.</summary>
/// <param name="Timestamp">Seconds since the start (pauses included, as on the wire).</param>
/// <param name="Latitude">Degrees.</param>
/// <param name="Longitude">Degrees.</param>
/// <param name="Altitude">Metres.</param>
/// <param name="Type"><c>start</c>, <c>gps</c>, <c>pause</c>, <c>resume</c> or <c>end</c>.</param>
/// <param name="Distance">Cumulative metres.</param>
/// <param name="HeartRate">Beats per minute at the point, when the activity has heart rate.</param>
internal sealed record RunkeeperTrackPoint(double Timestamp, double Latitude, double Longitude, double Altitude, string Type, double Distance, int? HeartRate);

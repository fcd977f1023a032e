namespace FitnessClients.Strava.Models;

/// <summary>A point in degrees (WGS 84), as Strava's <c>[lat, lng]</c> pairs.</summary>
/// <param name="Latitude">Degrees north.</param>
/// <param name="Longitude">Degrees east.</param>
public readonly record struct StravaLatLng(double Latitude, double Longitude);

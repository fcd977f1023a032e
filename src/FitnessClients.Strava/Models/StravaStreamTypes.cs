namespace FitnessClients.Strava.Models;

/// <summary>The stream keys Strava knows (<c>keys=</c> of the streams call and keys of the answer).</summary>
public static class StravaStreamTypes
{
    /// <summary>Seconds from the start.</summary>
    public const string Time = "time";

    /// <summary>Metres from the start.</summary>
    public const string Distance = "distance";

    /// <summary>[lat, lng] pairs.</summary>
    public const string LatLng = "latlng";

    /// <summary>Metres.</summary>
    public const string Altitude = "altitude";

    /// <summary>Metres per second.</summary>
    public const string VelocitySmooth = "velocity_smooth";

    /// <summary>Beats per minute.</summary>
    public const string Heartrate = "heartrate";

    /// <summary>Revolutions or steps per minute.</summary>
    public const string Cadence = "cadence";

    /// <summary>Watts.</summary>
    public const string Watts = "watts";

    /// <summary>Degrees Celsius.</summary>
    public const string Temp = "temp";

    /// <summary>Booleans.</summary>
    public const string Moving = "moving";

    /// <summary>Percent.</summary>
    public const string GradeSmooth = "grade_smooth";

    /// <summary>Every key, for a full backup in one request.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Time, Distance, LatLng, Altitude, VelocitySmooth, Heartrate, Cadence, Watts, Temp, Moving, GradeSmooth];
}

namespace FitnessClients.GarminConnect.Models;

/// <summary>
/// Unit checks for the two list fields whose unit Garmin changed without notice: <c>elapsedDuration</c>
/// (milliseconds in older data, seconds now) and <c>minElevation</c>/<c>maxElevation</c> (centimetres in older
/// data, metres now).
/// </summary>
/// <remarks>
/// <para>
/// <b>Elapsed duration.</b> The elapsed time is wall-clock time, so it is never much shorter than the timer time
/// (<c>duration</c>, seconds) and exceeds it only by the pauses. Read in milliseconds it is about 1000 × the timer
/// seconds or more; read in seconds it would take pauses 500 times longer than the timer ran to come near that. So
/// a value above <see cref="MillisecondsRatio"/> × the reference is milliseconds. The reference is
/// <c>duration</c>, else <c>movingDuration</c>. Without either, a value above <see cref="MaxSecondsWithoutReference"/>
/// (two days as seconds, but only three minutes as milliseconds) is taken as milliseconds.
/// </para>
/// <para>
/// <b>Elevation.</b> Garmin switched both fields together (the 2018 and 2021 lists have milliseconds and
/// centimetres, the 2026 list seconds and metres). An item is read in legacy units when its elapsed duration is in
/// milliseconds, or when an elevation is beyond <see cref="MaxPlausibleElevationMeters"/>, which no place on the
/// Earth's surface reaches.
/// </para>
/// </remarks>
public static class GarminUnits
{
    /// <summary>How many times its reference an elapsed value must be to count as milliseconds.</summary>
    public const double MillisecondsRatio = 500;

    /// <summary>The largest elapsed value read as seconds when there is nothing to compare it with: 48 hours.</summary>
    public const double MaxSecondsWithoutReference = 48 * 3600;

    /// <summary>The highest elevation read as metres (Everest is 8849 m).</summary>
    public const double MaxPlausibleElevationMeters = 9000;

    /// <summary>Whether an <c>elapsedDuration</c> value is in milliseconds (see the remarks on <see cref="GarminUnits"/>).</summary>
    /// <param name="elapsedDuration">The value as sent.</param>
    /// <param name="duration">The timer time in seconds (<c>duration</c>), when known.</param>
    /// <param name="movingDuration">The moving time in seconds, used when <paramref name="duration"/> is unknown.</param>
    public static bool IsElapsedInMilliseconds(double elapsedDuration, double? duration, double? movingDuration = null)
    {
        var reference = duration is > 0 ? duration : movingDuration is > 0 ? movingDuration : null;
        return reference is { } seconds
            ? elapsedDuration > seconds * MillisecondsRatio
            : elapsedDuration > MaxSecondsWithoutReference;
    }

    /// <summary>The elapsed time of an activity, in whichever unit Garmin sent it.</summary>
    /// <param name="elapsedDuration">The value as sent.</param>
    /// <param name="duration">The timer time in seconds.</param>
    /// <param name="movingDuration">The moving time in seconds.</param>
    /// <returns>The elapsed time, or <see langword="null"/> when the value is absent, negative or not a number.</returns>
    public static TimeSpan? ToElapsedTime(double? elapsedDuration, double? duration, double? movingDuration = null)
    {
        if (elapsedDuration is not { } value || !double.IsFinite(value) || value < 0)
        {
            return null;
        }

        return IsElapsedInMilliseconds(value, duration, movingDuration) ? TimeSpan.FromMilliseconds(value) : Seconds(value);
    }

    /// <summary>A duration Garmin sends in seconds (<c>duration</c>, <c>movingDuration</c>), or <see langword="null"/>.</summary>
    /// <param name="seconds">The value as sent.</param>
    public static TimeSpan? Seconds(double? seconds) =>
        seconds is { } value && double.IsFinite(value) && value >= 0 && value < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(value) : null;

    /// <summary>Whether the list's elevations are in centimetres (see the remarks on <see cref="GarminUnits"/>).</summary>
    /// <param name="elapsedInMilliseconds">Whether the same item's elapsed duration is in milliseconds.</param>
    /// <param name="elevations">The item's elevation values.</param>
    public static bool IsElevationInCentimeters(bool elapsedInMilliseconds, params ReadOnlySpan<double?> elevations)
    {
        if (elapsedInMilliseconds)
        {
            return true;
        }

        foreach (var elevation in elevations)
        {
            if (elevation is { } value && Math.Abs(value) > MaxPlausibleElevationMeters)
            {
                return true;
            }
        }

        return false;
    }
}

using FitnessClients.Runkeeper.Models;
using FitnessClients.Runkeeper.Tracks;

namespace FitnessClients.Runkeeper;

/// <summary>Builds GPX 1.1 from a full Runkeeper activity (the API has no GPX endpoint; the path is the track).</summary>
/// <example>
/// <code>
/// var activity = await runkeeper.FitnessActivities.GetAsync("/fitnessActivities/814127003");
/// await using var file = File.Create("814127003.gpx");
/// if (!RunkeeperGpx.TryWrite(activity, file)) Console.WriteLine("no GPS path (manual or indoor activity)");
/// </code>
/// </example>
public static class RunkeeperGpx
{
    /// <summary>
    /// Writes the activity's path as GPX: one track segment per stretch between pause and resume, point times from the
    /// start plus each point's offset, heart rate (when recorded) as <c>gpxtpx:hr</c>.
    /// </summary>
    /// <param name="activity">The full activity (<c>GET /fitnessActivities/{id}</c>).</param>
    /// <param name="output">Where the GPX goes; left open.</param>
    /// <param name="assumedTimeZone">
    /// The zone to assume when the activity has no <c>utc_offset</c>; without one the local wall clock is written as
    /// UTC, which shifts the times by the real offset (see <see cref="RunkeeperClientOptions.AssumedTimeZone"/>).
    /// </param>
    /// <returns><see langword="false"/> (and nothing written) when the activity has no start time or fewer than two path points.</returns>
    public static bool TryWrite(RunkeeperFitnessActivity activity, Stream output, TimeZoneInfo? assumedTimeZone = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(output);
        return RunkeeperStartTime.ComputeOrWallClock(activity.LocalStartTime, activity.UtcOffsetHours, assumedTimeZone) is { } start
            && RunkeeperGpxWriter.Write(output, activity, start);
    }
}

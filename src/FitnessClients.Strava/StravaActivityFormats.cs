using FitnessClients.Core.Activities;

namespace FitnessClients.Strava;

/// <summary>The formats <see cref="StravaActivitySource"/> offers. Original files are not in Strava's API.</summary>
public static class StravaActivityFormats
{
    /// <summary>The activity as the list returned it.</summary>
    public static ActivityFormat SummaryJson => ActivityFormat.SummaryJson;

    /// <summary>The detailed activity (<c>GET /activities/{id}</c>) as Strava sent it.</summary>
    public static ActivityFormat DetailsJson => ActivityFormat.DetailsJson;

    /// <summary>All streams keyed by type, as Strava sent them; not available for manual activities.</summary>
    public static ActivityFormat StreamsJson { get; } = new("streams.json", "streams.json");

    /// <summary>GPX 1.1 built from the streams (one track; heart rate, cadence, temperature in TrackPointExtension v1).</summary>
    public static ActivityFormat Gpx => ActivityFormat.Gpx;

    /// <summary>TCX built from the streams (one lap; power in ActivityExtension v2); works without GPS too.</summary>
    public static ActivityFormat Tcx => ActivityFormat.Tcx;

    /// <summary>Every format, in the order a backup saves them.</summary>
    public static IReadOnlyList<ActivityFormat> All { get; } = [SummaryJson, DetailsJson, StreamsJson, Gpx, Tcx];
}

using FitnessClients.Core.Activities;

namespace FitnessClients.Runkeeper;

/// <summary>The formats <see cref="RunkeeperActivitySource"/> and <see cref="RunkeeperExportSource"/> offer.</summary>
public static class RunkeeperActivityFormats
{
    /// <summary>The activity as listed: the feed item (API) or the <c>cardioActivities.csv</c> row (export).</summary>
    public static ActivityFormat SummaryJson => ActivityFormat.SummaryJson;

    /// <summary>The full activity (<c>GET /fitnessActivities/{id}</c>) as Runkeeper sent it; API only.</summary>
    public static ActivityFormat DetailsJson => ActivityFormat.DetailsJson;

    /// <summary>GPX: built from the path (API), or the export's own file, byte for byte (export).</summary>
    public static ActivityFormat Gpx => ActivityFormat.Gpx;

    /// <summary>The API source's formats, in the order a backup saves them.</summary>
    public static IReadOnlyList<ActivityFormat> Api { get; } = [SummaryJson, DetailsJson, Gpx];

    /// <summary>The export source's formats.</summary>
    public static IReadOnlyList<ActivityFormat> Export { get; } = [SummaryJson, Gpx];
}

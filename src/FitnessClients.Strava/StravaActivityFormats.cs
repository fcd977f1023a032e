using FitnessClients.Core.Activities;

namespace FitnessClients.Strava;

/// <summary>
/// The formats <see cref="StravaActivitySource"/> offers. Each costs different requests, so a backup asks only for what it
/// keeps: the summary is free (it comes with the listing), GPX, TCX and streams cost one streams request, the detail one
/// request, photos one request per activity that has any (the images come from the CDN, outside the limits), gear one
/// request per piece of gear for the whole run, and originals come from the website, outside the API limits.
/// </summary>
public static class StravaActivityFormats
{
    /// <summary>The activity as the list returned it; costs no request.</summary>
    public static ActivityFormat SummaryJson => ActivityFormat.SummaryJson;

    /// <summary>The detailed activity (<c>GET /activities/{id}</c>) as Strava sent it, saved as <c>detail.json</c>.</summary>
    public static ActivityFormat DetailJson { get; } = new("detail.json", "detail.json");

    /// <summary>
    /// The same format as <see cref="DetailJson"/>, under the name the Garmin source uses; the source also accepts a format
    /// named <c>details.json</c> when asked to open one.
    /// </summary>
    public static ActivityFormat DetailsJson => DetailJson;

    /// <summary>All streams keyed by type, as Strava sent them; not available for manual activities.</summary>
    public static ActivityFormat StreamsJson { get; } = new("streams.json", "streams.json");

    /// <summary>GPX 1.1 built from the streams (one track; heart rate, cadence, temperature in TrackPointExtension v1).</summary>
    public static ActivityFormat Gpx => ActivityFormat.Gpx;

    /// <summary>TCX built from the streams (one lap; power in ActivityExtension v2); works without GPS too.</summary>
    public static ActivityFormat Tcx => ActivityFormat.Tcx;

    /// <summary>
    /// The file as uploaded (FIT, TCX, GPX, or JSON from the mobile app), from the website with a
    /// <see cref="Web.StravaWebExporter"/>; not available when the source has none.
    /// </summary>
    public static ActivityFormat Original => ActivityFormat.Original;

    /// <summary>The activity's photos as image files next to the activity, with their metadata in <c>photos.json</c>.</summary>
    public static ActivityFormat Photos { get; } = new("photos", null);

    /// <summary>The bike or shoes the activity used, as <c>gear/{id}.json</c> in the backup root, one file per piece of gear (retired gear included).</summary>
    public static ActivityFormat Gear { get; } = new("gear", null);

    /// <summary>Every format, in the order a backup saves them.</summary>
    public static IReadOnlyList<ActivityFormat> All { get; } = [SummaryJson, DetailJson, StreamsJson, Gpx, Tcx, Original, Photos, Gear];
}

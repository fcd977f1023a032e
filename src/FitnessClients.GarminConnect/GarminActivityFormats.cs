using FitnessClients.Core.Activities;

namespace FitnessClients.GarminConnect;

/// <summary>
/// The formats <see cref="GarminActivitySource"/> serves. The names are the SDK's shared ones (so a backup asking any
/// source for <c>gpx</c> means the same thing); what each means for Garmin is documented here.
/// </summary>
public static class GarminActivityFormats
{
    /// <summary>The original-download ZIP as Garmin sends it (extension <c>zip</c>).</summary>
    public static ActivityFormat Original => ActivityFormat.Original;

    /// <summary>The activity file unpacked from the original ZIP: a FIT for device recordings; for uploaded GPX or TCX files the content is that file and <see cref="ActivityContent.FileExtension"/> says so.</summary>
    public static ActivityFormat Fit => ActivityFormat.Fit;

    /// <summary>Garmin's GPX export (none without GPS).</summary>
    public static ActivityFormat Gpx => ActivityFormat.Gpx;

    /// <summary>Garmin's TCX export (none for GPX uploads).</summary>
    public static ActivityFormat Tcx => ActivityFormat.Tcx;

    /// <summary>Garmin's KML export (none without GPS).</summary>
    public static ActivityFormat Kml => ActivityFormat.Kml;

    /// <summary>Garmin's CSV of the splits.</summary>
    public static ActivityFormat Csv => ActivityFormat.Csv;

    /// <summary>The summary JSON (<c>activity-service/activity/{id}</c>) as Garmin sent it.</summary>
    public static ActivityFormat SummaryJson => ActivityFormat.SummaryJson;

    /// <summary>The details JSON (samples, <c>/details</c>) as Garmin sent it.</summary>
    public static ActivityFormat DetailsJson => ActivityFormat.DetailsJson;

    /// <summary>Every format, in the order a backup would usually fetch them.</summary>
    public static IReadOnlyList<ActivityFormat> All { get; } = [Original, Fit, Gpx, Tcx, Kml, Csv, SummaryJson, DetailsJson];
}

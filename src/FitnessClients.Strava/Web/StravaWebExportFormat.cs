namespace FitnessClients.Strava.Web;

/// <summary>Which of the website's per-activity exports to download.</summary>
public enum StravaWebExportFormat
{
    /// <summary>The file as uploaded (<c>export_original</c>): usually FIT (maybe gzipped), TCX or GPX; JSON for mobile-app recordings.</summary>
    Original,

    /// <summary>A GPX the website builds (<c>export_gpx</c>).</summary>
    Gpx,

    /// <summary>A TCX the website builds (<c>export_tcx</c>).</summary>
    Tcx,
}

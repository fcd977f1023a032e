namespace FitnessClients.Testing;

/// <summary>The kind of file an emulated Strava activity was uploaded as, which <c>export_original</c> returns.</summary>
public enum StravaOriginalFormat
{
    /// <summary>No file: a manual entry (<c>export_original</c> answers 404).</summary>
    None = 0,

    /// <summary>A FIT file (<c>.fit</c>), what Garmin and Wahoo devices sync.</summary>
    Fit = 1,

    /// <summary>A gzip-compressed FIT file (<c>.fit.gz</c>).</summary>
    FitGz = 2,

    /// <summary>A GPX file (<c>.gpx</c>).</summary>
    Gpx = 3,

    /// <summary>A TCX file (<c>.tcx</c>).</summary>
    Tcx = 4,
}

namespace FitnessClients.Testing;

/// <summary>What an emulated activity's original download holds, as <c>metadataDTO.fileFormat.formatKey</c> says.</summary>
public enum GarminOriginalFormat
{
    /// <summary>No file: a manual activity (the original download answers 404).</summary>
    None = 0,

    /// <summary>A FIT file recorded by a device: the ZIP holds <c>{id}_ACTIVITY.fit</c>.</summary>
    Fit = 1,

    /// <summary>An imported GPX file: the ZIP holds <c>{id}_ACTIVITY.gpx</c>, and the TCX export fails with 500.</summary>
    Gpx = 2,

    /// <summary>An imported TCX file: the ZIP holds <c>{id}_ACTIVITY.tcx</c>.</summary>
    Tcx = 3,
}

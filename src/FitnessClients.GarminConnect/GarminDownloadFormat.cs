namespace FitnessClients.GarminConnect;

/// <summary>What to download of an activity.</summary>
public enum GarminDownloadFormat
{
    /// <summary>The original file in a ZIP (<c>{id}_ACTIVITY.fit</c>, or .gpx/.tcx for uploads); none for manual activities.</summary>
    Original,

    /// <summary>A GPX export; none without GPS.</summary>
    Gpx,

    /// <summary>A TCX export; none for GPX uploads.</summary>
    Tcx,

    /// <summary>A KML export; none without GPS.</summary>
    Kml,

    /// <summary>A CSV of the splits.</summary>
    Csv,
}

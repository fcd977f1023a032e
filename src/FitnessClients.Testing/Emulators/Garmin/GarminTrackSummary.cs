namespace FitnessClients.Testing;

/// <summary>
/// What list entries need from an activity's synthetic recording (laps, end point, heart-rate zones), kept per activity
/// by the emulator so a page of 1,000 entries does not regenerate 1,000 tracks.
/// </summary>
internal sealed record GarminTrackSummary(int LapCount, double? EndLatitude, double? EndLongitude, IReadOnlyList<GarminHeartRateZone> Zones)
{
    public static GarminTrackSummary Of(GarminEmulatedActivity activity, IReadOnlyList<GarminTrackPoint> track, IReadOnlyList<GarminEmulatedActivity> children) =>
        new(
            activity.IsMultisportParent ? activity.ChildIds.Count : GarminLaps.Compute(activity, track, children).Count,
            track.Count > 0 ? track[^1].Latitude : null,
            track.Count > 0 ? track[^1].Longitude : null,
            GarminZonesWriter.Compute(activity, track));
}

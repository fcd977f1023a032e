namespace FitnessClients.Testing;

/// <summary>
/// What list entries need from an activity's synthetic recording (lap count, end point, heart-rate zones), computed
/// without generating positions and kept per activity by the emulator, so a page of 1,000 entries stays cheap. The
/// values equal what the splits, zones and GPX routes derive from the full recording.
/// </summary>
internal sealed record GarminTrackSummary(int LapCount, double? EndLatitude, double? EndLongitude, IReadOnlyList<GarminHeartRateZone> Zones)
{
    public static GarminTrackSummary Of(GarminEmulatedActivity activity, IReadOnlyList<GarminEmulatedActivity> children)
    {
        // The synthetic track is a loop: it ends where its last leg started.
        var last = activity.IsMultisportParent && children.Count > 0 ? children[^1] : activity;
        var ends = last.HasGps && !last.IsManual;
        return new GarminTrackSummary(
            activity.IsMultisportParent ? activity.ChildIds.Count : GarminLaps.Count(activity),
            ends ? last.StartLatitude : null,
            ends ? last.StartLongitude : null,
            GarminZonesWriter.Compute(activity, children));
    }
}

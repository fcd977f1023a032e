using FitnessClients.Runkeeper.Models;

namespace FitnessClients.Runkeeper.Tracks;

/// <summary>
/// Splits a path into the parts recorded between pauses, as Runkeeper's own GPX export does: a <c>pause</c> point ends a
/// segment, the next point (normally <c>resume</c>) starts a new one. Points without coordinates or time are dropped.
/// </summary>
internal static class RunkeeperTrackSegments
{
    public static List<List<RunkeeperPathPoint>> Split(IEnumerable<RunkeeperPathPoint?>? path)
    {
        var segments = new List<List<RunkeeperPathPoint>>();
        List<RunkeeperPathPoint>? current = null;
        var ordered = (path ?? [])
            .Where(p => p is { Latitude: not null, Longitude: not null, Timestamp: not null }
                && double.IsFinite(p.Latitude.Value) && double.IsFinite(p.Longitude.Value) && double.IsFinite(p.Timestamp.Value))
            .Select((p, i) => (Point: p!, Index: i))
            .OrderBy(x => x.Point.Timestamp)
            .ThenBy(x => x.Index)
            .Select(x => x.Point);
        foreach (var point in ordered)
        {
            if (current is null || (string.Equals(point.Type, "resume", StringComparison.OrdinalIgnoreCase) && current.Count > 0))
            {
                current = [];
                segments.Add(current);
            }

            current.Add(point);
            if (string.Equals(point.Type, "pause", StringComparison.OrdinalIgnoreCase))
            {
                current = null;
            }
        }

        return segments;
    }
}

using System.Text.Json;
using FitnessClients.Core.Activities;

namespace FitnessClients.Backup;

/// <summary>Matches an activity against type filters: the sport key, and Garmin's type id, key and parent type id.</summary>
internal static class ActivityTypeMatcher
{
    public static bool Matches(ActivitySummary activity, IReadOnlyCollection<string> types)
    {
        foreach (var candidate in Candidates(activity))
        {
            if (types.Contains(candidate, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> Candidates(ActivitySummary activity)
    {
        if (activity.Sport is { } sport)
        {
            yield return sport;
        }

        if (activity.Raw is { ValueKind: JsonValueKind.Object } raw
            && (raw.TryGetProperty("activityType", out var type) || raw.TryGetProperty("activityTypeDTO", out type))
            && type.ValueKind == JsonValueKind.Object)
        {
            foreach (var name in new[] { "typeKey", "typeId", "parentTypeId" })
            {
                if (type.TryGetProperty(name, out var value))
                {
                    yield return value.ValueKind == JsonValueKind.String
                        ? value.GetString()!
                        : value.GetRawText();
                }
            }

            if (type.TryGetProperty("parentTypeId", out var parent) && parent.TryGetInt32(out var parentId)
                && GarminParentTypes.KeyFor(parentId) is { } parentKey)
            {
                yield return parentKey;
            }
        }

    }
}

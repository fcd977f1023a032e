using System.Text.Json;
using FitnessClients.Core.Activities;

namespace FitnessClients.Backup;

/// <summary>
/// Which listed activities a run backs up (garmin-connect-export's <c>-c</c>, <c>-sd</c>/<c>-ed</c>, <c>-tf</c>,
/// <c>-ex</c> and <c>-sa</c>). Restricting filters (all but <see cref="ExcludeIds"/>) keep the high-water mark
/// where it was, so a later unrestricted run still fetches what they left out.
/// </summary>
public sealed record BackupFilter
{
    /// <summary>Back up only the newest N selected activities; <see langword="null"/> means all.</summary>
    public int? Count { get; init; }

    /// <summary>The first local calendar day to include (the activity's own local date, inclusive).</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>The last local calendar day to include (inclusive).</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>
    /// Activity types to include, matched case-insensitively against <see cref="ActivitySummary.Sport"/> and, for
    /// Garmin, the type id and parent type id and key in the raw JSON (<c>running</c>, <c>1</c>, <c>cycling</c>). Empty means all.
    /// </summary>
    public IReadOnlyCollection<string> ActivityTypes { get; init; } = [];

    /// <summary>Activity ids never to back up (see <see cref="ReadExcludeIds"/> for garmin-connect-export's file).</summary>
    public IReadOnlyCollection<string> ExcludeIds { get; init; } = [];

    /// <summary>Skips the N newest listed activities (garmin-connect-export's <c>--start_activity_no N+1</c>).</summary>
    public int SkipNewest { get; init; }

    /// <summary>Whether the filter leaves out activities a full backup would take (everything but excluded ids).</summary>
    public bool IsRestricting => Count is not null || StartDate is not null || EndDate is not null || ActivityTypes.Count > 0 || SkipNewest > 0;

    /// <summary>Reads an exclude file in garmin-connect-export's format, <c>{"ids": ["6176888711", 123]}</c>.</summary>
    /// <param name="json">The file's content.</param>
    /// <returns>The ids as text.</returns>
    /// <exception cref="FormatException">The JSON has no <c>ids</c> array.</exception>
    public static IReadOnlyList<string> ReadExcludeIds(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("ids", out var ids)
            || ids.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("An exclude file is a JSON object with an \"ids\" array.");
        }

        var result = new List<string>();
        foreach (var id in ids.EnumerateArray())
        {
            result.Add(id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText());
        }

        return result;
    }
}

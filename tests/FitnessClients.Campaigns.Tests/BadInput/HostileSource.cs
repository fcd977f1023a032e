using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using FitnessClients.Core.Activities;

namespace FitnessClients.Campaigns.Tests.BadInput;

/// <summary>An in-memory source whose activities carry whatever ids, names, sports, dates and file extensions a test gives.</summary>
internal sealed class HostileSource : IActivitySource
{
    private readonly List<(ActivitySummary Summary, string Extension)> _activities = [];

    public string Service => "hostile";

    public IReadOnlyList<ActivityFormat> SupportedFormats { get; } = [ActivityFormat.Original, ActivityFormat.Gpx];

    public ActivitySummary Add(string id, DateTimeOffset start, string? name, string? sport = "running", string extension = "fit", string? description = null)
    {
        var raw = JsonSerializer.SerializeToElement(new Dictionary<string, object?> { ["description"] = description, ["activityName"] = name });
        var summary = new ActivitySummary { Service = Service, Id = id, StartTime = start, Name = name, Sport = sport, Raw = raw, HasGpsTrack = true };
        _activities.Add((summary, extension));
        return summary;
    }

    /// <summary>The bytes served for an activity and format: unique per activity, so a lost or swapped file shows.</summary>
    public static byte[] Bytes(string id, ActivityFormat format) => Encoding.UTF8.GetBytes($"{format.Name}:{id}:payload");

    public async IAsyncEnumerable<ActivitySummary> ListActivitiesAsync(ActivityListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var (summary, _) in _activities.OrderByDescending(a => a.Summary.StartTime))
        {
            yield return summary;
        }
    }

    public Task<ActivityContent> OpenAsync(ActivitySummary activity, ActivityFormat format, CancellationToken cancellationToken = default)
    {
        var extension = format == ActivityFormat.Original ? _activities.Single(a => a.Summary.Id == activity.Id).Extension : "gpx";
        var bytes = Bytes(activity.Id, format);
        return Task.FromResult(ActivityContent.Available(new MemoryStream(bytes), extension, bytes.Length));
    }
}

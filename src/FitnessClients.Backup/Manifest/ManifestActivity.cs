using System.Text.Json;
using FitnessClients.Core.Activities;

namespace FitnessClients.Backup.Manifest;

/// <summary>One activity in the manifest: its summary as last listed and a record per format.</summary>
internal sealed class ManifestActivity
{
    public string Id { get; set; } = "";

    public DateTimeOffset StartTime { get; set; }

    public string? Sport { get; set; }

    public string? Name { get; set; }

    public double? DistanceMeters { get; set; }

    public double? MovingTimeSeconds { get; set; }

    public double? ElapsedTimeSeconds { get; set; }

    public bool HasGpsTrack { get; set; }

    public JsonElement? Raw { get; set; }

    public SortedDictionary<string, ManifestFile> Formats { get; set; } = new(StringComparer.Ordinal);

    public void Update(ActivitySummary activity)
    {
        Id = activity.Id;
        StartTime = activity.StartTime;
        Sport = activity.Sport;
        Name = activity.Name;
        DistanceMeters = activity.DistanceMeters;
        MovingTimeSeconds = activity.MovingTime?.TotalSeconds;
        ElapsedTimeSeconds = activity.ElapsedTime?.TotalSeconds;
        HasGpsTrack = activity.HasGpsTrack;
        Raw = activity.Raw?.Clone();
    }
}

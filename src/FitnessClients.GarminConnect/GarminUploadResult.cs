using FitnessClients.GarminConnect.Models;

namespace FitnessClients.GarminConnect;

/// <summary>The outcome of <see cref="Clients.GarminUploadsClient.UploadAsync"/>. A duplicate is an outcome, not an error.</summary>
public sealed record GarminUploadResult
{
    /// <summary>How Garmin took the file.</summary>
    public required GarminUploadStatus Status { get; init; }

    /// <summary>The new activity's id (<see cref="GarminUploadStatus.Created"/>) or the existing one's (<see cref="GarminUploadStatus.Duplicate"/>).</summary>
    public long? ActivityId { get; init; }

    /// <summary>Where Garmin reports the outcome of a file still being processed (the 202's <c>Location</c>).</summary>
    public Uri? StatusLocation { get; init; }

    /// <summary>Garmin's messages for a failure or duplicate, e.g. "Duplicate Activity.".</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>Garmin's answer as sent, when it had a body.</summary>
    public GarminDetailedImportResult? Response { get; init; }

    /// <summary>Whether Garmin already had the activity.</summary>
    public bool IsDuplicate => Status == GarminUploadStatus.Duplicate;
}

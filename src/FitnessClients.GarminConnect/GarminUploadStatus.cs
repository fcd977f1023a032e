namespace FitnessClients.GarminConnect;

/// <summary>How Garmin took an upload.</summary>
public enum GarminUploadStatus
{
    /// <summary>The activity was created; <see cref="GarminUploadResult.ActivityId"/> is its id.</summary>
    Created,

    /// <summary>Garmin already has this activity (HTTP 409); <see cref="GarminUploadResult.ActivityId"/> is the existing one's id when Garmin said.</summary>
    Duplicate,

    /// <summary>Accepted and still being processed; <see cref="GarminUploadResult.StatusLocation"/> is where Garmin reports the outcome.</summary>
    Processing,

    /// <summary>Refused (an unreadable file, say); see <see cref="GarminUploadResult.Messages"/>.</summary>
    Failed,
}

namespace FitnessClients.Backup.Storage;

/// <summary>Who holds a folder lock: kept next to the lock file so a refused run can say who, and a dead holder can be recognised.</summary>
internal sealed class FolderLockInfo
{
    /// <summary>Distinguishes this holder's record from a successor's (so release never deletes someone else's).</summary>
    public string LockId { get; set; } = "";

    public int ProcessId { get; set; }

    public string Host { get; set; } = "";

    /// <summary>The holder process's own start time, to tell a live holder from a new process that got the same PID.</summary>
    public DateTimeOffset? ProcessStartedAt { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Refreshed every <see cref="FolderLock.HeartbeatInterval"/> while the lock is held, where the record is the lock.</summary>
    public DateTimeOffset HeartbeatAt { get; set; }

    public string? Purpose { get; set; }
}

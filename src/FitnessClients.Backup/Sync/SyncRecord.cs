namespace FitnessClients.Backup.Sync;

/// <summary>The content of a record file: what of one source is in one target, and the runs that put it there.</summary>
internal sealed class SyncRecord
{
    public int Version { get; set; } = 1;

    public string Source { get; set; } = "";

    public string Target { get; set; } = "";

    /// <summary>The newest start of a completely synced history: listing stops at the first synced activity at or before it.</summary>
    public DateTimeOffset? HighWaterMark { get; set; }

    public List<SyncRecordEntry> Activities { get; set; } = [];

    /// <summary>The most recent runs (older ones are dropped; the activities are the record).</summary>
    public List<SyncRecordRun> Runs { get; set; } = [];
}

namespace FitnessClients.Backup.Sync;

/// <summary>One run in a record's history.</summary>
internal sealed class SyncRecordRun
{
    public DateTimeOffset Started { get; set; }

    public DateTimeOffset Finished { get; set; }

    /// <summary><c>completed</c>, <c>cancelled</c> or <c>stopped: reason</c>.</summary>
    public string Outcome { get; set; } = "";

    public int Listed { get; set; }

    public int Uploaded { get; set; }

    public int Duplicates { get; set; }

    public int SkippedUnmapped { get; set; }

    public int Failed { get; set; }
}

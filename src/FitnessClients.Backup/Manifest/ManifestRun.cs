namespace FitnessClients.Backup.Manifest;

/// <summary>One run in the manifest's history.</summary>
internal sealed class ManifestRun
{
    public DateTimeOffset Started { get; set; }

    public DateTimeOffset Finished { get; set; }

    /// <summary><c>completed</c>, <c>cancelled</c> or <c>stopped: reason</c>.</summary>
    public string Outcome { get; set; } = "";

    public bool FullScan { get; set; }

    public int Listed { get; set; }

    public int Downloaded { get; set; }

    public int Skipped { get; set; }

    public int NotAvailable { get; set; }

    public int Failed { get; set; }

    public long BytesWritten { get; set; }
}

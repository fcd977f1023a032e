using FitnessClients.Backup.Manifest;
using FitnessClients.Backup.Naming;
using FitnessClients.Backup.Storage;
using FitnessClients.Core.Activities;

namespace FitnessClients.Backup;

/// <summary>The mutable state of one run, shared by the parallel downloads (counters updated atomically).</summary>
internal sealed class RunState(
    string root,
    BackupOptions options,
    IReadOnlyList<ActivityFormat> formats,
    ManifestStore store,
    GarminExportFolder garminExport,
    BackupNaming naming,
    IProgress<BackupProgress>? progress)
{
    private readonly List<BackupError> _errors = [];
    private int _downloaded;
    private int _skipped;
    private int _notAvailable;
    private int _completed;
    private long _bytesWritten;
    private long _lastSave = -1;

    public string Root { get; } = root;

    public BackupOptions Options { get; } = options;

    public IReadOnlyList<ActivityFormat> Formats { get; } = formats;

    public ManifestStore Store { get; } = store;

    public GarminExportFolder GarminExport { get; } = garminExport;

    public BackupNaming Naming { get; } = naming;

    public int Listed { get; set; }

    public int Total { get; set; }

    public DateTimeOffset? NewestListed { get; set; }

    public bool ListingComplete { get; set; }

    public Exception? Fatal { get; set; }

    public int Downloaded => Volatile.Read(ref _downloaded);

    public int Skipped => Volatile.Read(ref _skipped);

    public int NotAvailable => Volatile.Read(ref _notAvailable);

    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    public int Failed
    {
        get
        {
            lock (_errors)
            {
                return _errors.Count;
            }
        }
    }

    public IReadOnlyList<BackupError> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public void AddDownloaded(long bytes)
    {
        Interlocked.Increment(ref _downloaded);
        Interlocked.Add(ref _bytesWritten, bytes);
    }

    public void AddSkipped() => Interlocked.Increment(ref _skipped);

    public void AddNotAvailable() => Interlocked.Increment(ref _notAvailable);

    public void AddError(BackupError error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }

    public void ActivityDone(ActivitySummary activity)
    {
        Interlocked.Increment(ref _completed);
        Report(BackupPhase.Downloading, activity);
    }

    /// <summary>
    /// Whether enough time passed since the last intermediate save; files renamed in between are adopted by the next run
    /// anyway. The interval grows with the manifest (one more <paramref name="interval"/> per 1,000 activities), since
    /// each save writes all of it: a fixed interval made a large history's saves cost more than its downloads.
    /// </summary>
    public bool ShouldSave(TimeProvider time, TimeSpan interval)
    {
        var now = time.GetTimestamp();
        var scaled = interval * Math.Max(1, Store.Count / 1_000);
        lock (_errors)
        {
            if (_lastSave >= 0 && time.GetElapsedTime(_lastSave, now) < scaled)
            {
                return false;
            }

            _lastSave = now;
            return true;
        }
    }

    public void Report(BackupPhase phase, ActivitySummary? current) =>
        progress?.Report(new BackupProgress(phase, Listed, Total, Volatile.Read(ref _completed), current));
}

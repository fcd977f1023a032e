using System.Text;
using System.Text.Json;
using FitnessClients.Backup.Manifest;
using FitnessClients.Backup.Storage;
using FitnessClients.Core.Activities;

namespace FitnessClients.Backup.Sync;

/// <summary>Loads a record file, updates it, and saves it atomically after every change that must survive a crash.</summary>
internal sealed class SyncRecordStore
{
    /// <summary>How many runs the history keeps.</summary>
    public const int MaxRuns = 100;

    private readonly Dictionary<string, SyncRecordEntry> _byId;

    private SyncRecordStore(string path, SyncRecord record)
    {
        Path = path;
        Record = record;
        _byId = new Dictionary<string, SyncRecordEntry>(StringComparer.Ordinal);
        foreach (var entry in record.Activities)
        {
            _byId[entry.SourceId] = entry;
        }
    }

    public string Path { get; }

    public SyncRecord Record { get; }

    /// <summary>The record file's name for a source and a target: <c>sync-garmin-to-fittrackee.json</c>.</summary>
    public static string FileNameFor(string source, string target) => $"sync-{Clean(source)}-to-{Clean(target)}.json";

    public static async Task<SyncRecordStore> LoadAsync(string path, string source, string target, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return new SyncRecordStore(path, new SyncRecord { Source = source, Target = target });
        }

        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            SyncRecord? record;
            try
            {
                record = await JsonSerializer.DeserializeAsync(stream, ManifestStore.Json.SyncRecord, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException exception)
            {
                // Never start over silently: that would upload everything again.
                throw Corrupt(path, $"not valid JSON: {exception.Message}", exception);
            }

            if (Problem(record) is { } problem)
            {
                throw Corrupt(path, problem);
            }

            record!.Source = source;
            record.Target = target;
            return new SyncRecordStore(path, record);
        }
    }

    /// <summary>What makes a parsed record unusable, or null when it is sound.</summary>
    private static string? Problem(SyncRecord? record)
    {
        if (record is null)
        {
            return "it holds null instead of a sync record";
        }

        if (record.Activities is null || record.Runs is null)
        {
            return "its activities or runs are missing";
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < record.Activities.Count; i++)
        {
            var entry = record.Activities[i];
            if (entry is null || string.IsNullOrEmpty(entry.SourceId))
            {
                return $"activity #{i + 1} has no sourceId";
            }

            if (!ids.Add(entry.SourceId))
            {
                return $"activity {entry.SourceId} is listed twice";
            }

            if (entry.Status is null)
            {
                return $"activity {entry.SourceId} has no status";
            }
        }

        return record.Runs.Any(r => r is null) ? "a run in its history is null" : null;
    }

    private static CorruptStateFileException Corrupt(string path, string problem, Exception? inner = null) =>
        new(path, problem, $"Move it aside (for example to '{System.IO.Path.GetFileName(path)}.damaged') and run the sync again: it starts a new record, and the duplicate check finds the workouts the target already has instead of uploading them again.", inner);

    public SyncRecordEntry? Find(string sourceId) => _byId.GetValueOrDefault(sourceId);

    public bool IsDone(string sourceId) => _byId.TryGetValue(sourceId, out var entry) && entry.IsDone;

    public void RecordDone(ActivitySummary activity, string sport, string status, string targetId, string? format, DateTimeOffset now)
    {
        var entry = Entry(activity);
        entry.Sport = sport;
        entry.Status = status;
        entry.TargetId = targetId;
        entry.Format = format;
        entry.SyncedAt = now;
        entry.LastError = null;
    }

    public void RecordFailure(ActivitySummary activity, string sport, SyncStage stage, Exception exception)
    {
        var entry = Entry(activity);
        entry.Sport = sport;
        entry.Status = SyncRecordEntry.FailedStatus;
        entry.Failures++;
        entry.LastError = $"{stage}: {exception.GetType().Name}: {exception.Message}";
    }

    public void AddRun(SyncRecordRun run)
    {
        Record.Runs.Add(run);
        if (Record.Runs.Count > MaxRuns)
        {
            Record.Runs.RemoveRange(0, Record.Runs.Count - MaxRuns);
        }
    }

    /// <summary>Writes the whole record under a temporary name and renames it into place.</summary>
    public async Task SaveAsync()
    {
        Record.Activities = [.. _byId.Values.OrderBy(e => e.StartTime.UtcDateTime).ThenBy(e => e.SourceId.Length).ThenBy(e => e.SourceId, StringComparer.Ordinal)];
        var bytes = JsonSerializer.SerializeToUtf8Bytes(Record, ManifestStore.Json.SyncRecord);
        await AtomicFile.WriteAllBytesAsync(Path, bytes).ConfigureAwait(false);
    }

    private SyncRecordEntry Entry(ActivitySummary activity)
    {
        if (!_byId.TryGetValue(activity.Id, out var entry))
        {
            entry = new SyncRecordEntry { SourceId = activity.Id };
            _byId.Add(activity.Id, entry);
        }

        entry.StartTime = activity.StartTime;
        entry.SourceSport = activity.Sport;
        return entry;
    }

    private static string Clean(string service)
    {
        var builder = new StringBuilder(service.Length);
        foreach (var c in service.ToLowerInvariant())
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        return builder.Length == 0 ? "unknown" : builder.ToString();
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using FitnessClients.Backup.Storage;
using FitnessClients.Core.Activities;

namespace FitnessClients.Backup.Manifest;

/// <summary>Loads, updates (one writer at a time) and atomically saves the manifest.</summary>
internal sealed class ManifestStore : IDisposable
{
    internal static BackupJsonContext Json => BackupJsonContext.Default;

    private readonly string _path;
    private readonly Dictionary<string, ManifestActivity> _byId;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private ManifestStore(string path, BackupManifest manifest)
    {
        _path = path;
        Manifest = manifest;
        _byId = manifest.Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
    }

    public BackupManifest Manifest { get; }

    public static async Task<ManifestStore> LoadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return new ManifestStore(path, new BackupManifest());
        }

        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            BackupManifest? manifest;
            try
            {
                manifest = await JsonSerializer.DeserializeAsync(stream, Json.BackupManifest, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException exception)
            {
                throw Corrupt(path, $"not valid JSON: {exception.Message}", exception);
            }

            // Starting over on a wrong shape would lose the run history and ask again for formats known to be unavailable.
            if (Problem(manifest) is { } problem)
            {
                throw Corrupt(path, problem);
            }

            return new ManifestStore(path, manifest!);
        }
    }

    /// <summary>What makes a parsed manifest unusable, or null when it is sound.</summary>
    private static string? Problem(BackupManifest? manifest)
    {
        if (manifest is null)
        {
            return "it holds null instead of a manifest";
        }

        if (manifest.Activities is null || manifest.Runs is null)
        {
            return "its activities or runs are missing";
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < manifest.Activities.Count; i++)
        {
            var activity = manifest.Activities[i];
            if (activity is null || string.IsNullOrEmpty(activity.Id))
            {
                return $"activity #{i + 1} has no id";
            }

            if (!ids.Add(activity.Id))
            {
                return $"activity {activity.Id} is listed twice";
            }

            if (activity.Formats is null || activity.Formats.Values.Any(f => f is null))
            {
                return $"activity {activity.Id} has a missing format record";
            }
        }

        return manifest.Runs.Any(r => r is null) ? "a run in its history is null" : null;
    }

    private static CorruptStateFileException Corrupt(string path, string problem, Exception? inner = null) =>
        new(path, problem, $"Move it aside (for example to '{System.IO.Path.GetFileName(path)}.damaged') and run the backup again: it rebuilds the manifest from the files already on disk, which are not downloaded again.", inner);

    /// <summary>A copy of the activity's format records (empty when new), read without racing a writer.</summary>
    public async Task<Dictionary<string, ManifestFile>> GetFormatsAsync(string id, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _byId.TryGetValue(id, out var entry)
                ? new Dictionary<string, ManifestFile>(entry.Formats, StringComparer.Ordinal)
                : new Dictionary<string, ManifestFile>(StringComparer.Ordinal);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>How many activities the manifest holds (a snapshot; for pacing saves).</summary>
    public int Count => _byId.Count;

    /// <summary>Unsynchronised read for the listing phase, when no writer runs.</summary>
    public ManifestActivity? Find(string id) => _byId.GetValueOrDefault(id);

    public async Task RecordAsync(ActivitySummary activity, string? format, ManifestFile? file, CancellationToken cancellationToken)
    {
        // Not cancellable once the file is in place: a renamed file must reach the manifest.
        _ = cancellationToken;
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (!_byId.TryGetValue(activity.Id, out var entry))
            {
                entry = new ManifestActivity();
                _byId.Add(activity.Id, entry);
            }

            entry.Update(activity);
            if (format is not null && file is not null)
            {
                entry.Formats[format] = file;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task SaveAsync()
    {
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            Manifest.Activities = [.. _byId.Values.OrderBy(a => a.StartTime.UtcDateTime).ThenBy(a => a.Id.Length).ThenBy(a => a.Id, StringComparer.Ordinal)];

            // Streamed to the file: a manifest of 10,000 activities is tens of MB, and a byte array of it per save
            // (every few seconds) piled up in the large-object heap faster than the GC returned it.
            await AtomicFile.WriteAsync(_path, stream => JsonSerializer.SerializeAsync(stream, Manifest, Json.BackupManifest)).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public IReadOnlyList<ManifestActivity> SortedActivities() =>
        [.. _byId.Values.OrderBy(a => a.StartTime.UtcDateTime).ThenBy(a => a.Id.Length).ThenBy(a => a.Id, StringComparer.Ordinal)];

    public void Dispose() => _gate.Dispose();
}

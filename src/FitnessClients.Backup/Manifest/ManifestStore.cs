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
            var manifest = await JsonSerializer.DeserializeAsync(stream, Json.BackupManifest, cancellationToken).ConfigureAwait(false)
                ?? new BackupManifest();
            return new ManifestStore(path, manifest);
        }
    }

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

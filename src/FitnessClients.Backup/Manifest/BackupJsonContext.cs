using System.Text.Json;
using System.Text.Json.Serialization;
using FitnessClients.Backup.Storage;
using FitnessClients.Backup.Sync;

namespace FitnessClients.Backup.Manifest;

/// <summary>
/// Source-generated metadata for the files the backup and the sync keep (manifest, sync record, folder lock), so
/// they are read and written without reflection and the package works in trimmed and Native AOT apps. Web defaults
/// (camelCase, case-insensitive) as the files have always been written.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BackupManifest))]
[JsonSerializable(typeof(SyncRecord))]
[JsonSerializable(typeof(FolderLockInfo))]
internal sealed partial class BackupJsonContext : JsonSerializerContext;

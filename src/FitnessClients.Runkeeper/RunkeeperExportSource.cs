using System.Runtime.CompilerServices;
using System.Text.Json;
using FitnessClients.Core.Activities;
using FitnessClients.Runkeeper.Export;
using FitnessClients.Runkeeper.Models;

namespace FitnessClients.Runkeeper;

/// <summary>
/// A Runkeeper data export ZIP (runkeeper.com → Account Settings → Export Data) as a backup source: the practical path
/// since the API stopped accepting new applications. Activities come from <c>cardioActivities.csv</c>; GPS activities
/// also offer their GPX file from the ZIP, byte for byte.
/// </summary>
/// <remarks>
/// <para>
/// Times: the CSV's <c>Date</c> is the local start without an offset. When the activity has a GPX (whose times are UTC)
/// the offset is the difference, rounded to a quarter hour. Without one (manual entries) the local time is kept and
/// labelled UTC+00:00, or placed in <see cref="RunkeeperExportOptions.AssumedTimeZone"/> when set. The summary's
/// <c>start_time_source</c> says which (<c>gpx</c>, <c>assumed_time_zone</c>, <c>local_time_only</c>).
/// </para>
/// <para>
/// Safety: nothing is extracted to disk. Entry names and <c>GPX File</c> values that are not plain relative paths
/// (<c>../</c>, absolute paths, drive letters) are never followed; entries that expand beyond
/// <see cref="RunkeeperExportOptions.MaxEntryBytes"/> are refused. A ZIP without <c>cardioActivities.csv</c> or with an
/// unreadable CSV raises <see cref="InvalidDataException"/> naming the file and line.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var source = new RunkeeperExportSource("runkeeper-data-export-2026-05-01.zip");
/// var engine = new BackupEngine(source);
/// await engine.RunAsync(new BackupOptions { BackupDirectory = "runkeeper", Formats = RunkeeperActivityFormats.Export });
/// </code>
/// </example>
public sealed class RunkeeperExportSource : IActivitySource
{
    private readonly RunkeeperExportOptions _options;
    private readonly Lock _gate = new();
    private Task<List<RunkeeperExportEntry>>? _loaded;

    /// <summary>Creates the source; the ZIP is read on the first listing.</summary>
    /// <param name="zipPath">The export ZIP.</param>
    /// <param name="options">How to read it; defaults when <see langword="null"/>.</param>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="zipPath"/>.</exception>
    public RunkeeperExportSource(string zipPath, RunkeeperExportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(zipPath);
        ZipPath = Path.GetFullPath(zipPath);
        if (!File.Exists(ZipPath))
        {
            throw new FileNotFoundException($"The Runkeeper export {ZipPath} does not exist.", ZipPath);
        }

        _options = options ?? new RunkeeperExportOptions();
    }

    /// <summary>The export being read.</summary>
    public string ZipPath { get; }

    /// <inheritdoc />
    public string Service => "runkeeper";

    /// <inheritdoc />
    public IReadOnlyList<ActivityFormat> SupportedFormats => RunkeeperActivityFormats.Export;

    /// <inheritdoc />
    public async IAsyncEnumerable<ActivitySummary> ListActivitiesAsync(ActivityListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var entries = await LoadAsync(cancellationToken).ConfigureAwait(false);
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = entry.Summary.StartTime;
            if ((options?.After is { } after && start < after) || (options?.Before is { } before && start >= before))
            {
                continue;
            }

            yield return entry.Summary;
        }
    }

    /// <inheritdoc />
    public async Task<ActivityContent> OpenAsync(ActivitySummary activity, ActivityFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(format);
        if (format.Equals(RunkeeperActivityFormats.SummaryJson))
        {
            if (activity.Raw is not { ValueKind: JsonValueKind.Object } raw)
            {
                return ActivityContent.NotAvailable("the listing kept no row for this activity");
            }

            var bytes = JsonSerializer.SerializeToUtf8Bytes(raw, RunkeeperJson.Info<JsonElement>());
            return ActivityContent.Available(new MemoryStream(bytes, writable: false), "summary.json", bytes.Length);
        }

        if (format.Equals(RunkeeperActivityFormats.Gpx))
        {
            var entries = await LoadAsync(cancellationToken).ConfigureAwait(false);
            var entry = entries.FirstOrDefault(e => string.Equals(e.Summary.Id, activity.Id, StringComparison.Ordinal));
            if (entry is null)
            {
                return ActivityContent.NotAvailable("the export has no such activity");
            }

            if (entry.GpxEntryName is not { } name)
            {
                return ActivityContent.NotAvailable(entry.GpxUnavailableReason ?? "no GPX file");
            }

            var bytes = await Task.Run(() => RunkeeperExportArchive.ReadEntry(ZipPath, name, _options.MaxEntryBytes), cancellationToken).ConfigureAwait(false);
            return ActivityContent.Available(new MemoryStream(bytes, writable: false), "gpx", bytes.Length);
        }

        return ActivityContent.NotAvailable($"a Runkeeper export does not contain {format.Name}");
    }

    private Task<List<RunkeeperExportEntry>> LoadAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_loaded is null || _loaded.IsFaulted || _loaded.IsCanceled)
            {
                _loaded = Task.Run(() => RunkeeperExportArchive.Load(ZipPath, _options), CancellationToken.None);
            }

            return _loaded.WaitAsync(cancellationToken);
        }
    }
}

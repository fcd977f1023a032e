using System.Runtime.ExceptionServices;
using FitnessClients.Backup.Csv;
using FitnessClients.Backup.Manifest;
using FitnessClients.Backup.Naming;
using FitnessClients.Backup.Storage;
using FitnessClients.Core;
using FitnessClients.Core.Activities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FitnessClients.Backup;

/// <summary>
/// Backs up the activities of any <see cref="IActivitySource"/> into a folder, incrementally and crash-safely:
/// files are written under a temporary name and renamed into place when complete, a manifest records what is done
/// and the high-water mark so a run with nothing new costs one listing request, and formats the service does not
/// have are recorded once instead of asked for again.
/// </summary>
/// <example>
/// <code>
/// var engine = new BackupEngine(new GarminActivitySource(garmin));
/// var result = await engine.RunAsync(new BackupOptions { BackupDirectory = "backup", Formats = [ActivityFormat.Original] });
/// Console.WriteLine($"{result.Downloaded} new files, {result.RequestsMade} requests");
/// </code>
/// </example>
public sealed partial class BackupEngine
{
    /// <summary>The manifest's file name in the backup folder.</summary>
    public const string ManifestFileName = "backup-manifest.json";

    /// <summary>The summary table's file name in the backup folder.</summary>
    public const string CsvFileName = "activities.csv";

    private static readonly TimeSpan ManifestSaveInterval = TimeSpan.FromSeconds(2);

    // A download whose body breaks off is tried this many times in one run before it counts as failed.
    private const int BrokenBodyAttempts = 3;

    private readonly IActivitySource _source;
    private readonly TimeProvider _time;
    private readonly ILogger<BackupEngine> _logger;

    /// <summary>Creates an engine for one source; it can run many times.</summary>
    /// <param name="source">Where activities come from.</param>
    /// <param name="timeProvider">The clock for elapsed time and run history; the system clock by default.</param>
    /// <param name="logger">Progress and problems; nothing by default.</param>
    public BackupEngine(IActivitySource source, TimeProvider? timeProvider = null, ILogger<BackupEngine>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<BackupEngine>.Instance;
    }

    /// <summary>Runs one backup.</summary>
    /// <param name="options">The folder, formats, filters and layout.</param>
    /// <param name="progress">Receives snapshots for a progress bar.</param>
    /// <param name="cancellationToken">Stops the run between or within downloads; what is complete stays recorded, the rest is done by the next run.</param>
    /// <returns>Counts, errors, bytes and time of the run.</returns>
    /// <exception cref="AuthenticationRequiredException">The source needs a new sign-in; the manifest is saved first.</exception>
    /// <exception cref="RateLimitExceededException">The service's budget is spent; the manifest is saved first.</exception>
    /// <exception cref="FolderLockedException">Another backup (or sync) is using the folder; nothing was touched.</exception>
    /// <exception cref="CorruptStateFileException">The manifest is damaged (not JSON, <c>null</c>, missing or repeated ids); it is left as it is and the message names it and the way out.</exception>
    public async Task<BackupResult> RunAsync(BackupOptions options, IProgress<BackupProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.BackupDirectory);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrency, 1);
        var formats = ResolveFormats(options);

        var startTimestamp = _time.GetTimestamp();
        var startedAt = _time.GetUtcNow();
        var requestsBefore = options.RequestCounter?.Invoke();
        var root = Path.GetFullPath(options.BackupDirectory);
        progress?.Report(new BackupProgress(BackupPhase.Preparing, 0, 0, 0, null));
        Directory.CreateDirectory(root);
        using var folderLock = FolderLock.Acquire(root, "backup of " + _source.Service, _time, _logger);
        var removed = AtomicFile.RemoveLeftovers(root);
        if (removed > 0)
        {
            LogLeftoversRemoved(removed, root);
        }

        using var store = await ManifestStore.LoadAsync(Path.Combine(root, ManifestFileName), cancellationToken).ConfigureAwait(false);
        store.Manifest.Service ??= _source.Service;
        var run = new RunState(root, options, formats, store, GarminExportFolder.Scan(root), new BackupNaming(options.Layout), progress);
        var outcome = "completed";
        ExceptionDispatchInfo? fatal = null;
        try
        {
            var selected = await ListAsync(run, cancellationToken).ConfigureAwait(false);
            run.Total = selected.Count;
            run.Report(BackupPhase.Downloading, null);
            await DownloadAllAsync(run, selected, cancellationToken).ConfigureAwait(false);
            if (run.Fatal is { } stop)
            {
                fatal = ExceptionDispatchInfo.Capture(stop);
                outcome = "stopped: " + stop.GetType().Name;
            }
            else if (run.Failed == 0 && run.ListingComplete && !options.Filter.IsRestricting && run.NewestListed is { } newest)
            {
                // Everything from the top of the list down to the old mark (or the bottom) is now complete.
                if (store.Manifest.HighWaterMark is not { } mark || newest > mark)
                {
                    store.Manifest.HighWaterMark = newest;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "cancelled";
            throw;
        }
        catch (Exception exception) when (exception is AuthenticationRequiredException or RateLimitExceededException)
        {
            outcome = "stopped: " + exception.GetType().Name;
            throw;
        }
        finally
        {
            run.Report(BackupPhase.Finishing, null);
            store.Manifest.Runs.Add(new ManifestRun
            {
                Started = startedAt,
                Finished = _time.GetUtcNow(),
                Outcome = outcome,
                FullScan = options.FullScan,
                Listed = run.Listed,
                Downloaded = run.Downloaded,
                Skipped = run.Skipped,
                NotAvailable = run.NotAvailable,
                Failed = run.Failed,
                BytesWritten = run.BytesWritten,
            });
            await store.SaveAsync().ConfigureAwait(false);
            if (options.WriteCsv)
            {
                await ActivityCsvWriter.WriteAsync(
                    Path.Combine(root, CsvFileName), store.Manifest.Service ?? _source.Service, store.SortedActivities(), options.CsvTemplate ?? CsvTemplate.Default).ConfigureAwait(false);
            }
        }

        fatal?.Throw();
        var result = new BackupResult
        {
            Listed = run.Listed,
            Selected = run.Total,
            Downloaded = run.Downloaded,
            Skipped = run.Skipped,
            NotAvailable = run.NotAvailable,
            Failed = run.Failed,
            Errors = [.. run.Errors.OrderBy(e => e.ActivityId, StringComparer.Ordinal).ThenBy(e => e.Format, StringComparer.Ordinal)],
            BytesWritten = run.BytesWritten,
            RequestsMade = requestsBefore is { } before ? options.RequestCounter!() - before : null,
            Elapsed = _time.GetElapsedTime(startTimestamp),
            HighWaterMark = store.Manifest.HighWaterMark,
        };
        run.Report(BackupPhase.Completed, null);
        LogRunFinished(result.Listed, result.Downloaded, result.Skipped, result.NotAvailable, result.Failed);
        return result;
    }

    private List<ActivityFormat> ResolveFormats(BackupOptions options)
    {
        List<ActivityFormat> formats = options.Formats.Count == 0 ? [ActivityFormat.Original] : [.. options.Formats.Distinct()];
        foreach (var format in formats)
        {
            if (!_source.SupportedFormats.Contains(format))
            {
                throw new ArgumentException(
                    $"The {_source.Service} source does not offer the format '{format.Name}'; it offers {string.Join(", ", _source.SupportedFormats)}.",
                    nameof(options));
            }
        }

        return formats;
    }

    private async Task<List<ActivitySummary>> ListAsync(RunState run, CancellationToken cancellationToken)
    {
        var filter = run.Options.Filter;
        var listOptions = new ActivityListOptions
        {
            // A local day lies between UTC-12 and UTC+14: widen to instants, then filter by the exact local date.
            After = filter.StartDate is { } start ? new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(14)) : null,
            Before = filter.EndDate is { } end ? new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(-12)) : null,
        };
        var excluded = filter.ExcludeIds.ToHashSet(StringComparer.Ordinal);
        var mark = run.Options.FullScan ? null : run.Store.Manifest.HighWaterMark;
        var selected = new List<ActivitySummary>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var skippedNewest = 0;
        run.Report(BackupPhase.Listing, null);
        await foreach (var activity in _source.ListActivitiesAsync(listOptions, cancellationToken).ConfigureAwait(false))
        {
            if (!seen.Add(activity.Id))
            {
                continue;
            }

            run.Listed++;
            if (run.NewestListed is not { } newest || activity.StartTime > newest)
            {
                run.NewestListed = activity.StartTime;
            }

            if (mark is { } m && activity.StartTime <= m && IsComplete(run, activity))
            {
                LogStoppedAtMark(activity.Id, m);
                break;
            }

            var localDate = DateOnly.FromDateTime(activity.StartTime.DateTime);
            if (filter.StartDate is { } first && localDate < first)
            {
                // Newest first: everything after this is older still.
                break;
            }

            if ((filter.EndDate is { } last && localDate > last) || excluded.Contains(activity.Id))
            {
                continue;
            }

            if (skippedNewest < filter.SkipNewest)
            {
                skippedNewest++;
                continue;
            }

            if (filter.ActivityTypes.Count > 0 && !ActivityTypeMatcher.Matches(activity, filter.ActivityTypes))
            {
                continue;
            }

            selected.Add(activity);
            run.Report(BackupPhase.Listing, activity);
            if (filter.Count is { } count && selected.Count >= count)
            {
                break;
            }
        }

        run.ListingComplete = true;
        return selected;
    }

    private bool IsComplete(RunState run, ActivitySummary activity)
    {
        if (run.Store.Find(activity.Id) is not { } entry)
        {
            return false;
        }

        foreach (var format in run.Formats)
        {
            if (!entry.Formats.TryGetValue(Key(format), out var record))
            {
                return false;
            }

            var done = record.Path is not null || record.Parts is not null
                ? record.FilesExist(run.Root)
                : !run.Options.RetryNotAvailable;
            if (!done)
            {
                return false;
            }
        }

        return true;
    }

    private async Task DownloadAllAsync(RunState run, List<ActivitySummary> selected, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = run.Options.MaxConcurrency, CancellationToken = stop.Token };
        try
        {
            await Parallel.ForEachAsync(selected, parallel, async (activity, token) =>
            {
                try
                {
                    await BackupActivityAsync(run, activity, token).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is AuthenticationRequiredException or RateLimitExceededException)
                {
                    lock (run)
                    {
                        run.Fatal ??= exception;
                    }

                    await stop.CancelAsync().ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (run.Fatal is not null && !cancellationToken.IsCancellationRequested)
        {
            // Stopped because of run.Fatal, rethrown by the caller after the manifest is saved.
        }
    }

    private async Task BackupActivityAsync(RunState run, ActivitySummary activity, CancellationToken cancellationToken)
    {
        run.Report(BackupPhase.Downloading, activity);
        await run.Store.RecordAsync(activity, null, null, cancellationToken).ConfigureAwait(false);
        var records = await run.Store.GetFormatsAsync(activity.Id, cancellationToken).ConfigureAwait(false);
        var folder = run.Naming.FolderFor(activity);
        var directory = folder.Length == 0 ? run.Root : Path.Combine(run.Root, folder);
        var baseName = run.Naming.BaseNameFor(activity);
        foreach (var format in run.Formats)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await BackupFormatAsync(run, activity, format, records.GetValueOrDefault(Key(format)), folder, directory, baseName, cancellationToken).ConfigureAwait(false);
                        break;
                    }
                    catch (Exception exception) when (attempt < BrokenBodyAttempts && IsBrokenBody(exception) && !cancellationToken.IsCancellationRequested)
                    {
                        // The client's retries end when the headers arrive; a body cut off while streaming to disk is
                        // asked for again here (the temporary file is already gone), instead of failing the file.
                        LogBodyBroken(activity.Id, format.Name, attempt);
                    }
                }
            }
            catch (Exception exception) when (exception is not (OperationCanceledException or AuthenticationRequiredException or RateLimitExceededException))
            {
                run.AddError(new BackupError(activity.Id, format.Name, exception.GetType().Name, exception.Message));
                LogFileFailed(exception, activity.Id, format.Name);
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A timeout inside the source, not our cancellation: a failure of this file only.
                run.AddError(new BackupError(activity.Id, format.Name, exception.GetType().Name, exception.Message));
            }
        }

        run.ActivityDone(activity);
        if (run.ShouldSave(_time, ManifestSaveInterval))
        {
            await run.Store.SaveAsync().ConfigureAwait(false);
        }
    }

    private async Task BackupFormatAsync(
        RunState run, ActivitySummary activity, ActivityFormat format, ManifestFile? record, string folder, string directory, string baseName, CancellationToken cancellationToken)
    {
        var key = Key(format);
        if (record is { NotAvailable: null } && record.FilesExist(run.Root))
        {
            run.AddSkipped();
            return;
        }

        if (record?.NotAvailable is not null && !run.Options.RetryNotAvailable)
        {
            run.AddSkipped();
            return;
        }

        if (run.GarminExport.FindFile(activity.Id, key) is { } legacyName)
        {
            await AdoptAsync(run, activity, key, Path.Combine(run.Root, legacyName), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (record is null && run.GarminExport.IsNotFound(activity.Id, key) && !run.Options.RetryNotAvailable)
        {
            await run.Store.RecordAsync(activity, key, ManifestFile.Unavailable("garminexport .not_found"), cancellationToken).ConfigureAwait(false);
            run.AddSkipped();
            return;
        }

        if (run.Naming.FindExistingAtStart(directory, baseName, format) is { } existing)
        {
            // Renamed into place by a run that stopped before saving the manifest.
            await AdoptAsync(run, activity, key, existing, cancellationToken).ConfigureAwait(false);
            return;
        }

        var content = await _source.OpenAsync(activity, format, cancellationToken).ConfigureAwait(false);
        await using (content.ConfigureAwait(false))
        {
            if (!content.IsAvailable)
            {
                var reason = string.IsNullOrWhiteSpace(content.UnavailableReason) ? "not available" : content.UnavailableReason;
                await run.Store.RecordAsync(activity, key, ManifestFile.Unavailable(reason), CancellationToken.None).ConfigureAwait(false);
                run.AddNotAvailable();
                LogNotAvailable(activity.Id, format.Name, reason);
                return;
            }

            if (content.Files.Count > 0)
            {
                await WriteFilesAsync(run, activity, key, content.Files, folder, baseName, cancellationToken).ConfigureAwait(false);
                return;
            }

            var fileName = BackupNaming.FileNameFor(baseName, format, content.FileExtension);
            var relative = folder.Length == 0 ? fileName : $"{folder}/{fileName}";
            var fullPath = BackupPaths.Resolve(run.Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            var fileTime = run.Options.Layout.SetFileTimes ? activity.StartTime : (DateTimeOffset?)null;
            var (length, sha256) = await AtomicFile.WriteStreamAsync(fullPath, content.Stream!, fileTime, cancellationToken).ConfigureAwait(false);
            await run.Store.RecordAsync(activity, key, new ManifestFile { Path = relative, Length = length, Sha256 = sha256 }, CancellationToken.None).ConfigureAwait(false);
            run.AddDownloaded(length);
            LogDownloaded(activity.Id, format.Name, relative, length);
        }
    }

    /// <summary>
    /// Writes the files of a format that is several files: an activity's own files as <c>{base}.{name}</c> next to its
    /// other files, shared files once under their path in the backup root. The manifest lists them all only when every
    /// one is in place, so an interrupted format is done again by the next run.
    /// </summary>
    private async Task WriteFilesAsync(
        RunState run, ActivitySummary activity, string key, IReadOnlyList<ActivityContentFile> files, string folder, string baseName, CancellationToken cancellationToken)
    {
        var parts = new List<ManifestFile>(files.Count);
        var fileTime = run.Options.Layout.SetFileTimes ? activity.StartTime : (DateTimeOffset?)null;

        // Every path is checked before the first is written, so a refused name does not leave its siblings behind
        // to be written again by every later run.
        var targets = files.Select(file => (File: file, Relative: RelativePathOf(file, folder, baseName))).ToList();
        var fullPaths = targets.Select(t => BackupPaths.Resolve(run.Root, t.Relative)).ToList();
        for (var i = 0; i < targets.Count; i++)
        {
            var (file, relative) = targets[i];
            var fullPath = fullPaths[i];
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            var (length, sha256) = await AtomicFile.WriteStreamAsync(fullPath, file.Stream, file.IsShared ? null : fileTime, cancellationToken).ConfigureAwait(false);
            parts.Add(new ManifestFile { Path = relative, Length = length, Sha256 = sha256 });
            run.AddDownloaded(length);
            LogDownloaded(activity.Id, key, relative, length);
        }

        await run.Store.RecordAsync(activity, key, new ManifestFile { Parts = parts }, CancellationToken.None).ConfigureAwait(false);
    }

    private static string RelativePathOf(ActivityContentFile file, string folder, string baseName)
    {
        if (file.IsShared)
        {
            // A segment that sanitises to nothing ("_", "...") is kept empty here so BackupPaths refuses the name:
            // dropping it would let "_/x/y" turn into the rooted "/x/y" or collide with a genuine "x/y".
            return string.Join('/', file.Name.Split(['/', '\\']).Select(s => FileNameSanitizer.Sanitize(s, 100)));
        }

        var ending = FileNameSanitizer.Sanitize(file.Name, 100);
        if (ending.Length == 0)
        {
            throw new UnsafeBackupPathException($"{baseName}.", "the source's file name is empty once sanitised");
        }

        var fileName = $"{baseName}.{ending}";
        return folder.Length == 0 ? fileName : $"{folder}/{fileName}";
    }

    private static async Task AdoptAsync(RunState run, ActivitySummary activity, string key, string fullPath, CancellationToken cancellationToken)
    {
        var (length, sha256) = await AtomicFile.HashAsync(fullPath, cancellationToken).ConfigureAwait(false);
        var relative = Path.GetRelativePath(run.Root, fullPath).Replace('\\', '/');
        await run.Store.RecordAsync(activity, key, new ManifestFile { Path = relative, Length = length, Sha256 = sha256 }, CancellationToken.None).ConfigureAwait(false);
        run.AddSkipped();
    }

    internal static string Key(ActivityFormat format) => format.Name.ToLowerInvariant();

    // A body that ended early or a connection reset while reading, bare or wrapped by a source (Garmin's download
    // stream maps it to ServiceUnavailableException). Failures before the headers were already retried by the client.
    private static bool IsBrokenBody(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpIOException or IOException { InnerException: System.Net.Sockets.SocketException })
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} temporary files left by an interrupted run in {Folder}")]
    private partial void LogLeftoversRemoved(int count, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listing stopped at activity {ActivityId}, complete and at or before the high-water mark {Mark}")]
    private partial void LogStoppedAtMark(string activityId, DateTimeOffset mark);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Downloaded {Format} of activity {ActivityId} to {Path} ({Length} bytes)")]
    private partial void LogDownloaded(string activityId, string format, string path, long length);

    [LoggerMessage(Level = LogLevel.Information, Message = "The body of {Format} of activity {ActivityId} broke off (attempt {Attempt}); asking again")]
    private partial void LogBodyBroken(string activityId, string format, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "The service has no {Format} for activity {ActivityId}: {Reason}")]
    private partial void LogNotAvailable(string activityId, string format, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backing up {Format} of activity {ActivityId} failed; the next run retries it")]
    private partial void LogFileFailed(Exception exception, string activityId, string format);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup finished: {Listed} listed, {Downloaded} downloaded, {Skipped} skipped, {NotAvailable} not available, {Failed} failed")]
    private partial void LogRunFinished(int listed, int downloaded, int skipped, int notAvailable, int failed);
}

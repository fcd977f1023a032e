using System.Net;
using System.Runtime.ExceptionServices;
using FitnessClients.Backup.Storage;
using FitnessClients.Core;
using FitnessClients.Core.Activities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FitnessClients.Backup.Sync;

/// <summary>
/// Copies activities from any <see cref="IActivitySource"/> (Garmin Connect, Strava, Runkeeper) into any
/// <see cref="IActivitySink"/> (FitTrackee), newest unsynced first, so that no rerun uploads anything twice.
/// </summary>
/// <remarks>
/// <para>
/// A record in the state folder (<c>sync-{source}-to-{target}.json</c>, written atomically) maps each source id to
/// the target's id and is saved right after every upload. Before uploading an activity the record does not have,
/// the engine asks the target for a duplicate (<see cref="IActivitySink.FindDuplicateAsync"/>), so an upload that
/// went through just before a crash (or a lost response) is found and recorded instead of being uploaded again.
/// </para>
/// <para>
/// One run per state folder: a second concurrent run is refused with <see cref="FolderLockedException"/>; a lock left
/// by a process that died is taken over. One failing activity is recorded as failed and retried by the next run;
/// <see cref="AuthenticationRequiredException"/> and <see cref="RateLimitExceededException"/> stop the run, after
/// saving the record.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var engine = new SyncEngine(new GarminActivitySource(garmin), new FitTrackeeActivitySink(fittrackee));
/// var result = await engine.RunAsync(new SyncOptions { StateDirectory = "sync-state", Since = new DateOnly(2025, 1, 1) });
/// Console.WriteLine($"{result.Uploaded.Count} uploaded, {result.SkippedUnmapped.Count} skipped (no sport mapping)");
/// </code>
/// </example>
public sealed partial class SyncEngine
{
    /// <summary>The <see cref="SyncedActivity.Format"/> of an activity created without a file.</summary>
    public const string ManualFormat = "manual";

    /// <summary>
    /// How many runs an activity may fail before it stops holding back the high-water mark. Until then every run lists
    /// down to it and retries it; after that it is retried only when listed anyway (<see cref="SyncOptions.FullScan"/>,
    /// a date range, or while it is among the newest), so one broken activity does not make every run list the whole history.
    /// </summary>
    public const int GiveUpAfterFailures = 5;

    private static readonly ActivityFormat[] FileFormatsByExtension = [ActivityFormat.Fit, ActivityFormat.Gpx, ActivityFormat.Tcx, ActivityFormat.Kml];

    private readonly IActivitySource _source;
    private readonly IActivitySink _sink;
    private readonly TimeProvider _time;
    private readonly ILogger<SyncEngine> _logger;

    /// <summary>Creates an engine for one source and one target; it can run many times.</summary>
    /// <param name="source">Where activities come from.</param>
    /// <param name="sink">Where they go.</param>
    /// <param name="timeProvider">The clock of the record and the lock; the system clock by default.</param>
    /// <param name="logger">Progress and problems; nothing by default.</param>
    public SyncEngine(IActivitySource source, IActivitySink sink, TimeProvider? timeProvider = null, ILogger<SyncEngine>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sink);
        _source = source;
        _sink = sink;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<SyncEngine>.Instance;
    }

    /// <summary>
    /// The default <see cref="SyncOptions.FormatPreference"/>: the device's FIT first (everything it recorded, compact),
    /// then GPX (FitTrackee's own format, with heart rate, cadence and power extensions), TCX (about twice the size of
    /// the same GPX, so the first to hit an upload size limit) and KML.
    /// </summary>
    public static IReadOnlyList<ActivityFormat> DefaultFormatPreference { get; } = [ActivityFormat.Fit, ActivityFormat.Gpx, ActivityFormat.Tcx, ActivityFormat.Kml];

    /// <summary>The record file of a source and a target in a state folder.</summary>
    /// <param name="stateDirectory">The state folder.</param>
    /// <param name="sourceService">The source's <see cref="IActivitySource.Service"/>.</param>
    /// <param name="targetService">The target's <see cref="IActivitySink.Service"/>.</param>
    public static string RecordPathFor(string stateDirectory, string sourceService, string targetService)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateDirectory);
        ArgumentNullException.ThrowIfNull(sourceService);
        ArgumentNullException.ThrowIfNull(targetService);
        return Path.Combine(Path.GetFullPath(stateDirectory), SyncRecordStore.FileNameFor(sourceService, targetService));
    }

    /// <summary>Runs one sync.</summary>
    /// <param name="options">The state folder, date range, sport mapping and formats.</param>
    /// <param name="progress">Receives a snapshot per step, with each activity's outcome.</param>
    /// <param name="cancellationToken">Stops the run between steps; an upload that completed is still recorded.</param>
    /// <returns>What was uploaded, found, skipped and failed (or, in a dry run, what would be uploaded).</returns>
    /// <exception cref="FolderLockedException">Another sync (or backup) is using the state folder; nothing was done.</exception>
    /// <exception cref="AuthenticationRequiredException">Either side needs a new sign-in; the record is saved first.</exception>
    /// <exception cref="RateLimitExceededException">Either side's budget is spent; the record is saved first.</exception>
    /// <exception cref="CorruptStateFileException">The record file is damaged (the run refuses to start over and upload everything again); the message names the file and the way out.</exception>
    public async Task<SyncResult> RunAsync(SyncOptions options, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.StateDirectory);
        ArgumentNullException.ThrowIfNull(options.SportMapping);
        ArgumentNullException.ThrowIfNull(options.FormatPreference);
        if (options.MaxActivities is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        }

        if (options.Since is { } since && options.Until is { } until && since > until)
        {
            throw new ArgumentException($"Since ({since:yyyy-MM-dd}) is after Until ({until:yyyy-MM-dd}).", nameof(options));
        }

        var startTimestamp = _time.GetTimestamp();
        var startedAt = _time.GetUtcNow();
        var root = Path.GetFullPath(options.StateDirectory);
        var run = new SyncRunState(options, FileFormatsFor(options), progress);
        run.Report(SyncPhase.Preparing, null, null);
        using var folderLock = options.DryRun ? null : FolderLock.Acquire(root, $"sync {_source.Service} to {_sink.Service}", _time, _logger);
        if (!options.DryRun)
        {
            RemoveLeftovers(root);
        }

        var store = await SyncRecordStore.LoadAsync(RecordPathFor(root, _source.Service, _sink.Service), _source.Service, _sink.Service, cancellationToken).ConfigureAwait(false);
        var outcome = "completed";
        ExceptionDispatchInfo? fatal = null;
        var recordWritable = true;
        try
        {
            var candidates = await ListAsync(run, store, cancellationToken).ConfigureAwait(false);
            run.Total = candidates.Count;
            run.Report(SyncPhase.Syncing, null, null);
            foreach (var (activity, sport) in candidates)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await SyncOneAsync(run, store, activity, sport, cancellationToken).ConfigureAwait(false) is { } stop)
                {
                    fatal = ExceptionDispatchInfo.Capture(stop);
                    outcome = "stopped: " + stop.GetType().Name;
                    LogStopped(stop, activity.Id);
                    break;
                }
            }

            if (fatal is null && !options.DryRun && run.ListingComplete && options.Since is null && options.Until is null)
            {
                store.Record.HighWaterMark = NewHighWaterMark(run, store);
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
        catch (RecordWriteException exception)
        {
            // The record cannot be written: stop before uploading anything more that could not be recorded.
            recordWritable = false;
            exception.Inner.Throw();
            throw;
        }
        finally
        {
            if (!options.DryRun && recordWritable)
            {
                run.Report(SyncPhase.Finishing, null, null);
                store.AddRun(new SyncRecordRun
                {
                    Started = startedAt,
                    Finished = _time.GetUtcNow(),
                    Outcome = outcome,
                    Listed = run.Listed,
                    Uploaded = run.Uploaded.Count,
                    Duplicates = run.Duplicates.Count,
                    SkippedUnmapped = run.Unmapped.Count,
                    Failed = run.Failed.Count,
                });
                await store.SaveAsync().ConfigureAwait(false);
            }
        }

        fatal?.Throw();
        var result = new SyncResult
        {
            DryRun = options.DryRun,
            Listed = run.Listed,
            AlreadySynced = run.AlreadySynced,
            Uploaded = [.. run.Uploaded],
            Duplicates = [.. run.Duplicates],
            SkippedUnmapped = [.. run.Unmapped],
            Failed = [.. run.Failed],
            Planned = [.. run.Planned],
            Elapsed = _time.GetElapsedTime(startTimestamp),
            HighWaterMark = store.Record.HighWaterMark,
            RecordPath = store.Path,
        };
        run.Report(SyncPhase.Completed, null, null);
        LogRunFinished(options.DryRun, result.Listed, result.Uploaded.Count, result.Duplicates.Count, result.SkippedUnmapped.Count, result.Failed.Count);
        return result;
    }

    /// <summary>
    /// The newest start at or before which everything is resolved. A failure holds the mark below itself, so the next
    /// runs list down to it and retry it, until it has failed <see cref="GiveUpAfterFailures"/> times.
    /// </summary>
    private static DateTimeOffset? NewHighWaterMark(SyncRunState run, SyncRecordStore store)
    {
        var holding = run.Failed
            .Where(f => (store.Find(f.Activity.Id)?.Failures ?? 0) < GiveUpAfterFailures)
            .Select(f => f.Activity.StartTime)
            .ToList();
        if (holding.Count == 0)
        {
            var old = store.Record.HighWaterMark;
            return run.NewestListed is { } newest && (old is null || newest > old) ? newest : old;
        }

        var oldestFailure = holding.Min();
        var below = run.DoneStarts.Where(start => start < oldestFailure).ToList();
        return below.Count > 0 ? below.Max() : null;
    }

    private List<ActivityFormat> FileFormatsFor(SyncOptions options) =>
        [.. options.FormatPreference.Distinct().Where(f => _source.SupportedFormats.Contains(f) && _sink.AcceptedFormats.Contains(f))];

    private async Task<List<(ActivitySummary Activity, string Sport)>> ListAsync(SyncRunState run, SyncRecordStore store, CancellationToken cancellationToken)
    {
        var options = run.Options;
        var listOptions = new ActivityListOptions
        {
            // A local day lies between UTC-12 and UTC+14: widen to instants, then filter by the exact local date.
            After = options.Since is { } start ? new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(14)) : null,
            Before = options.Until is { } end ? new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(-12)) : null,
        };
        var mark = options.FullScan ? null : store.Record.HighWaterMark;
        var selected = new List<(ActivitySummary, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        run.Report(SyncPhase.Listing, null, null);
        var complete = true;
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

            if (mark is { } m && activity.StartTime <= m && store.IsDone(activity.Id))
            {
                run.DoneStarts.Add(activity.StartTime);
                LogStoppedAtMark(activity.Id, m);
                break;
            }

            var localDate = DateOnly.FromDateTime(activity.StartTime.DateTime);
            if (options.Since is { } first && localDate < first)
            {
                // Newest first: everything after this is older still.
                break;
            }

            if (options.Until is { } last && localDate > last)
            {
                continue;
            }

            if (store.IsDone(activity.Id))
            {
                run.AlreadySynced++;
                run.DoneStarts.Add(activity.StartTime);
                continue;
            }

            if (options.SportMapping.Resolve(_source.Service, activity.Sport) is not { } sport)
            {
                run.Unmapped.Add(new UnmappedActivity(activity, activity.Sport));
                LogUnmapped(activity.Id, activity.Sport ?? "(none)");
                run.Report(SyncPhase.Listing, activity, SyncOutcome.SkippedUnmapped);
                continue;
            }

            selected.Add((activity, sport));
            run.Report(SyncPhase.Listing, activity, null);
            if (options.MaxActivities is { } max && selected.Count >= max)
            {
                complete = false;
                break;
            }
        }

        run.ListingComplete = complete;
        return selected;
    }

    /// <summary>Syncs one activity; returns the exception that must stop the run, if one happened.</summary>
    private async Task<Exception?> SyncOneAsync(SyncRunState run, SyncRecordStore store, ActivitySummary activity, string sport, CancellationToken cancellationToken)
    {
        var dryRun = run.Options.DryRun;
        run.Report(SyncPhase.Syncing, activity, null);
        var attempt = new Attempt();
        SyncOutcome outcome;
        try
        {
            var duplicate = await _sink.FindDuplicateAsync(activity, cancellationToken).ConfigureAwait(false);
            if (duplicate is not null)
            {
                run.Duplicates.Add(new SyncedActivity(activity, duplicate, sport, null));
                if (!dryRun)
                {
                    store.RecordDone(activity, sport, SyncRecordEntry.DuplicateStatus, duplicate, null, _time.GetUtcNow());
                }

                LogDuplicate(activity.Id, _sink.Service, duplicate);
                run.DoneStarts.Add(activity.StartTime);
                outcome = SyncOutcome.Duplicate;
            }
            else if (dryRun)
            {
                run.Planned.Add(new PlannedUpload(activity, sport, PlannedFormat(run, activity)));
                outcome = SyncOutcome.WouldUpload;
            }
            else
            {
                var (upload, format) = await UploadAsync(run, activity, sport, attempt, cancellationToken).ConfigureAwait(false);
                run.DoneStarts.Add(activity.StartTime);
                if (upload.WasDuplicate)
                {
                    run.Duplicates.Add(new SyncedActivity(activity, upload.TargetId, sport, null));
                    store.RecordDone(activity, sport, SyncRecordEntry.DuplicateStatus, upload.TargetId, null, _time.GetUtcNow());
                    LogDuplicate(activity.Id, _sink.Service, upload.TargetId);
                    outcome = SyncOutcome.Duplicate;
                }
                else
                {
                    run.Uploaded.Add(new SyncedActivity(activity, upload.TargetId, sport, format));
                    store.RecordDone(activity, sport, SyncRecordEntry.UploadedStatus, upload.TargetId, format, _time.GetUtcNow());
                    LogUploaded(activity.Id, _sink.Service, upload.TargetId, format, sport);
                    outcome = SyncOutcome.Uploaded;
                }
            }
        }
        catch (Exception exception) when (exception is AuthenticationRequiredException or RateLimitExceededException)
        {
            return exception;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            run.Failed.Add(new SyncFailure(activity, attempt.Stage, exception.GetType().Name, exception.Message, exception));
            if (!dryRun)
            {
                store.RecordFailure(activity, sport, attempt.Stage, exception);
            }

            LogFailed(exception, activity.Id, attempt.Stage);
            outcome = SyncOutcome.Failed;
        }

        if (!dryRun)
        {
            try
            {
                // Right after every upload: the record is what keeps the next run from uploading it again.
                await store.SaveAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                LogRecordWriteFailed(exception, store.Path, activity.Id);
                throw new RecordWriteException(ExceptionDispatchInfo.Capture(exception));
            }
        }

        run.Completed++;
        run.Report(SyncPhase.Syncing, activity, outcome);
        return null;
    }

    private async Task<(ActivityUploadResult Result, string Format)> UploadAsync(SyncRunState run, ActivitySummary activity, string sport, Attempt attempt, CancellationToken cancellationToken)
    {
        var notes = run.Options.Notes?.Invoke(activity);
        if (!activity.HasGpsTrack && run.Options.AllowManualEntries)
        {
            attempt.Stage = SyncStage.Uploading;
            var manual = await _sink.UploadAsync(new ActivityUpload { Activity = activity, Sport = sport, Notes = notes }, cancellationToken).ConfigureAwait(false);
            return (manual, ManualFormat);
        }

        var reasons = new List<string>();
        FitnessApiException? tooLarge = null;
        foreach (var format in run.FileFormats)
        {
            attempt.Stage = SyncStage.OpeningFile;
            var content = await _source.OpenAsync(activity, format, cancellationToken).ConfigureAwait(false);
            await using (content.ConfigureAwait(false))
            {
                if (!content.IsAvailable)
                {
                    reasons.Add($"{format.Name}: {content.UnavailableReason ?? "not available"}");
                    continue;
                }

                // Garmin's "fit" of an uploaded GPX is that GPX: upload what the file is, if the target takes it.
                var actual = FormatOfFile(content.FileExtension, format);
                if (actual is null || !_sink.AcceptedFormats.Contains(actual))
                {
                    reasons.Add($"{format.Name}: the file is .{content.FileExtension}, which {_sink.Service} does not accept");
                    continue;
                }

                var buffer = new MemoryStream(content.Length is { } length and > 0 and < int.MaxValue ? (int)length : 0);
                await using (buffer.ConfigureAwait(false))
                {
                    // Buffered so the sink knows the size up front (targets check it against their upload limit).
                    await content.Stream!.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                    buffer.Position = 0;
                    attempt.Stage = SyncStage.Uploading;
                    try
                    {
                        var result = await _sink.UploadAsync(
                            new ActivityUpload { Activity = activity, Sport = sport, File = buffer, FileFormat = actual, Notes = notes },
                            cancellationToken).ConfigureAwait(false);
                        return (result, actual.Name);
                    }
                    catch (FitnessApiException exception) when (exception.StatusCode == HttpStatusCode.RequestEntityTooLarge)
                    {
                        // Refused for its size (a 413 creates nothing): a more compact format may fit (GPX vs TCX).
                        tooLarge = exception;
                        reasons.Add($"{actual.Name}: {exception.Message}");
                        LogTooLarge(activity.Id, actual.Name, buffer.Length);
                    }
                }
            }
        }

        if (tooLarge is not null)
        {
            // Not a manual entry: that would lose the track for good. Failed, retried once the limit allows it.
            ExceptionDispatchInfo.Throw(tooLarge);
        }

        var why = reasons.Count == 0
            ? $"{_source.Service} offers none of the formats {_sink.Service} accepts ({string.Join(", ", _sink.AcceptedFormats)})"
            : string.Join("; ", reasons);
        if (run.Options.AllowManualEntries)
        {
            LogManualFallback(activity.Id, why);
            attempt.Stage = SyncStage.Uploading;
            var manual = await _sink.UploadAsync(new ActivityUpload { Activity = activity, Sport = sport, Notes = notes }, cancellationToken).ConfigureAwait(false);
            return (manual, ManualFormat);
        }

        attempt.Stage = SyncStage.OpeningFile;
        throw new NoUploadableFormatException($"No file of activity {activity.Id} can be uploaded to {_sink.Service}: {why}.");
    }

    private static string PlannedFormat(SyncRunState run, ActivitySummary activity) =>
        !activity.HasGpsTrack && run.Options.AllowManualEntries ? ManualFormat
        : run.FileFormats.Count > 0 ? run.FileFormats[0].Name
        : run.Options.AllowManualEntries ? ManualFormat
        : "none";

    private static ActivityFormat? FormatOfFile(string? extension, ActivityFormat requested) =>
        extension is null
            ? requested
            : Array.Find(FileFormatsByExtension, f => string.Equals(f.FileExtension, extension, StringComparison.OrdinalIgnoreCase));

    /// <summary>Removes temporary files a killed run left in the state folder (only its own, not recursively).</summary>
    private static void RemoveLeftovers(string root)
    {
        foreach (var file in Directory.EnumerateFiles(root, ".*" + AtomicFile.TempSuffix))
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Carries the step an activity is at into the failure handler.</summary>
    private sealed class Attempt
    {
        public SyncStage Stage { get; set; } = SyncStage.CheckingDuplicate;
    }

    /// <summary>Wraps a failure to save the record, which stops the run (unlike a failing activity).</summary>
    private sealed class RecordWriteException(ExceptionDispatchInfo inner) : Exception(inner.SourceException.Message, inner.SourceException)
    {
        public ExceptionDispatchInfo Inner { get; } = inner;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listing stopped at activity {ActivityId}, synced and at or before the high-water mark {Mark}")]
    private partial void LogStoppedAtMark(string activityId, DateTimeOffset mark);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity {ActivityId} skipped: no sport mapping for type '{SourceType}'")]
    private partial void LogUnmapped(string activityId, string sourceType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity {ActivityId} is already in {Target} as {TargetId}; recorded without uploading")]
    private partial void LogDuplicate(string activityId, string target, string targetId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Uploaded activity {ActivityId} to {Target} as {TargetId} ({Format}, {Sport})")]
    private partial void LogUploaded(string activityId, string target, string targetId, string format, string sport);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No file of activity {ActivityId} can be uploaded ({Reasons}); creating a manual entry")]
    private partial void LogManualFallback(string activityId, string reasons);

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Format} of activity {ActivityId} ({Length} bytes) is over the target's size limit; trying the next format")]
    private partial void LogTooLarge(string activityId, string format, long length);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Syncing activity {ActivityId} failed while {Stage}; the next run retries it")]
    private partial void LogFailed(Exception exception, string activityId, SyncStage stage);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not save the sync record {Path} after activity {ActivityId}; stopping")]
    private partial void LogRecordWriteFailed(Exception exception, string path, string activityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync stopped at activity {ActivityId}; the record is saved and the next run continues")]
    private partial void LogStopped(Exception exception, string activityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync finished (dry run: {DryRun}): {Listed} listed, {Uploaded} uploaded, {Duplicates} duplicates, {Unmapped} unmapped, {Failed} failed")]
    private partial void LogRunFinished(bool dryRun, int listed, int uploaded, int duplicates, int unmapped, int failed);
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FitnessClients.Backup.Manifest;
using Microsoft.Extensions.Logging;

namespace FitnessClients.Backup.Storage;

/// <summary>
/// One run at a time per folder (a sync's state folder, a backup folder), across processes.
/// </summary>
/// <remarks>
/// <para>
/// The lock itself is an open handle on <see cref="LockFileName"/> with <see cref="FileShare.None"/> and
/// <see cref="FileOptions.DeleteOnClose"/>: Windows enforces the sharing mode, .NET on Unix takes an exclusive
/// <c>flock</c> (and checks the file it locked is still the one at the path). The operating system drops the handle
/// when the process ends in any way, kill -9 and power loss included, so a crash cannot leave the folder locked.
/// </para>
/// <para>
/// <see cref="InfoFileName"/> beside it says who holds the lock (process id, host, start time, purpose) for the
/// message a refused run shows. Where the operating system lock has no effect (file locking disabled with <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c>, or a network share
/// without locks) that record is the lock: it is refreshed every <see cref="HeartbeatInterval"/>, honoured while its
/// process runs on this host, and taken over when the process is gone or, for another host, when no heartbeat came
/// for <see cref="StaleAfter"/>.
/// </para>
/// </remarks>
internal sealed partial class FolderLock : IDisposable
{
    /// <summary>The lock file, held open for the whole run.</summary>
    public const string LockFileName = ".fitness.lock";

    /// <summary>The holder's record.</summary>
    public const string InfoFileName = ".fitness.lock.json";

    /// <summary>How often a holder refreshes its record.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMinutes(1);

    /// <summary>A record with no heartbeat for this long is stale (used only where the operating system lock has no effect).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    private readonly FileStream _handle;
    private readonly string _infoPath;
    private readonly FolderLockInfo _info;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ITimer? _heartbeat;
    private readonly Lock _gate = new();
    private bool _disposed;

    private FolderLock(string folder, FileStream handle, FolderLockInfo info, TimeProvider time, ILogger logger, bool osLockEffective)
    {
        Folder = folder;
        _handle = handle;
        _infoPath = Path.Combine(folder, InfoFileName);
        _info = info;
        _time = time;
        _logger = logger;
        // The heartbeat matters only where the record is the lock; elsewhere a timer would only be noise on the clock.
        _heartbeat = osLockEffective ? null : time.CreateTimer(_ => Heartbeat(), null, HeartbeatInterval, HeartbeatInterval);
    }

    /// <summary>The locked folder.</summary>
    public string Folder { get; }

    /// <summary>The holder record that was taken over when this lock was acquired, if a dead run left one.</summary>
    public FolderLockInfo? RecoveredFrom { get; private init; }

    /// <summary>Takes the folder's lock or says who holds it.</summary>
    /// <param name="folder">The folder; created when missing.</param>
    /// <param name="purpose">What this run does, shown to a run that is refused (e.g. <c>backup of garmin</c>).</param>
    /// <param name="time">The clock of the record and its heartbeat.</param>
    /// <param name="logger">Where a recovered stale lock is reported.</param>
    /// <param name="osLockEffective">Tests: overrides the probe of whether the operating system lock works here.</param>
    /// <exception cref="FolderLockedException">Another live run holds the folder.</exception>
    public static FolderLock Acquire(string folder, string purpose, TimeProvider time, ILogger logger, bool? osLockEffective = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(folder);
        var lockPath = Path.Combine(folder, LockFileName);
        var infoPath = Path.Combine(folder, InfoFileName);
        var handle = OpenLockFile(folder, lockPath, infoPath);
        try
        {
            var previous = ReadInfo(infoPath);
            var effective = osLockEffective ?? ProbeOsLock(lockPath);
            if (previous is not null)
            {
                if (effective)
                {
                    // The operating system gave us the lock, so whoever wrote the record no longer runs.
                    LogRecovered(logger, folder, previous.ProcessId, previous.Host, previous.StartedAt, "its lock was released when it ended");
                }
                else if (StaleReason(previous, time.GetUtcNow()) is { } reason)
                {
                    LogRecovered(logger, folder, previous.ProcessId, previous.Host, previous.StartedAt, reason);
                }
                else
                {
                    throw Locked(folder, previous);
                }
            }

            var now = time.GetUtcNow();
            var info = new FolderLockInfo
            {
                LockId = Guid.NewGuid().ToString("N"),
                ProcessId = Environment.ProcessId,
                Host = Environment.MachineName,
                ProcessStartedAt = CurrentProcessStart(),
                StartedAt = now,
                HeartbeatAt = now,
                Purpose = purpose,
            };
            WriteInfo(infoPath, info);
            return new FolderLock(folder, handle, info, time, logger, effective) { RecoveredFrom = previous };
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Why a holder record no longer stands for a live run, or <see langword="null"/> when it may.</summary>
    internal static string? StaleReason(FolderLockInfo info, DateTimeOffset now)
    {
        if (string.Equals(info.Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase)
            && !IsRunning(info.ProcessId, info.ProcessStartedAt))
        {
            return string.Create(CultureInfo.InvariantCulture, $"process {info.ProcessId} is no longer running");
        }

        var lastSign = info.HeartbeatAt > info.StartedAt ? info.HeartbeatAt : info.StartedAt;
        return now - lastSign > StaleAfter
            ? string.Create(CultureInfo.InvariantCulture, $"no heartbeat for more than {StaleAfter.TotalMinutes:0} minutes")
            : null;
    }

    internal static FolderLockInfo? ReadInfo(string infoPath)
    {
        try
        {
            var bytes = File.ReadAllBytes(infoPath);
            return JsonSerializer.Deserialize(bytes, ManifestStore.Json.FolderLockInfo);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            // Missing (no holder, or one that has not written it yet) or unreadable: nothing to go by.
            return null;
        }
    }

    private static FileStream OpenLockFile(string folder, string lockPath, string infoPath)
    {
        // A holder's lock file is always a plain file, so a link there was planted: opening it would create or lock
        // its target outside the folder. Removing the link removes only the link.
        if (new FileInfo(lockPath).LinkTarget is not null)
        {
            File.Delete(lockPath);
        }

        // A few immediate retries cover Windows' short "delete pending" state of a lock file being released.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (UnauthorizedAccessException) when (attempt < 20 && !Directory.Exists(lockPath))
            {
                Thread.Yield();
            }
            catch (IOException exception) when (exception is not FileNotFoundException and not DirectoryNotFoundException && !Directory.Exists(lockPath))
            {
                throw Locked(folder, ReadInfo(infoPath), exception);
            }
        }
    }

    /// <summary>Whether a second exclusive open of the held lock file fails, i.e. the operating system lock works here.</summary>
    private static bool ProbeOsLock(string lockPath)
    {
        try
        {
            using var probe = new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static FolderLockedException Locked(string folder, FolderLockInfo? holder, Exception? cause = null) =>
        new(folder, holder?.ProcessId, holder?.Host, holder?.StartedAt, holder?.Purpose, cause);

    private static bool IsRunning(int processId, DateTimeOffset? startedAt)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            if (process.HasExited)
            {
                return false;
            }

            // A different start time means the PID was reused by an unrelated process.
            return startedAt is not { } expected
                || (new DateTimeOffset(process.StartTime.ToUniversalTime()) - expected).Duration() < TimeSpan.FromSeconds(2);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or NotSupportedException or UnauthorizedAccessException)
        {
            // Cannot tell (no permission to inspect it): assume it runs, the heartbeat limit still applies.
            return true;
        }
    }

    private static DateTimeOffset? CurrentProcessStart()
    {
        try
        {
            using var process = Process.GetCurrentProcess();
            return new DateTimeOffset(process.StartTime.ToUniversalTime());
        }
        catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static void WriteInfo(string infoPath, FolderLockInfo info)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(info, ManifestStore.Json.FolderLockInfo);
        var temp = AtomicFile.TempPathFor(infoPath);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, infoPath, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
            }

            throw;
        }
    }

    private void Heartbeat()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            try
            {
                _info.HeartbeatAt = _time.GetUtcNow();
                WriteInfo(_infoPath, _info);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                LogHeartbeatFailed(_logger, exception, Folder);
            }
        }
    }

    /// <summary>Releases the lock: removes this holder's record, then closes (and so deletes) the lock file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _heartbeat?.Dispose();
        try
        {
            // Only while still holding the lock, and only our own record: a successor's must survive.
            if (ReadInfo(_infoPath) is { } current && current.LockId == _info.LockId)
            {
                File.Delete(_infoPath);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogHeartbeatFailed(_logger, exception, Folder);
        }
        finally
        {
            _handle.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Took over the lock of {Folder} left by process {ProcessId} on {Host} (started {StartedAt}): {Reason}")]
    private static partial void LogRecovered(ILogger logger, string folder, int processId, string host, DateTimeOffset startedAt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update the lock record in {Folder}")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception, string folder);
}

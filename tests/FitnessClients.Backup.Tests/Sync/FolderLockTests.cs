using System.Diagnostics;
using System.Text.Json;
using FitnessClients.Backup.Manifest;
using FitnessClients.Backup.Storage;
using FitnessClients.Backup.Sync;
using FitnessClients.Backup.Tests.Support;
using FitnessClients.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace FitnessClients.Backup.Tests.Sync;

/// <summary>One run per folder: refusal with the holder's details, release on exit, stale-lock recovery.</summary>
public class FolderLockTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static FolderLock Acquire(string folder, TimeProvider? time = null, bool? osLockEffective = null) =>
        FolderLock.Acquire(folder, "test run", time ?? new TimerTrackingTimeProvider(Now), NullLogger.Instance, osLockEffective);

    private static FolderLockInfo ReadInfo(string folder) =>
        FolderLock.ReadInfo(Path.Combine(folder, FolderLock.InfoFileName)) ?? throw new AssertionException("no lock record");

    private static void WriteInfo(string folder, int processId, string host, DateTimeOffset startedAt, DateTimeOffset? processStartedAt = null, DateTimeOffset? heartbeat = null)
    {
        Directory.CreateDirectory(folder);
        var info = new FolderLockInfo
        {
            LockId = "left-behind",
            ProcessId = processId,
            Host = host,
            StartedAt = startedAt,
            HeartbeatAt = heartbeat ?? startedAt,
            ProcessStartedAt = processStartedAt,
            Purpose = "sync strava to fittrackee",
        };
        File.WriteAllBytes(Path.Combine(folder, FolderLock.InfoFileName), JsonSerializer.SerializeToUtf8Bytes(info, ManifestStore.Json.FolderLockInfo));
    }

    /// <summary>The PID of a process that has run and ended.</summary>
    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo(OperatingSystem.IsWindows() ? "cmd.exe" : "true") { UseShellExecute = false, Arguments = OperatingSystem.IsWindows() ? "/c exit 0" : "" })!;
        process.WaitForExit();
        return process.Id;
    }

    [Test]
    public void A_held_lock_refuses_a_second_holder_naming_its_process_host_and_start_time()
    {
        using var folder = new TempFolder();
        using var held = Acquire(folder.Path);

        var refused = Assert.Throws<FolderLockedException>(() => Acquire(folder.Path));

        Assert.Multiple(() =>
        {
            Assert.That(refused!.Folder, Is.EqualTo(folder.Path));
            Assert.That(refused.HolderProcessId, Is.EqualTo(Environment.ProcessId));
            Assert.That(refused.HolderHost, Is.EqualTo(Environment.MachineName));
            Assert.That(refused.HolderStartedAt, Is.EqualTo(Now));
            Assert.That(refused.HolderPurpose, Is.EqualTo("test run"));
            Assert.That(refused.Message, Does.Contain($"process {Environment.ProcessId} on host '{Environment.MachineName}'"));
            Assert.That(refused.Message, Does.Contain("started 2026-06-01 12:00:00Z"));
            Assert.That(refused.Message, Does.Contain("taken over automatically"));
        });
    }

    [Test]
    public void Where_the_operating_system_lock_works_no_timer_is_left_on_the_clock()
    {
        using var folder = new TempFolder();
        var clock = new TimerTrackingTimeProvider(Now);

        using var held = Acquire(folder.Path, clock);

        Assert.That(clock.PendingTimerCount, Is.Zero, "fake-clock drivers look for the next timer; a heartbeat would always be it");
    }

    [Test]
    public void Releasing_removes_both_files_and_lets_the_next_run_in()
    {
        using var folder = new TempFolder();
        Acquire(folder.Path).Dispose();

        Assert.That(Directory.EnumerateFileSystemEntries(folder.Path), Is.Empty);
        using var next = Acquire(folder.Path);
        Assert.That(next.RecoveredFrom, Is.Null);
    }

    [Test]
    public void A_lock_file_and_record_left_by_a_process_that_no_longer_exists_are_taken_over()
    {
        using var folder = new TempFolder();
        var dead = DeadProcessId();
        File.WriteAllBytes(Path.Combine(folder.Path, FolderLock.LockFileName), []);
        WriteInfo(folder.Path, dead, Environment.MachineName, Now.AddHours(-3));

        using var taken = Acquire(folder.Path);

        Assert.That(taken.RecoveredFrom?.ProcessId, Is.EqualTo(dead));
        Assert.That(ReadInfo(folder.Path).ProcessId, Is.EqualTo(Environment.ProcessId), "the record now names this run");
    }

    [Test]
    public async Task A_sync_recovers_by_itself_from_a_stale_lock_and_leaves_the_folder_clean()
    {
        using var folder = new TempFolder();
        var state = folder["state"];
        WriteInfo(state, DeadProcessId(), Environment.MachineName, Now.AddDays(-1));
        File.WriteAllBytes(Path.Combine(state, FolderLock.LockFileName), []);
        var source = new SyncTestSource("garmin");
        source.AddDaily(2, Now, "running");

        var result = await new SyncEngine(source, new InMemoryActivitySink()).RunAsync(new SyncOptions { StateDirectory = state });

        Assert.That(result.Uploaded, Has.Count.EqualTo(2));
        Assert.That(Directory.EnumerateFiles(state).Select(Path.GetFileName), Is.EqualTo(new[] { "sync-garmin-to-fittrackee.json" }));
    }

    [Test]
    public async Task A_second_sync_on_the_same_state_folder_is_refused_while_the_first_runs()
    {
        using var folder = new TempFolder();
        var state = folder["state"];
        var source = new SyncTestSource("strava");
        source.AddDaily(3, Now, "Run");
        var other = new SyncTestSource("garmin");
        other.AddDaily(1, Now, "running");
        FolderLockedException? refused = null;
        var sink = new InMemoryActivitySink();
        sink.BeforeAccept = _ =>
        {
            sink.BeforeAccept = null;
            // Even a different pair of services: the lock is the folder's.
            refused = Assert.ThrowsAsync<FolderLockedException>(() => new SyncEngine(other, new InMemoryActivitySink()).RunAsync(new SyncOptions { StateDirectory = state }));
        };

        var first = await new SyncEngine(source, sink).RunAsync(new SyncOptions { StateDirectory = state });

        Assert.That(first.Uploaded, Has.Count.EqualTo(3), "the first run is not disturbed");
        Assert.That(refused, Is.Not.Null);
        Assert.That(refused!.HolderProcessId, Is.EqualTo(Environment.ProcessId));
        Assert.That(refused.HolderPurpose, Is.EqualTo("sync strava to fittrackee"));
        Assert.That(File.Exists(SyncEngine.RecordPathFor(state, "garmin", "fittrackee")), Is.False, "the refused run wrote nothing");

        var later = await new SyncEngine(other, new InMemoryActivitySink()).RunAsync(new SyncOptions { StateDirectory = state });
        Assert.That(later.Uploaded, Has.Count.EqualTo(1));
    }

    [Test]
    public void Where_the_record_is_the_lock_a_heartbeat_refreshes_it_while_the_lock_is_held()
    {
        using var folder = new TempFolder();
        var clock = new TimerTrackingTimeProvider(Now);
        using var held = Acquire(folder.Path, clock, osLockEffective: false);

        clock.Advance(FolderLock.HeartbeatInterval);
        clock.Advance(FolderLock.HeartbeatInterval);

        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (ReadInfo(folder.Path).HeartbeatAt < Now + (2 * FolderLock.HeartbeatInterval) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        var info = ReadInfo(folder.Path);
        Assert.That(info.HeartbeatAt, Is.EqualTo(Now + (2 * FolderLock.HeartbeatInterval)));
        Assert.That(info.StartedAt, Is.EqualTo(Now));
    }

    // Where the operating system lock has no effect (locking disabled, a share without locks) the record is the lock.

    [Test]
    public void Without_an_operating_system_lock_a_record_of_a_live_process_on_this_host_still_refuses()
    {
        using var folder = new TempFolder();
        using var self = Process.GetCurrentProcess();
        WriteInfo(folder.Path, Environment.ProcessId, Environment.MachineName, Now.AddHours(-5), new DateTimeOffset(self.StartTime.ToUniversalTime()), heartbeat: Now.AddSeconds(-30));

        var refused = Assert.Throws<FolderLockedException>(() => Acquire(folder.Path, osLockEffective: false));

        Assert.That(refused!.HolderProcessId, Is.EqualTo(Environment.ProcessId));
        Assert.That(refused.HolderStartedAt, Is.EqualTo(Now.AddHours(-5)));
        Assert.That(File.Exists(Path.Combine(folder.Path, FolderLock.LockFileName)), Is.False, "the refused run's handle is closed");
    }

    [Test]
    public void Without_an_operating_system_lock_a_dead_or_reused_process_id_is_stale()
    {
        using var folder = new TempFolder();
        WriteInfo(folder.Path, DeadProcessId(), Environment.MachineName, Now.AddMinutes(-1));
        using (var taken = Acquire(folder.Path, osLockEffective: false))
        {
            Assert.That(taken.RecoveredFrom, Is.Not.Null);
        }

        // Our own PID, but a process that started at another time: the PID was reused.
        WriteInfo(folder.Path, Environment.ProcessId, Environment.MachineName, Now.AddMinutes(-1), new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var reused = Acquire(folder.Path, osLockEffective: false);
        Assert.That(reused.RecoveredFrom?.ProcessId, Is.EqualTo(Environment.ProcessId));
    }

    [Test]
    public void Without_an_operating_system_lock_another_host_s_record_stands_until_its_heartbeat_is_older_than_the_limit()
    {
        using var folder = new TempFolder();
        WriteInfo(folder.Path, 4242, "another-host", Now.AddHours(-2), heartbeat: Now - FolderLock.StaleAfter + TimeSpan.FromMinutes(1));
        Assert.Throws<FolderLockedException>(() => Acquire(folder.Path, osLockEffective: false));

        WriteInfo(folder.Path, 4242, "another-host", Now.AddHours(-2), heartbeat: Now - FolderLock.StaleAfter - TimeSpan.FromSeconds(1));
        using var taken = Acquire(folder.Path, osLockEffective: false);
        Assert.That(taken.RecoveredFrom?.Host, Is.EqualTo("another-host"));
        Assert.That(FolderLock.StaleReason(taken.RecoveredFrom!, Now), Does.Contain("no heartbeat"));
    }

    [Test]
    public async Task A_lock_held_by_a_process_that_gets_killed_is_free_as_soon_as_it_is_gone()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/usr/bin/flock"))
        {
            Assert.Ignore("needs flock(1), which takes the same flock lock .NET takes on Unix");
        }

        using var folder = new TempFolder();
        var lockPath = Path.Combine(folder.Path, FolderLock.LockFileName);
        var start = new ProcessStartInfo("/usr/bin/flock") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in new[] { "-o", lockPath, "sleep", "60" })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        try
        {
            WriteInfo(folder.Path, child.Id, Environment.MachineName, Now, new DateTimeOffset(child.StartTime.ToUniversalTime()));
            await WaitUntilLockedAsync(lockPath, child);

            var refused = Assert.Throws<FolderLockedException>(() => Acquire(folder.Path));
            Assert.That(refused!.HolderProcessId, Is.EqualTo(child.Id));
            Assert.That(refused.Message, Does.Contain($"process {child.Id}"));
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        using var taken = Acquire(folder.Path);
        Assert.That(taken.RecoveredFrom?.ProcessId, Is.EqualTo(child.Id), "the killed holder's record was taken over");
    }

    /// <summary>Polls (bounded, real time) until the child holds the lock.</summary>
    private static async Task WaitUntilLockedAsync(string lockPath, Process child)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && !child.HasExited)
        {
            try
            {
                using var probe = new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.None);
            }
            catch (FileNotFoundException)
            {
            }
            catch (IOException)
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"the child never took the lock: {(child.HasExited ? await child.StandardError.ReadToEndAsync() : "timeout")}");
    }
}

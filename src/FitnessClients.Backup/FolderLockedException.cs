using System.Globalization;

namespace FitnessClients.Backup;

/// <summary>
/// Another run (a sync or a backup) is using the folder right now. Nothing was changed; wait for the other run to
/// finish. A lock left behind by a process that has ended is taken over automatically, so this is never stale.
/// </summary>
public sealed class FolderLockedException : IOException
{
    /// <summary>Creates the exception for a folder and what is known about the run holding it.</summary>
    /// <param name="folder">The locked folder.</param>
    /// <param name="holderProcessId">The holder's process id, when its lock record could be read.</param>
    /// <param name="holderHost">The holder's host name, when known.</param>
    /// <param name="holderStartedAt">When the holder took the lock, when known.</param>
    /// <param name="holderPurpose">What the holder is doing (e.g. <c>backup of garmin</c>), when known.</param>
    /// <param name="innerException">The operating system's refusal, when there was one.</param>
    public FolderLockedException(string folder, int? holderProcessId, string? holderHost, DateTimeOffset? holderStartedAt, string? holderPurpose, Exception? innerException = null)
        : base(Describe(folder, holderProcessId, holderHost, holderStartedAt, holderPurpose), innerException)
    {
        Folder = folder;
        HolderProcessId = holderProcessId;
        HolderHost = holderHost;
        HolderStartedAt = holderStartedAt;
        HolderPurpose = holderPurpose;
    }

    /// <summary>Creates the exception with a message only (serialisation and tests).</summary>
    /// <param name="message">The message.</param>
    public FolderLockedException(string message)
        : base(message)
    {
        Folder = "";
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public FolderLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Folder = "";
    }

    /// <summary>Creates the exception with no detail.</summary>
    public FolderLockedException()
        : this("The folder is in use by another run.")
    {
    }

    /// <summary>The locked folder.</summary>
    public string Folder { get; }

    /// <summary>The process id of the run holding the lock, when its lock record could be read.</summary>
    public int? HolderProcessId { get; }

    /// <summary>The host the holding run is on (the folder may be shared over a network).</summary>
    public string? HolderHost { get; }

    /// <summary>When the holding run took the lock.</summary>
    public DateTimeOffset? HolderStartedAt { get; }

    /// <summary>What the holding run is doing, e.g. <c>sync garmin to fittrackee</c>.</summary>
    public string? HolderPurpose { get; }

    private static string Describe(string folder, int? pid, string? host, DateTimeOffset? startedAt, string? purpose)
    {
        var holder = pid is { } id
            ? string.Create(CultureInfo.InvariantCulture, $"{purpose ?? "a run"} (process {id} on host '{host ?? "?"}', started {startedAt?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "at an unknown time"})")
            : "another process (its lock record is not readable yet)";
        return $"The folder '{folder}' is in use by {holder}. Wait for it to finish and run again; a lock left by a process that has ended is taken over automatically.";
    }
}

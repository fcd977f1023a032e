using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace FitnessClients.Core.Tokens;

/// <summary>
/// Keeps each account's token in its own JSON file, <c>{key}.json</c>, in one directory; the store a CLI or a
/// scheduled backup normally uses.
/// </summary>
/// <remarks>
/// <para>
/// A save writes a temp file in the same directory, flushes it to disk and renames it over the old file, so a
/// crash or a full disk leaves either the old token or the new one, never half of each. On Unix the directory
/// is created 0700 and every file 0600 from the moment it exists.
/// </para>
/// <para>
/// The store never follows a symbolic link: a token file, lock file or directory that is a link is refused
/// with a <see cref="TokenStoreException"/>, so nobody can redirect the tokens (or an overwrite) elsewhere.
/// A corrupt or empty file is reported, never replaced or deleted, because it may be the only copy of a
/// refresh token a person could still recover.
/// </para>
/// <para>
/// <see cref="AcquireRefreshLockAsync"/> holds <c>{key}.lock</c> open exclusively, which on Unix takes an
/// advisory <c>flock</c> and on Windows a sharing lock. The operating system drops it when the process exits,
/// so a crashed process never leaves a stale lock. The lock file itself is kept: deleting lock files invites
/// two processes to lock two different files.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var store = new FileTokenStore("~/.config/fitnessclients/tokens");
/// var manager = new TokenManager(store, "strava-jane", refresher);
/// var token = await manager.GetTokenAsync(ct);
/// </code>
/// </example>
public sealed class FileTokenStore : ITokenStore
{
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    // Shared by every instance in the process, keyed by lock-file path, so two stores over the same directory
    // queue on a semaphore instead of both polling the lock file.
    private static readonly KeyedSemaphores ProcessLocks = new();

    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a store over <paramref name="directory"/>, which is created on the first save if missing.</summary>
    /// <param name="directory">The token directory; a leading <c>~</c> means the user's home directory.</param>
    /// <param name="timeProvider">
    /// The clock that paces the wait for a refresh lock held by another process (default: the system clock).
    /// It is used for nothing else: a fake clock makes that wait advance only when the clock is advanced.
    /// </param>
    public FileTokenStore(string directory, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        DirectoryPath = Path.GetFullPath(ExpandHome(directory));
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The absolute path of the token directory.</summary>
    public string DirectoryPath { get; }

    /// <summary>
    /// How often to try the lock file again while another process holds it (default 100 ms). Waiters in this
    /// process do not poll: they queue on a semaphore.
    /// </summary>
    public TimeSpan LockPollInterval
    {
        get;
        init => field = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), "The poll interval must be positive.");
    } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long to wait for the refresh lock before giving up with a <see cref="TokenStoreException"/>
    /// (default 2 minutes; <see cref="Timeout.InfiniteTimeSpan"/> waits for ever). A refresh is one HTTP call,
    /// so a lock held this long means the other process is stuck.
    /// </summary>
    public TimeSpan LockTimeout
    {
        get;
        init => field = value > TimeSpan.Zero || value == Timeout.InfiniteTimeSpan
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), "The lock timeout must be positive or infinite.");
    } = TimeSpan.FromMinutes(2);

    /// <summary>The path of the file that holds <paramref name="key"/>'s token (it may not exist yet).</summary>
    /// <param name="key">The account key: ASCII letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, without <c>..</c>.</param>
    /// <exception cref="ArgumentException">The key is not a safe file name.</exception>
    public string GetTokenPath(string key)
    {
        TokenFileKey.Validate(key, nameof(key));
        return Path.Combine(DirectoryPath, key + ".json");
    }

    /// <inheritdoc />
    public async ValueTask<OAuthToken?> LoadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = GetTokenPath(key);
        cancellationToken.ThrowIfCancellationRequested();
        if (!TokenFileExists(path))
        {
            return null;
        }

        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // Deleted between the check and the read: the same as never stored.
            return null;
        }

        return TokenFileReader.Parse(content, path);
    }

    /// <inheritdoc />
    /// <exception cref="TokenStoreException">The token file or the directory is a symbolic link.</exception>
    public async ValueTask SaveAsync(string key, OAuthToken token, CancellationToken cancellationToken = default)
    {
        var path = GetTokenPath(key);
        ArgumentNullException.ThrowIfNull(token);
        ArgumentException.ThrowIfNullOrWhiteSpace(token.AccessToken, nameof(token));
        cancellationToken.ThrowIfCancellationRequested();
        EnsureDirectory();
        RefuseLink(new FileInfo(path));

        var temp = Path.Combine(DirectoryPath, $".{key}.json.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
        try
        {
            var stream = new FileStream(temp, PrivateFileOptions(FileMode.CreateNew, FileAccess.Write));
            await using (stream.ConfigureAwait(false))
            {
                await JsonSerializer.SerializeAsync(stream, token, TokenJsonContext.Default.OAuthToken, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            // The last moment a cancellation can still leave the old token in place.
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        RemoveStaleTempFiles(key, path);
    }

    /// <summary>How much older than the token file a temp file must be before it counts as left over by a killed save.</summary>
    internal static readonly TimeSpan StaleTempFileAge = TimeSpan.FromHours(1);

    /// <inheritdoc />
    /// <exception cref="TokenStoreException">The token file or the directory is a symbolic link.</exception>
    public ValueTask<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = GetTokenPath(key);
        cancellationToken.ThrowIfCancellationRequested();
        if (!TokenFileExists(path))
        {
            return ValueTask.FromResult(false);
        }

        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            return ValueTask.FromResult(false);
        }

        return ValueTask.FromResult(true);
    }

    /// <inheritdoc />
    /// <exception cref="TokenStoreException">
    /// The lock was not obtained within <see cref="LockTimeout"/>, or the lock file or directory is a symbolic link.
    /// </exception>
    public async ValueTask<IAsyncDisposable> AcquireRefreshLockAsync(string key, CancellationToken cancellationToken = default)
    {
        TokenFileKey.Validate(key, nameof(key));
        var lockPath = Path.Combine(DirectoryPath, key + ".lock");
        EnsureDirectory();

        using var timeout = LockTimeout == Timeout.InfiniteTimeSpan
            ? new CancellationTokenSource()
            : new CancellationTokenSource(LockTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);

        var gate = ProcessLocks.Get(lockPath);
        try
        {
            await gate.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw LockTimedOut(key, lockPath, "another refresh in this process", lastError: null);
        }

        IOException? lastError = null;
        try
        {
            while (true)
            {
                var lockFile = TryOpenLockFile(lockPath, out lastError);
                if (lockFile is not null)
                {
                    return new RefreshLockLease(gate, lockFile);
                }

                // The lock file is held by another process: an I/O wait, so it is paced by the store's clock.
                await Task.Delay(LockPollInterval, _timeProvider, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            gate.Release();
            throw LockTimedOut(key, lockPath, "another process", lastError);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    private static string ExpandHome(string directory)
    {
        if (directory == "~"
            || directory.StartsWith("~/", StringComparison.Ordinal)
            || directory.StartsWith("~" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return directory.Length == 1 ? home : Path.Combine(home, directory[2..]);
        }

        return directory;
    }

    private static FileStreamOptions PrivateFileOptions(FileMode mode, FileAccess access)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFileMode;
        }

        return options;
    }

    private static bool IsLockContention(IOException ex)
    {
        if (ex.GetType() != typeof(IOException))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
            return ex.HResult is unchecked((int)0x80070020) or unchecked((int)0x80070021);
        }

        // On Unix the HResult is the errno of the failed flock: EWOULDBLOCK is 11 on Linux, 35 on macOS and BSD.
        return ex.HResult == (OperatingSystem.IsLinux() ? 11 : 35);
    }

    private static void RefuseLink(FileSystemInfo info)
    {
        if (info.LinkTarget is not null)
        {
            throw new TokenStoreException(
                $"'{info.FullName}' is a symbolic link; the token store does not follow links, so that nobody can " +
                "redirect tokens elsewhere. Replace it with a regular file or directory (or point the store at the real location).")
            {
                Path = info.FullName,
            };
        }
    }

    // A process killed between creating its temp file and the rename leaves the temp file behind. A save in progress
    // in another process has a temp file seconds old, so only files last written well before the token file we just
    // wrote are removed. File timestamps are compared with each other, never with a clock.
    private void RemoveStaleTempFiles(string key, string tokenPath)
    {
        try
        {
            var written = File.GetLastWriteTimeUtc(tokenPath);
            foreach (var leftover in Directory.EnumerateFiles(DirectoryPath, $".{key}.json.*.tmp"))
            {
                var info = new FileInfo(leftover);
                if (info.LinkTarget is null && written - info.LastWriteTimeUtc > StaleTempFileAge)
                {
                    TryDelete(leftover);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Housekeeping only: the token itself is saved.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The original failure matters more; a leftover temp file is private (0600) and safe to delete.
        }
    }

    private void RefuseLinkedDirectory() => RefuseLink(new DirectoryInfo(DirectoryPath));

    // Refuses a linked directory or token file first, so that a link can never redirect a read or a delete.
    private bool TokenFileExists(string path)
    {
        RefuseLinkedDirectory();
        var file = new FileInfo(path);
        RefuseLink(file);
        return file.Exists;
    }

    private void EnsureDirectory()
    {
        var directory = new DirectoryInfo(DirectoryPath);
        RefuseLink(directory);
        if (directory.Exists)
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(DirectoryPath);
        }
        else
        {
            Directory.CreateDirectory(DirectoryPath, DirectoryMode);
        }
    }

    private FileStream? TryOpenLockFile(string lockPath, out IOException? contention)
    {
        RefuseLink(new FileInfo(lockPath));
        try
        {
            contention = null;
            return new FileStream(lockPath, PrivateFileOptions(FileMode.OpenOrCreate, FileAccess.ReadWrite));
        }
        catch (IOException ex) when (IsLockContention(ex))
        {
            contention = ex;
            return null;
        }
    }

    private TokenStoreException LockTimedOut(string key, string lockPath, string holder, IOException? lastError) =>
        new($"Gave up waiting for the refresh lock of '{key}': {holder} has held '{lockPath}' for more than " +
            $"{LockTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s. The lock is released when " +
            "its holder finishes or exits; if a FitnessClients process is stuck, stop it and try again.",
            lastError)
        {
            Path = lockPath,
        };
}

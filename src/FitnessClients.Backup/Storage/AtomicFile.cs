using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;

namespace FitnessClients.Backup.Storage;

/// <summary>
/// Writes files so that a final name only ever holds complete content: write a hidden temporary file in the same
/// folder (same volume, so the rename is atomic), flush it to disk, then rename it into place.
/// </summary>
internal static class AtomicFile
{
    /// <summary>The suffix of temporary files; leftovers with it are removed at the next run's start.</summary>
    public const string TempSuffix = ".partial";

    public static string TempPathFor(string finalPath)
    {
        var directory = Path.GetDirectoryName(finalPath)!;
        var random = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        return Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(finalPath)}.{random}{TempSuffix}"));
    }

    public static async Task WriteAllBytesAsync(string finalPath, ReadOnlyMemory<byte> bytes)
    {
        var temp = TempPathFor(finalPath);
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(bytes, CancellationToken.None).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, finalPath, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Writes through <paramref name="write"/> into a temporary file, flushes it to disk and renames it over
    /// <paramref name="finalPath"/>: for content produced while it is written (the manifest), so that no copy of it
    /// is ever held in memory whole.
    /// </summary>
    public static async Task WriteAsync(string finalPath, Func<Stream, Task> write)
    {
        var temp = TempPathFor(finalPath);
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream).ConfigureAwait(false);
                await stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, finalPath, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Copies <paramref name="content"/> into <paramref name="finalPath"/>, hashing on the way.</summary>
    /// <returns>The length and the SHA-256 (lower-case hex) of what was written.</returns>
    public static async Task<(long Length, string Sha256)> WriteStreamAsync(
        string finalPath, Stream content, DateTimeOffset? fileTime, CancellationToken cancellationToken)
    {
        var temp = TempPathFor(finalPath);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            long length = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    length += read;
                }

                stream.Flush(flushToDisk: true);
            }

            if (fileTime is { } time)
            {
                File.SetLastWriteTimeUtc(temp, time.UtcDateTime);
            }

            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temp, finalPath, overwrite: true);
            return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The length and SHA-256 of a file already in place (adopted from an earlier run or garminexport).</summary>
    public static async Task<(long Length, string Sha256)> HashAsync(string path, CancellationToken cancellationToken)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            return (stream.Length, Convert.ToHexStringLower(hash));
        }
    }

    /// <summary>
    /// Removes temporary files a killed run left behind, anywhere under <paramref name="root"/>. Symlinked folders are
    /// not entered: one pointing out of the backup would have this delete other people's <c>.partial</c> files.
    /// </summary>
    /// <returns>How many were removed.</returns>
    public static int RemoveLeftovers(string root)
    {
        var removed = 0;
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            MatchType = MatchType.Win32,
            IgnoreInaccessible = false,
        };
        foreach (var file in Directory.EnumerateFiles(root, "*" + TempSuffix, options))
        {
            if (Path.GetFileName(file).StartsWith('.') && TryDelete(file))
            {
                removed++;
            }
        }

        return removed;
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}

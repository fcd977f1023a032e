namespace FitnessClients.GarminConnect.Clients;

/// <summary>
/// Writes a stream to a file so that the file's name only ever holds a complete download: the bytes go to a temp
/// file in the same folder (so the rename cannot cross file systems), which is renamed over the target at the end
/// and deleted when anything fails.
/// </summary>
internal static class AtomicFile
{
    private const int BufferSize = 81920;

    /// <returns>The number of bytes written.</returns>
    public static async Task<long> WriteAsync(Stream source, string path, bool overwrite, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? throw new ArgumentException($"'{path}' has no folder.", nameof(path));
        var temp = CreateTempPath(directory, Path.GetFileName(path));
        try
        {
            long length;
            var file = OpenNew(temp);
            await using (file.ConfigureAwait(false))
            {
                await source.CopyToAsync(file, BufferSize, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
                length = file.Length;
            }

            File.Move(temp, path, overwrite);
            return length;
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>A hidden, uniquely named file next to the target: <c>.{name}.{random}.tmp</c>.</summary>
    public static string CreateTempPath(string directory, string name) =>
        Path.Combine(directory, $".{name}.{Path.GetFileNameWithoutExtension(Path.GetRandomFileName())}.tmp");

    /// <summary>Creates a new file; a private one (in the shared temp folder) only the current user can read, since activities show where people live and run.</summary>
    public static FileStream OpenNew(string path, bool deleteOnClose = false, bool isPrivate = false)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = BufferSize,
            Options = FileOptions.Asynchronous | (deleteOnClose ? FileOptions.DeleteOnClose : FileOptions.None),
        };
        if (isPrivate && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp file is harmless and never has the target's name.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}

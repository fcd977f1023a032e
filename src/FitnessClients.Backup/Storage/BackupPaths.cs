using System.Text;

namespace FitnessClients.Backup.Storage;

/// <summary>
/// Turns a path relative to the backup root into a full path, refusing any that would not stay under the root once
/// normalised. Names come from the services (activity names, ids, shared-file names), so a sanitised name that became
/// empty, rooted or <c>..</c> must never reach <see cref="Path.Combine(string, string)"/>, which lets a rooted second
/// part win.
/// </summary>
internal static class BackupPaths
{
    /// <summary>The longest file or folder name in UTF-8 bytes: NAME_MAX on Linux and macOS, 255 UTF-16 units on Windows.</summary>
    public const int MaxSegmentBytes = 255;

    /// <summary>
    /// The longest relative path in UTF-8 bytes: leaves room under Linux's PATH_MAX (4,096) for a deep backup root and
    /// the temporary suffix, and keeps a hostile source from building endless folder chains.
    /// </summary>
    public const int MaxRelativeBytes = 1024;

    /// <summary>The full path of <paramref name="relative"/> (forward slashes) under <paramref name="root"/> (a full path).</summary>
    /// <exception cref="UnsafeBackupPathException">The path is empty, rooted, has an empty, <c>.</c> or <c>..</c> segment, is too long, or ends outside the root.</exception>
    public static string Resolve(string root, string relative)
    {
        if (string.IsNullOrEmpty(relative))
        {
            throw new UnsafeBackupPathException(relative ?? "", "the name is empty");
        }

        if (Path.IsPathRooted(relative) || !string.IsNullOrEmpty(Path.GetPathRoot(relative)))
        {
            throw new UnsafeBackupPathException(relative, "the path is rooted");
        }

        if (Encoding.UTF8.GetByteCount(relative) > MaxRelativeBytes)
        {
            throw new UnsafeBackupPathException(relative, $"the path is longer than {MaxRelativeBytes} bytes");
        }

        foreach (var segment in relative.Split(['/', '\\']))
        {
            if (segment is "" or "." or "..")
            {
                throw new UnsafeBackupPathException(relative, "a folder or file name is empty, '.' or '..'");
            }

            if (Encoding.UTF8.GetByteCount(segment) > MaxSegmentBytes)
            {
                throw new UnsafeBackupPathException(relative, $"a folder or file name is longer than {MaxSegmentBytes} bytes");
            }
        }

        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var full = Path.GetFullPath(relative, fullRoot);
        if (!IsUnder(fullRoot, full))
        {
            throw new UnsafeBackupPathException(relative, "the path ends outside the backup folder");
        }

        return full;
    }

    /// <summary>Whether <paramref name="fullPath"/> is strictly under <paramref name="fullRoot"/> (both normalised).</summary>
    public static bool IsUnder(string fullRoot, string fullPath)
    {
        var prefix = Path.TrimEndingDirectorySeparator(fullRoot) + Path.DirectorySeparatorChar;
        return fullPath.Length > prefix.Length && fullPath.StartsWith(prefix, StringComparison.Ordinal);
    }
}

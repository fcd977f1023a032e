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
    /// <exception cref="UnsafeBackupPathException">
    /// The path is empty, rooted, has an empty, <c>.</c> or <c>..</c> segment, is too long, ends outside the root, or
    /// passes through a symlinked folder that leads outside it.
    /// </exception>
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

        if (LinkedFolderLeavingRoot(fullRoot, full) is { } link)
        {
            throw new UnsafeBackupPathException(relative, $"the folder '{Path.GetRelativePath(fullRoot, link)}' is a symbolic link that leads outside the backup folder");
        }

        return full;
    }

    /// <summary>
    /// The first existing folder between the root and <paramref name="full"/> that is a symbolic link whose final
    /// target is not under the root (or the root's own target), or <see langword="null"/>. The file itself may be a
    /// link: it is replaced by a rename, never written through.
    /// </summary>
    private static string? LinkedFolderLeavingRoot(string fullRoot, string full)
    {
        var realRoot = new DirectoryInfo(fullRoot).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        var current = fullRoot;
        var segments = Path.GetRelativePath(fullRoot, Path.GetDirectoryName(full)!).Split(Path.DirectorySeparatorChar);
        foreach (var segment in segments.Where(s => s is not ("" or ".")))
        {
            current = Path.Combine(current, segment);
            var folder = new DirectoryInfo(current);
            if (!folder.Exists && folder.LinkTarget is null)
            {
                return null;
            }

            if (folder.LinkTarget is null)
            {
                continue;
            }

            var target = folder.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            if (target is null || !(IsUnder(fullRoot, target) || (realRoot is not null && IsUnder(realRoot, target))))
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="fullPath"/> is strictly under <paramref name="fullRoot"/> (both normalised).</summary>
    public static bool IsUnder(string fullRoot, string fullPath)
    {
        var prefix = Path.TrimEndingDirectorySeparator(fullRoot) + Path.DirectorySeparatorChar;
        return fullPath.Length > prefix.Length && fullPath.StartsWith(prefix, StringComparison.Ordinal);
    }
}

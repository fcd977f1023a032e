namespace FitnessClients.Backup;

/// <summary>
/// Where files go and how they are named (garmin-connect-export's <c>--subdir</c>, <c>--fileprefix</c>,
/// <c>--desc</c> and <c>--originaltime</c>). Names are <c>{startUtc:yyyy-MM-ddTHH-mm-ssZ}_{id}.{ext}</c>, safe on
/// Windows, macOS and Linux and sorted by time in any file browser.
/// </summary>
public sealed record BackupLayout
{
    /// <summary>
    /// A sub-folder for each activity's files, relative to the backup folder, with <c>{YYYY}</c>, <c>{MM}</c> and
    /// <c>{DD}</c> replaced from the local start (e.g. <c>{YYYY}/{MM}</c>); <see langword="null"/> keeps everything in the root.
    /// </summary>
    public string? SubfolderTemplate { get; init; }

    /// <summary>Prefixes names with the local start, <c>yyyyMMdd-HHmmss_</c>, for people who think in local time.</summary>
    public bool LocalTimePrefix { get; init; }

    /// <summary>Appends the activity's name or description to file names, sanitised.</summary>
    public BackupNameSuffix NameSuffix { get; init; } = BackupNameSuffix.None;

    /// <summary>The longest appended name, in UTF-8 bytes (file systems count bytes, and emoji take four).</summary>
    public int MaxNameSuffixBytes { get; init; } = 60;

    /// <summary>Sets each file's modification time to the activity's start, so file browsers sort by activity date.</summary>
    public bool SetFileTimes { get; init; } = true;
}

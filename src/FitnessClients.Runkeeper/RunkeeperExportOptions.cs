namespace FitnessClients.Runkeeper;

/// <summary>How <see cref="RunkeeperExportSource"/> reads a data export.</summary>
public sealed class RunkeeperExportOptions
{
    /// <summary>The default for <see cref="MaxEntryBytes"/>: 256 MiB.</summary>
    public const long DefaultMaxEntryBytes = 256L * 1024 * 1024;

    /// <summary>
    /// The time zone assumed for activities without a GPX file (manual entries), whose CSV <c>Date</c> is a local time
    /// without an offset. <see langword="null"/> (the default) keeps that wall-clock time as it is and labels it
    /// UTC+00:00, so the local date and time shown never shift. Activities with a GPX get their real offset from it.
    /// </summary>
    public TimeZoneInfo? AssumedTimeZone { get; set; }

    /// <summary>The largest entry (CSV or GPX, uncompressed) that is read; a bigger one is refused as a likely ZIP bomb.</summary>
    public long MaxEntryBytes
    {
        get;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = DefaultMaxEntryBytes;
}

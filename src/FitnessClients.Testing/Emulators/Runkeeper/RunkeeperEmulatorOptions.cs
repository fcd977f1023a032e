namespace FitnessClients.Testing;

/// <summary>
/// How a <see cref="RunkeeperEmulator"/> seeds its user and behaves. The same options always give the same activities,
/// paths and JSON, so tests, demos and the synthetic export ZIP agree on every run and machine.
/// </summary>
/// <example>
/// <code>
/// var runkeeper = new RunkeeperEmulator(clock, new RunkeeperEmulatorOptions { ActivityCount = 30, TrailingCommas = true });
/// </code>
/// </example>
public sealed class RunkeeperEmulatorOptions
{
    /// <summary>How many fitness activities the user has. Default 60.</summary>
    public int ActivityCount { get; set; } = 60;

    /// <summary>Selects the synthetic data; another seed gives another, equally deterministic user.</summary>
    public ulong Seed { get; set; } = 20_110_915;

    /// <summary>The earliest activity start (UTC). Default 2014-01-01.</summary>
    public DateTimeOffset From { get; set; } = new(2014, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The latest activity start (UTC). Default 2018-06-30.</summary>
    public DateTimeOffset To { get; set; } = new(2018, 6, 30, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The oldest activity's id; later ones grow from it. Default 300,000,000.</summary>
    public long FirstActivityId { get; set; } = 300_000_000;

    /// <summary>Share of manual ("Web") entries: no path, no heart rate, no GPX in the export. Default 0.15.</summary>
    public double ManualShare { get; set; } = 0.15;

    /// <summary>Share of GPS activities with a heart-rate monitor (<c>heart_rate</c> samples, <c>gpxtpx:hr</c> in the export). Default 0.5.</summary>
    public double HeartRateShare { get; set; } = 0.5;

    /// <summary>Share of GPS activities with one or two pause/resume pairs. Default 0.4.</summary>
    public double PauseShare { get; set; } = 0.4;

    /// <summary>Seconds between path points. Default 10.</summary>
    public int PathIntervalSeconds { get; set; } = 10;

    /// <summary>The user's id (<c>userID</c>).</summary>
    public long UserId { get; set; } = 42_240_902;

    /// <summary>The user's name on <c>/profile</c>.</summary>
    public string Name { get; set; } = "Demo Runner";

    /// <summary>The registered application's client id.</summary>
    public string ClientId { get; set; } = "a1b2c3d4e5f6";

    /// <summary>The registered application's client secret.</summary>
    public string ClientSecret { get; set; } = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    /// <summary>Whether the user presses "Deny" on the authorize page (redirect with <c>error=access_denied</c>).</summary>
    public bool DenyAuthorization { get; set; }

    /// <summary>The feed page size when the request names none. Default 25, Runkeeper's.</summary>
    public int DefaultPageSize { get; set; } = 25;

    /// <summary>
    /// Whether feed pages end with a trailing comma before the closing brace (<c>"size": 83,}</c>), as the canned 2012
    /// replies in a public client's test proxy do. Default <see langword="false"/>.
    /// </summary>
    public bool TrailingCommas { get; set; }

    /// <summary>
    /// Whether feed items and activities leave out <c>utc_offset</c>, <c>entry_mode</c>, <c>has_path</c> and
    /// <c>source</c>, like feeds fetched in 2011–2012. Default <see langword="false"/>.
    /// </summary>
    public bool LegacyShape { get; set; }

    /// <summary>
    /// Whether a request must name the resource's media type in <c>Accept</c>. Default <see langword="false"/>: as observed
    /// in 2018, a request without <c>Accept</c> (or with <c>*/*</c> or <c>application/json</c>) gets JSON; a request naming
    /// another Runkeeper type gets 406 either way.
    /// </summary>
    public bool StrictMediaTypes { get; set; }

    /// <summary>Requests per quarter hour (aligned to the UTC clock) before 429s; <see langword="null"/> (the default) for no limit.</summary>
    public int? RequestsPerQuarterHour { get; set; }

    /// <summary>Requests per UTC day before 429s; <see langword="null"/> (the default) for no limit.</summary>
    public int? RequestsPerDay { get; set; }
}

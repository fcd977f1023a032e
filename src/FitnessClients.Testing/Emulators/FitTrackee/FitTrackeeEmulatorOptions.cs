namespace FitnessClients.Testing;

/// <summary>
/// How a <see cref="FitTrackeeEmulator"/> seeds its user and configures its instance. The defaults are a fresh FitTrackee
/// 1.2.2 with the server's default limits (1 MiB per file, 10 MiB per archive), rate limits off, and one registered OAuth
/// application. The same options always give the same workouts and byte-identical JSON.
/// </summary>
/// <example>
/// <code>
/// var fittrackee = new FitTrackeeEmulator(clock, new FitTrackeeEmulatorOptions
/// {
///     WorkoutCount = 12,
///     Version = "0.9.0",                 // before 0.10.0: only .gpx and .zip uploads
///     ApiRateLimits = "300 per 5 minutes",
/// });
/// </code>
/// </example>
public sealed class FitTrackeeEmulatorOptions
{
    /// <summary>How many synthetic workouts the user has. Default 25.</summary>
    public int WorkoutCount { get; set; } = 25;

    /// <summary>Selects the synthetic data; another seed gives another, equally deterministic user.</summary>
    public ulong Seed { get; set; } = 20_260_419;

    /// <summary>The earliest synthetic workout (UTC). Default 2024-01-01.</summary>
    public DateTimeOffset From { get; set; } = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The latest synthetic workout (UTC). Default 2026-03-31.</summary>
    public DateTimeOffset To { get; set; } = new(2026, 3, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Share of synthetic workouts entered without a file (<c>/workouts/no_gpx</c>). Default 0.2.</summary>
    public double ManualShare { get; set; } = 0.2;

    /// <summary>The version <c>/api/config</c> reports; it decides the upload formats (kml, kmz, fit, tcx since 0.10.0) and the original-file download (since 0.12.0). Default 1.2.2.</summary>
    public string Version { get; set; } = "1.2.2";

    /// <summary>The per-file upload limit in bytes, compared with the whole request's length for non-zip uploads. Default 1 MiB, the server's.</summary>
    public long MaxSingleFileSize { get; set; } = 1_048_576;

    /// <summary>The archive limit in bytes (Flask's <c>MAX_CONTENT_LENGTH</c>, checked for every request). Default 10 MiB.</summary>
    public long MaxZipFileSize { get; set; } = 10_485_760;

    /// <summary>The most workout files an archive may hold. Default 10.</summary>
    public int FileLimitImport { get; set; } = 10;

    /// <summary>Up to this many files an archive is processed at once; more start an asynchronous task. Default 10.</summary>
    public int FileSyncLimitImport { get; set; } = 10;

    /// <summary>Whether uploads get the server's libmagic check (XML declaration for gpx/kml/tcx, FIT signature, zip magic). Default <see langword="true"/>, as with libmagic installed.</summary>
    public bool CheckMimeType { get; set; } = true;

    /// <summary>The user's name.</summary>
    public string Username { get; set; } = "sam";

    /// <summary>The user's time zone (IANA id), used for <c>workout_date</c> of manual workouts and the <c>from</c>/<c>to</c> filters; <see langword="null"/> means UTC. Default Europe/Paris, FitTrackee's registration default.</summary>
    public string? Timezone { get; set; } = "Europe/Paris";

    /// <summary>The registered OAuth application's client id (24 characters at FitTrackee).</summary>
    public string ClientId { get; set; } = "o22a27s2aBPUoxJbxV3UjDOx";

    /// <summary>The registered application's client secret (48 characters at FitTrackee).</summary>
    public string ClientSecret { get; set; } = "Zl2wWHdVuWmvKsHCr5Rb6xLcmTbPnJxGY3aGTzgEVyhM4iQf";

    /// <summary>The application's redirect URIs; the authorize flow always redirects to the first one, whatever the request says.</summary>
    public IReadOnlyList<string> RedirectUris { get; set; } = ["http://127.0.0.1:8765/callback"];

    /// <summary>The scopes the application was registered with; the user can grant only these. Default <c>profile:read workouts:read workouts:write</c>.</summary>
    public IReadOnlyList<string> ApplicationScopes { get; set; } = ["profile:read", "workouts:read", "workouts:write"];

    /// <summary>Whether the user declines on the authorize page (FitTrackee then answers 400 instead of redirecting).</summary>
    public bool DenyAuthorization { get; set; }

    /// <summary>How long access tokens live. Default 10 days (864,000 s); refresh tokens live twice as long from issue.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromSeconds(864_000);

    /// <summary>
    /// The <c>API_RATE_LIMITS</c> setting in Flask-Limiter notation, e.g. <c>300 per 5 minutes</c> or
    /// <c>300 per 5 minutes, 10/second</c>. <see langword="null"/> (the default since FitTrackee 1.0.4) means no limits and no headers.
    /// </summary>
    public string? ApiRateLimits { get; set; }
}

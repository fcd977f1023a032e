namespace FitnessClients.Testing;

/// <summary>
/// How a <see cref="StravaEmulator"/> seeds its athlete and behaves. The same options always give the same activities and
/// byte-identical JSON, so tests, demos and benchmarks see the same data on every run and machine.
/// </summary>
/// <example>
/// <code>
/// var strava = new StravaEmulator(clock, new StravaEmulatorOptions { ActivityCount = 30, Seed = 7, PrivateShare = 0.2 });
/// </code>
/// </example>
public sealed class StravaEmulatorOptions
{
    /// <summary>How many activities the athlete has. Default 200.</summary>
    public int ActivityCount { get; set; } = 200;

    /// <summary>Selects the synthetic data; another seed gives another, equally deterministic athlete.</summary>
    public ulong Seed { get; set; } = 20_251_018;

    /// <summary>The earliest activity start (UTC). Default 2020-01-01.</summary>
    public DateTimeOffset From { get; set; } = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The latest activity start (UTC). Default 2025-10-31.</summary>
    public DateTimeOffset To { get; set; } = new(2025, 10, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The oldest activity's id; later ones grow from it. Default 16,181,809,559: above 2^31, as real ids are since 2018, so 32-bit ids break.</summary>
    public long FirstActivityId { get; set; } = 16_181_809_559;

    /// <summary>Share of manual entries: no GPS, no streams, no original file, <c>manual: true</c>. Default 0.05.</summary>
    public double ManualShare { get; set; } = 0.05;

    /// <summary>Share of "Only You" activities (<c>visibility: only_me</c>), listed only for tokens with <c>activity:read_all</c>. Default 0.1.</summary>
    public double PrivateShare { get; set; } = 0.1;

    /// <summary>Share of activities with photos (one to three each). Default 0.1.</summary>
    public double PhotoShare { get; set; } = 0.1;

    /// <summary>Share of activities with a <c>gear_id</c> (shoes for runs and walks, bikes for rides). Default 0.6.</summary>
    public double GearShare { get; set; } = 0.6;

    /// <summary>Share of indoor (trainer) activities: streams without <c>latlng</c> or <c>altitude</c>. Default 0.1.</summary>
    public double IndoorShare { get; set; } = 0.1;

    /// <summary>Share of names with emoji (surrogate pairs, ZWJ sequences). Default 0.05.</summary>
    public double EmojiNameShare { get; set; } = 0.05;

    /// <summary>The athlete's id.</summary>
    public long AthleteId { get; set; } = 26_462_176;

    /// <summary>The athlete's first name.</summary>
    public string FirstName { get; set; } = "Demo";

    /// <summary>The athlete's last name.</summary>
    public string LastName { get; set; } = "Athlete";

    /// <summary>The registered application's client id (an integer on Strava).</summary>
    public string ClientId { get; set; } = "12345";

    /// <summary>The registered application's client secret (40 hex digits on Strava).</summary>
    public string ClientSecret { get; set; } = "0123456789abcdef0123456789abcdef01234567";

    /// <summary>
    /// The scopes the athlete ticks on the authorize page; <see langword="null"/> (the default) grants everything asked.
    /// Set e.g. <c>["read", "activity:read"]</c> to test a user who unticked <c>activity:read_all</c>.
    /// </summary>
    public IReadOnlyList<string>? GrantedScopes { get; set; }

    /// <summary>Whether the athlete presses Cancel on the authorize page (redirect with <c>error=access_denied</c>).</summary>
    public bool DenyAuthorization { get; set; }

    /// <summary>How long access tokens live. Default 6 hours, Strava's.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long a web session cookie from <see cref="StravaEmulator.IssueWebSessionCookie"/> lasts. Default 30 days.</summary>
    public TimeSpan WebSessionLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long an upload stays "still being processed" on the emulator clock. Default 5 seconds.</summary>
    public TimeSpan UploadProcessingTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether requests over the limits get 429 (default <see langword="true"/>); when off, usage is still counted and reported in headers.</summary>
    public bool EnforceRateLimits { get; set; } = true;

    /// <summary>Overall requests per 15 minutes (every <c>/api/v3</c> request). Default 200.</summary>
    public int OverallFifteenMinuteLimit { get; set; } = 200;

    /// <summary>Overall requests per UTC day. Default 2,000.</summary>
    public int OverallDailyLimit { get; set; } = 2_000;

    /// <summary>Non-upload ("read") requests per 15 minutes. Default 100.</summary>
    public int ReadFifteenMinuteLimit { get; set; } = 100;

    /// <summary>Non-upload ("read") requests per UTC day. Default 1,000.</summary>
    public int ReadDailyLimit { get; set; } = 1_000;
}

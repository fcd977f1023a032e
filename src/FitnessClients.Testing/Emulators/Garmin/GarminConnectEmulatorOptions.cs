namespace FitnessClients.Testing;

/// <summary>
/// How a <see cref="GarminConnectEmulator"/> seeds its account and behaves. The same options always give the same
/// activities and byte-identical list pages, summaries and downloads, so a demo, a test and a benchmark see the same data
/// on every run and machine.
/// </summary>
/// <example>
/// <code>
/// var emulator = new GarminConnectEmulator(clock, new GarminConnectEmulatorOptions { ActivityCount = 40, Seed = 7 });
/// </code>
/// </example>
public sealed class GarminConnectEmulatorOptions
{
    /// <summary>How many activities the list shows (multisport parents count once; their children come on top). Default 300.</summary>
    public int ActivityCount { get; set; } = 300;

    /// <summary>Selects the synthetic data; change it to get another, equally deterministic account.</summary>
    public int Seed { get; set; } = 20260108;

    /// <summary>The earliest local start date of a seeded activity (default 2019-01-01).</summary>
    public DateOnly FirstActivityDate { get; set; } = new(2019, 1, 1);

    /// <summary>The latest local start date of a seeded activity (default 2026-06-30).</summary>
    public DateOnly LastActivityDate { get; set; } = new(2026, 6, 30);

    /// <summary>The id of the oldest activity; later ones get larger ids. Above 2^31 by default, as real ids are, so int32 parsing fails loudly.</summary>
    public long FirstActivityId { get; set; } = 21_482_825_013;

    /// <summary>Share of multisport activities (a listed parent with 3 or 5 unlisted children). Default 0.04.</summary>
    public double MultisportShare { get; set; } = 0.04;

    /// <summary>Share of manual activities: no file, no GPS (original download 404, exports 204). Default 0.05.</summary>
    public double ManualShare { get; set; } = 0.05;

    /// <summary>Share of activities imported from a GPX file (original ZIP holds the GPX; TCX export answers 500). Default 0.04.</summary>
    public double GpxUploadShare { get; set; } = 0.04;

    /// <summary>Share of activities imported from a TCX file (original ZIP holds the TCX). Default 0.02.</summary>
    public double TcxUploadShare { get; set; } = 0.02;

    /// <summary>
    /// Share of activities whose list entries use the 2018/2021 shape: every null field present, <c>elapsedDuration</c> in
    /// milliseconds, <c>minElevation</c>/<c>maxElevation</c> in centimetres. Default 0.08.
    /// </summary>
    public double LegacyJsonShare { get; set; } = 0.08;

    /// <summary>Share of activities recorded away from the home time zone (America/Denver). Default 0.2.</summary>
    public double TravelShare { get; set; } = 0.2;

    /// <summary>
    /// Whether the first activities spread over the range are the edge cases tests need (time zones at −10:00, −07:00/−06:00
    /// across DST, −03:30, +05:45, +09:30, +13:00 with the local date differing from the UTC date, multisport, manual, GPX
    /// and TCX imports, indoor, old JSON, names with path characters, a reserved name, emoji, no name, a long name and two
    /// activities starting at the same second). Default <see langword="true"/>.
    /// </summary>
    public bool IncludeEdgeCases { get; set; } = true;

    /// <summary>Whether data routes require a live DI bearer token (default <see langword="true"/>); turn off for tests that are not about auth.</summary>
    public bool RequireAuthentication { get; set; } = true;

    /// <summary>
    /// The DI client ids diauth accepts. By default the newest id the clients try first
    /// (<c>GARMIN_CONNECT_MOBILE_ANDROID_DI_2025Q2</c>) is missing, so the client-id fallback is exercised.
    /// </summary>
    public IList<string> AcceptedDiClientIds { get; } =
    [
        "GARMIN_CONNECT_MOBILE_ANDROID_DI_2024Q4",
        "GARMIN_CONNECT_MOBILE_ANDROID_DI",
        "GARMIN_CONNECT_MOBILE_IOS_DI",
    ];

    /// <summary>How diauth answers a client id it does not accept: 400 by default (RFC 6749 allows 400 or 401 for <c>invalid_client</c>).</summary>
    public System.Net.HttpStatusCode RejectedClientStatus { get; set; } = System.Net.HttpStatusCode.BadRequest;

    /// <summary>How long DI access tokens live (default 24 hours, about what Garmin issues).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a DI refresh token lives after it is issued (default 30 days); each refresh rotates it.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long an SSO service ticket can be exchanged (default 30 seconds on the emulator's clock); tickets work once.</summary>
    public TimeSpan ServiceTicketLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The account's display name (the <c>userstats-service</c> path segment).</summary>
    public string DisplayName { get; set; } = "demo-athlete";

    /// <summary>The account's full name.</summary>
    public string FullName { get; set; } = "Demo Athlete";

    /// <summary>The account's profile id (<c>userProfilePk</c>, <c>ownerId</c>).</summary>
    public long UserProfileId { get; set; } = 81_234_567;

    /// <summary>The SSO login's email address.</summary>
    public string Email { get; set; } = "athlete@example.com";

    /// <summary>The SSO login's password.</summary>
    public string Password { get; set; } = "correct-horse-battery-staple";

    /// <summary>Whether the SSO login asks for an emailed MFA code (see <see cref="GarminSsoEmulator.MfaCode"/>).</summary>
    public bool MfaEnabled { get; set; }

    /// <summary>
    /// A data-API rate limit: at most this many requests per <see cref="DataApiRateLimitWindow"/>, then 429
    /// <c>{"message":"Too Many Requests"}</c>. <see langword="null"/> (the default) for none: Garmin documents no data limit.
    /// </summary>
    public int? DataApiRateLimit { get; set; }

    /// <summary>The window of <see cref="DataApiRateLimit"/> (default one minute, aligned to the UTC clock).</summary>
    public TimeSpan DataApiRateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether a data-API 429 carries <c>Retry-After</c> (seconds until the window resets). Garmin sends none; default <see langword="false"/>.</summary>
    public bool SendRetryAfter { get; set; }

    /// <summary>
    /// Makes one activity's original download huge (e.g. 500 MB): a ZIP streamed as it is read, holding a FIT file of this
    /// many bytes. <see langword="null"/> (the default) for none. See <see cref="LargeOriginalActivityId"/>.
    /// </summary>
    public long? LargeOriginalSize { get; set; }

    /// <summary>The activity with the huge original; the newest activity with a FIT original when <see langword="null"/>.</summary>
    public long? LargeOriginalActivityId { get; set; }
}

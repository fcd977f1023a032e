using System.Globalization;

namespace FitnessClients.Testing;

/// <summary>
/// A stateful fake of Runkeeper's Health Graph that speaks its wire format: <c>/user</c>, the fitness-activity feed
/// (zero-based pages, <c>pageSize</c>, the date filters, <c>next</c>/<c>previous</c> links repeating every filter with
/// defaults filled in, an optional trailing comma), full activities with paths (pause/resume included), heart rate and
/// samples, manual activities without a path; the custom media types; the OAuth pages (<c>/apps/authorize</c>,
/// <c>/apps/token</c> with tokens that never expire and no refresh token, <c>/apps/de-authorize</c>); and 429s with
/// Runkeeper's <c>reason</c> body and no <c>Retry-After</c>. The user and activities are synthetic and deterministic.
/// </summary>
/// <remarks>
/// Routes match paths only, so one emulator answers for <c>https://api.runkeeper.com</c> and the OAuth pages on
/// <c>https://runkeeper.com/apps/</c>. <see cref="RunkeeperExportZip"/> writes the same activities as a data export.
/// </remarks>
/// <example>
/// <code>
/// var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
/// var runkeeper = new RunkeeperEmulator(clock, new RunkeeperEmulatorOptions { ActivityCount = 40 });
/// using var http = runkeeper.CreateClient();
/// http.DefaultRequestHeaders.Authorization = new("Bearer", runkeeper.IssueAccessToken());
/// var feed = await http.GetStringAsync("fitnessActivities?pageSize=10");
/// </code>
/// </example>
public sealed partial class RunkeeperEmulator : ServiceEmulator
{
    private readonly RunkeeperEmulatorOptions _options;
    private readonly List<RunkeeperEmulatedActivity> _activities;

    /// <summary>Creates the emulator and seeds its user.</summary>
    /// <param name="timeProvider">The emulator's clock: a <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/> in tests, <see cref="TimeProvider.System"/> for the demo.</param>
    /// <param name="options">Seeding and behaviour; the defaults (60 activities) when omitted.</param>
    public RunkeeperEmulator(TimeProvider timeProvider, RunkeeperEmulatorOptions? options = null)
        : base(timeProvider)
    {
        _options = options ?? new RunkeeperEmulatorOptions();
        _activities = RunkeeperActivityGenerator.Generate(_options);
        OAuth = CreateOAuth();
        RateLimits = CreateRateLimits();
        MapRoutes();
    }

    /// <summary>The API host; the OAuth paths are served whatever the host.</summary>
    public override Uri DefaultBaseAddress => new("https://api.runkeeper.com/");

    /// <summary>The token endpoint: tests may read its counters or revoke tokens.</summary>
    public OAuthTokenEndpointEmulator OAuth { get; }

    /// <summary>The options the emulator was made with (changing <see cref="RunkeeperEmulatorOptions.TrailingCommas"/>, <see cref="RunkeeperEmulatorOptions.StrictMediaTypes"/> or <see cref="RunkeeperEmulatorOptions.LegacyShape"/> takes effect at once).</summary>
    public RunkeeperEmulatorOptions Options => _options;

    /// <summary>The registered application's client id.</summary>
    public string RegisteredClientId => _options.ClientId;

    /// <summary>The registered application's client secret.</summary>
    public string RegisteredClientSecret => _options.ClientSecret;

    /// <summary>The user's id.</summary>
    public long UserId => _options.UserId;

    /// <summary>Whether API routes require a live bearer token (default <see langword="true"/>).</summary>
    public bool RequireAuthentication { get; set; } = true;

    /// <summary>Every activity, newest first.</summary>
    public IReadOnlyList<RunkeeperEmulatedActivity> Activities
    {
        get
        {
            lock (SyncRoot)
            {
                return [.. Newest(_activities)];
            }
        }
    }

    /// <summary>The activity with <paramref name="id"/>, or <see langword="null"/>.</summary>
    /// <param name="id">The numeric id.</param>
    public RunkeeperEmulatedActivity? FindActivity(long id)
    {
        lock (SyncRoot)
        {
            return _activities.FirstOrDefault(a => a.Id == id);
        }
    }

    /// <summary>Adds an activity (e.g. one recorded after a first backup), with synthetic data drawn from its id.</summary>
    /// <param name="startUtc">The start.</param>
    /// <param name="manual">Whether it is a manual entry without a path.</param>
    /// <returns>The new activity.</returns>
    public RunkeeperEmulatedActivity AddActivity(DateTimeOffset startUtc, bool manual = false)
    {
        lock (SyncRoot)
        {
            var id = _activities.Select(a => a.Id).DefaultIfEmpty(_options.FirstActivityId).Max() + 1_001;
            var shares = new RunkeeperEmulatorOptions { ManualShare = manual ? 1 : 0, HeartRateShare = _options.HeartRateShare, PauseShare = _options.PauseShare };
            var activity = RunkeeperActivityGenerator.Create(id, startUtc.ToUniversalTime(), new DeterministicRandom((ulong)id), shares);
            _activities.Add(activity);
            return activity;
        }
    }

    /// <summary>
    /// The generated path of an activity as (seconds since start, latitude, longitude, point type), for assertions on GPX
    /// built from it. Empty for manual activities.
    /// </summary>
    /// <param name="activity">The activity.</param>
    public IReadOnlyList<(double Timestamp, double Latitude, double Longitude, string Type)> GetPath(RunkeeperEmulatedActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return [.. RunkeeperTrack.Points(activity, _options.PathIntervalSeconds).Select(p => (p.Timestamp, p.Latitude, p.Longitude, p.Type))];
    }

    /// <summary>The heart rate the emulator reports at <paramref name="timestamp"/> seconds into any activity with a monitor.</summary>
    /// <param name="timestamp">Seconds since the start.</param>
    public static int HeartRateAt(double timestamp) => RunkeeperTrack.Bpm(timestamp);

    /// <summary>Issues a never-expiring access token directly, as if the user had connected the app earlier.</summary>
    /// <returns>The bearer token.</returns>
    public string IssueAccessToken() => OAuth.IssueTokens(_options.ClientId, [], UserIdText).AccessToken;

    /// <summary>Writes the user's activities as a Runkeeper data export ZIP (see <see cref="RunkeeperExportZip"/>).</summary>
    /// <param name="output">Where the ZIP goes; left open.</param>
    /// <param name="imperialUnits">Miles and feet columns instead of kilometres and metres.</param>
    public void WriteExportZip(Stream output, bool imperialUnits = false) =>
        RunkeeperExportZip.Write(output, Activities, _options.PathIntervalSeconds, imperialUnits);

    private string UserIdText => _options.UserId.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<RunkeeperEmulatedActivity> Newest(IEnumerable<RunkeeperEmulatedActivity> activities) =>
        activities.OrderByDescending(a => a.StartUtc).ThenByDescending(a => a.Id);
}

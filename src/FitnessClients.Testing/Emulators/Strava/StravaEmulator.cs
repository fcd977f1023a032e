namespace FitnessClients.Testing;

/// <summary>
/// A stateful fake of Strava that speaks its wire format: the OAuth authorize redirect, token endpoint (client_secret_post,
/// six-hour access tokens, Strava's "same token while more than an hour is left" rule, rotation, Strava's error bodies)
/// and deauthorize; the <c>/api/v3</c> routes a backup or sync tool uses (athlete, stats, activity list, detail, streams,
/// laps, zones, photos, gear, update, uploads) behind a bearer token with scope checks and Strava's two pairs of rate
/// limits; and the website's <c>export_original</c>/<c>export_gpx</c>/<c>export_tcx</c> behind a session cookie. The
/// athlete and activities are synthetic and deterministic.
/// </summary>
/// <remarks>
/// Routes match paths only, so one emulator answers for <c>https://www.strava.com/api/v3</c>, <c>/oauth</c> and the
/// website. The token endpoint answers at both <c>/oauth/token</c> and <c>/api/v3/oauth/token</c>.
/// </remarks>
/// <example>
/// <code>
/// var clock = new FakeTimeProvider(new DateTimeOffset(2025, 11, 1, 8, 0, 0, TimeSpan.Zero));
/// var strava = new StravaEmulator(clock, new StravaEmulatorOptions { ActivityCount = 50 });
/// var tokens = strava.IssueTokens(["read", "activity:read_all"]);
/// using var http = strava.CreateClient();                  // https://www.strava.com/
/// http.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);
/// var page = await http.GetFromJsonAsync&lt;JsonArray&gt;("api/v3/athlete/activities?per_page=200&amp;page=1");
/// </code>
/// </example>
public sealed partial class StravaEmulator : ServiceEmulator
{
    /// <summary>The API's path prefix.</summary>
    public const string ApiBasePath = "/api/v3";

    private readonly StravaEmulatorOptions _options;
    private readonly List<StravaEmulatedActivity> _activities;
    private readonly Dictionary<long, StravaEmulatedActivity> _byId;

    /// <summary>Creates the emulator and seeds its athlete.</summary>
    /// <param name="timeProvider">The emulator's clock: a <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/> in tests, <see cref="TimeProvider.System"/> for the demo.</param>
    /// <param name="options">Seeding and behaviour; the defaults (200 activities) when omitted.</param>
    public StravaEmulator(TimeProvider timeProvider, StravaEmulatorOptions? options = null)
        : base(timeProvider)
    {
        _options = options ?? new StravaEmulatorOptions();
        _activities = StravaActivityGenerator.Generate(_options);
        _byId = _activities.ToDictionary(a => a.Id);
        OAuth = CreateOAuth();
        RateLimits = CreateRateLimits();
        MapRoutes();
    }

    /// <summary>Strava's host; API, OAuth and website paths are all served whatever the host.</summary>
    public override Uri DefaultBaseAddress => new("https://www.strava.com/");

    /// <summary>The token endpoint: tests may read its counters (<see cref="OAuthTokenEndpointEmulator.Refreshes"/>) or revoke tokens.</summary>
    public OAuthTokenEndpointEmulator OAuth { get; }

    /// <summary>The registered application's client id.</summary>
    public string RegisteredClientId => _options.ClientId;

    /// <summary>The registered application's client secret.</summary>
    public string RegisteredClientSecret => _options.ClientSecret;

    /// <summary>The athlete's id (the tokens' subject, <c>athlete.id</c> everywhere).</summary>
    public long AthleteId => _options.AthleteId;

    /// <summary>Whether <c>/api/v3</c> routes require a live bearer token (default <see langword="true"/>).</summary>
    public bool RequireAuthentication { get; set; } = true;

    /// <summary>Every activity, newest first, private ones included.</summary>
    public IReadOnlyList<StravaEmulatedActivity> Activities
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
    /// <param name="id">The activity id.</param>
    public StravaEmulatedActivity? FindActivity(long id)
    {
        lock (SyncRoot)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    /// <summary>
    /// Adds an activity, e.g. one "uploaded late with an old start" for incremental-sync tests: it gets the next id (ids
    /// grow with upload time, not start time) and synthetic data drawn from that id, and is listed where its start puts it.
    /// </summary>
    /// <param name="startUtc">The start.</param>
    /// <param name="name">The name; a Strava-style default when omitted.</param>
    /// <param name="manual">Whether it is a manual entry (no GPS, no streams, no file).</param>
    /// <param name="isPrivate">Whether it is "Only You" (<c>only_me</c>).</param>
    /// <returns>The new activity.</returns>
    public StravaEmulatedActivity AddActivity(DateTimeOffset startUtc, string? name = null, bool manual = false, bool isPrivate = false)
    {
        lock (SyncRoot)
        {
            var id = _byId.Keys.DefaultIfEmpty(_options.FirstActivityId).Max() + 1_000_001;
            var shares = new StravaEmulatorOptions { ManualShare = manual ? 1 : 0, PrivateShare = isPrivate ? 1 : 0, PhotoShare = 0, EmojiNameShare = 0 };
            var activity = StravaActivityGenerator.Create(id, startUtc.ToUniversalTime(), new DeterministicRandom((ulong)id), shares, name);
            if (!isPrivate && activity.IsPrivate)
            {
                activity = activity with { Visibility = "everyone" };
            }

            AddLocked(activity);
            return activity;
        }
    }

    /// <summary>
    /// Issues a token pair directly, as if the athlete had authorized the app earlier: the way to seed a client's token
    /// store when the test is not about the authorize flow.
    /// </summary>
    /// <param name="scopes">The granted scopes; <c>read, activity:read_all, profile:read_all</c> when omitted.</param>
    public OAuthIssuedTokens IssueTokens(IEnumerable<string>? scopes = null)
    {
        var tokens = OAuth.IssueTokens(_options.ClientId, scopes ?? ["read", "activity:read_all", "profile:read_all"], AthleteIdText);
        _refreshByAccess[tokens.AccessToken] = tokens.RefreshToken;
        return tokens;
    }

    private string AthleteIdText => _options.AthleteId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<StravaEmulatedActivity> Newest(IEnumerable<StravaEmulatedActivity> activities) =>
        activities.OrderByDescending(a => a.StartUtc).ThenByDescending(a => a.Id);

    private void ReplaceLocked(StravaEmulatedActivity updated)
    {
        var index = _activities.FindIndex(a => a.Id == updated.Id);
        _activities[index] = updated;
        _byId[updated.Id] = updated;
    }

    private void AddLocked(StravaEmulatedActivity activity)
    {
        _activities.Add(activity);
        _byId[activity.Id] = activity;
    }
}

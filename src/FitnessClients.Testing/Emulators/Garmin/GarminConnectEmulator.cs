using System.Collections.Concurrent;

namespace FitnessClients.Testing;

/// <summary>
/// A stateful fake of Garmin Connect that speaks its wire format: the connectapi data routes (profile, settings, stats,
/// activity list and search, summaries, details, splits, HR zones, gear, devices, activity types, the original ZIP and
/// the GPX/TCX/KML/CSV exports, upload), the diauth DI OAuth2 token endpoint (service-ticket grant, rotating refresh
/// tokens, JWT access tokens) and the SSO mobile login with MFA. Its account is synthetic and deterministic.
/// </summary>
/// <remarks>
/// <para>
/// Routes match paths only, so one emulator answers for every host: point a client's connectapi base address, its
/// diauth token endpoint (<see cref="DiAuthTokenPath"/>) and its SSO root at the same in-process handler or loopback
/// server. Data routes require a bearer token from this emulator's diauth (<see cref="IssueTokens"/> gives one directly)
/// unless <see cref="RequireAuthentication"/> is off.
/// </para>
/// <para>
/// Multisport parents are listed with <c>parent: true</c>; their children are not listed but can be fetched by id, and a
/// child's original download returns the parent's combined FIT. Manual activities have no original (404) and no track
/// (exports 204); GPX imports fail the TCX export with 500; indoor activities have no GPS (GPX/KML/TCX 204).
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var clock = new FakeTimeProvider(FakeTimeDefaults.Start);   // Microsoft.Extensions.Time.Testing
/// var garmin = new GarminConnectEmulator(clock, new GarminConnectEmulatorOptions { ActivityCount = 50 });
/// var tokens = garmin.IssueTokens();
/// using var http = garmin.CreateClient();                         // https://connectapi.garmin.com/
/// http.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);
/// var page = await http.GetFromJsonAsync&lt;JsonArray&gt;("activitylist-service/activities/search/activities?start=0&amp;limit=20");
/// </code>
/// </example>
public sealed partial class GarminConnectEmulator : ServiceEmulator
{
    /// <summary>The diauth token path (<c>https://diauth.garmin.com/di-oauth2-service/oauth/token</c> in production).</summary>
    public const string DiAuthTokenPath = "/di-oauth2-service/oauth/token";

    /// <summary>The grant type of the service-ticket exchange.</summary>
    public const string ServiceTicketGrantType = "https://connectapi.garmin.com/di-oauth2-service/oauth/grant/service_ticket";

    private readonly GarminAccount _account;
    private readonly GarminServiceTickets _tickets;
    private readonly List<GarminEmulatedActivity> _activities;
    private readonly Dictionary<long, GarminEmulatedActivity> _byId;
    private readonly ConcurrentDictionary<long, GarminTrackSummary> _trackSummaries = new();
    private readonly Dictionary<string, long> _uploadedHashes = new(StringComparer.Ordinal);
    private readonly TimeSpan _accessTokenLifetime;
    private readonly TimeSpan _refreshTokenLifetime;
    private readonly System.Net.HttpStatusCode _rejectedClientStatus;
    private readonly long _firstActivityId;
    private GarminEmulatedActivity[] _listed = [];
    private long? _largeOriginalId;
    private long _largeOriginalSize;
    private long _largeOriginalBytesProduced;
    private long _ticketExchanges;
    private long _uploads;
    private long _uploadSequence;

    /// <summary>Creates the emulator and seeds its account.</summary>
    /// <param name="timeProvider">The emulator's clock: a <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/> in tests, <see cref="TimeProvider.System"/> for the demo.</param>
    /// <param name="options">Seeding and behaviour; the defaults when omitted (300 activities).</param>
    public GarminConnectEmulator(TimeProvider timeProvider, GarminConnectEmulatorOptions? options = null)
        : base(timeProvider)
    {
        options ??= new GarminConnectEmulatorOptions();
        _account = new GarminAccount(options.UserProfileId, options.DisplayName, options.FullName, GarminJson.Uuid((ulong)options.UserProfileId), "Denver, CO");
        _accessTokenLifetime = options.AccessTokenLifetime;
        _refreshTokenLifetime = options.RefreshTokenLifetime;
        _rejectedClientStatus = options.RejectedClientStatus;
        _firstActivityId = options.FirstActivityId;
        RequireAuthentication = options.RequireAuthentication;
        DisplayName = options.DisplayName;
        UserProfileId = options.UserProfileId;

        _activities = GarminActivityGenerator.Generate(options);
        _byId = _activities.ToDictionary(a => a.Id);
        RebuildListLocked();

        _tickets = new GarminServiceTickets(timeProvider) { Lifetime = options.ServiceTicketLifetime };
        DiAuth = CreateDiAuth(options);
        Sso = new GarminSsoEmulator(timeProvider, _tickets, options);
        RateLimits = CreateRateLimits(options, timeProvider);
        if (options.LargeOriginalSize is { } size)
        {
            var target = options.LargeOriginalActivityId ?? _listed.FirstOrDefault(a => a.OriginalFormat == GarminOriginalFormat.Fit)?.Id
                ?? throw new ArgumentException("The large original needs an activity with a FIT original.", nameof(options));
            SetLargeOriginal(target, size);
        }

        MapRoutes();
    }

    /// <summary>Garmin's data API host; diauth and SSO paths are served by the same emulator whatever the host.</summary>
    public override Uri DefaultBaseAddress => new("https://connectapi.garmin.com/");

    /// <summary>The diauth token endpoint: DI client ids, the service-ticket grant, refresh with rotation. Tests may read its counters or revoke tokens.</summary>
    public OAuthTokenEndpointEmulator DiAuth { get; }

    /// <summary>The SSO mobile login: user, MFA and blocking modes.</summary>
    public GarminSsoEmulator Sso { get; }

    /// <summary>Whether data routes require a live DI bearer token. May be changed at any time.</summary>
    public bool RequireAuthentication { get; set; }

    /// <summary>The account's display name.</summary>
    public string DisplayName { get; }

    /// <summary>The account's profile id (<c>userProfilePk</c>).</summary>
    public long UserProfileId { get; }

    /// <summary>How many service tickets diauth exchanged for tokens.</summary>
    public long ServiceTicketExchanges => Interlocked.Read(ref _ticketExchanges);

    /// <summary>How many uploads were accepted (duplicates not counted).</summary>
    public long Uploads => Interlocked.Read(ref _uploads);

    /// <summary>How many bytes of the huge original have been produced so far, over all its downloads: evidence it is streamed, not built in memory.</summary>
    public long LargeOriginalBytesProduced => Interlocked.Read(ref _largeOriginalBytesProduced);

    /// <summary>Every activity, multisport children included, newest first (by start, then by id: a parent comes after its first leg, which starts with it).</summary>
    public IReadOnlyList<GarminEmulatedActivity> Activities
    {
        get
        {
            lock (SyncRoot)
            {
                return [.. _activities.OrderByDescending(a => a.StartUtc).ThenByDescending(a => a.Id)];
            }
        }
    }

    /// <summary>What the activity list returns, in its default order (newest first): everything but multisport children.</summary>
    public IReadOnlyList<GarminEmulatedActivity> ListedActivities
    {
        get
        {
            lock (SyncRoot)
            {
                return [.. _listed];
            }
        }
    }

    /// <summary>The activity with <paramref name="id"/> (children included), or <see langword="null"/>.</summary>
    /// <param name="id">The activity id.</param>
    public GarminEmulatedActivity? FindActivity(long id)
    {
        lock (SyncRoot)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    /// <summary>
    /// Adds an activity, e.g. one "uploaded late with an old date" for incremental-backup tests. It gets the next id (ids grow
    /// with upload time, not start time) and synthetic numbers; it is listed at the place its start puts it.
    /// </summary>
    /// <param name="start">The local start with its UTC offset, e.g. <c>new DateTimeOffset(2020, 5, 1, 7, 30, 0, TimeSpan.FromHours(-6))</c>.</param>
    /// <param name="typeKey">A type key the emulator knows (see <c>/activity-service/activity/activityTypes</c>).</param>
    /// <param name="name">The name; a Garmin-style default when omitted.</param>
    /// <param name="duration">The duration; drawn from the type's usual range when omitted.</param>
    /// <param name="manual">Whether it is a manual entry (no file, no GPS).</param>
    /// <returns>The new activity.</returns>
    public GarminEmulatedActivity AddActivity(DateTimeOffset start, string typeKey = "running", string? name = null, TimeSpan? duration = null, bool manual = false)
    {
        var type = GarminActivityTypes.Get(typeKey);
        if (type.Family is GarminActivityFamily.Multisport or GarminActivityFamily.Transition || type.MinutesRange.Max == 0)
        {
            throw new ArgumentException($"'{typeKey}' cannot be added as a single activity.", nameof(typeKey));
        }

        lock (SyncRoot)
        {
            var id = NextIdLocked();
            var activity = GarminActivityGenerator.CreateSingle(id, type, manual ? GarminActivityKind.Manual : GarminActivityKind.Device, start, GarminActivityGenerator.ZoneFor(start), name, duration, (ulong)id * 0x9E3779B97F4A7C15UL);
            AddLocked(activity);
            return activity;
        }
    }

    /// <summary>Deletes an activity (a multisport parent with its children), as <c>DELETE /activity-service/activity/{id}</c> does.</summary>
    /// <param name="id">The activity id.</param>
    /// <returns>Whether it existed.</returns>
    public bool DeleteActivity(long id)
    {
        lock (SyncRoot)
        {
            if (!_byId.TryGetValue(id, out var activity))
            {
                return false;
            }

            if (activity.ParentId is { } parentId && _byId.TryGetValue(parentId, out var parent))
            {
                // A deleted leg leaves its parent's metadataDTO.childIds too.
                var updated = parent with { ChildIds = [.. parent.ChildIds.Where(c => c != id)] };
                _activities[_activities.IndexOf(parent)] = updated;
                _byId[parentId] = updated;
                _trackSummaries.TryRemove(parentId, out _);
            }

            foreach (var removed in activity.ChildIds.Append(id))
            {
                if (_byId.Remove(removed, out var item))
                {
                    _activities.Remove(item);
                    _trackSummaries.TryRemove(removed, out _);
                }
            }

            RebuildListLocked();
            return true;
        }
    }

    /// <summary>
    /// Issues a service ticket (<c>ST-…</c>) as a successful SSO login would, for tests of the ticket exchange. It works
    /// once, within <see cref="GarminConnectEmulatorOptions.ServiceTicketLifetime"/> on the emulator's clock.
    /// </summary>
    /// <param name="serviceUrl">The SSO service the ticket is for; the exchange's <c>service_url</c> must then match. Any when omitted.</param>
    public string IssueServiceTicket(string? serviceUrl = null) => _tickets.Issue(serviceUrl);

    /// <summary>Issues a DI token pair directly (a JWT access token and a refresh token), to seed a client's token store.</summary>
    /// <param name="clientId">An accepted DI client id; the first accepted one when omitted.</param>
    public OAuthIssuedTokens IssueTokens(string? clientId = null) =>
        DiAuth.IssueTokens(clientId ?? _acceptedClientIds[0], DiScopes, _account.Guid);

    /// <summary>
    /// Makes <paramref name="activityId"/>'s original download a huge ZIP holding a <c>{id}_ACTIVITY.fit</c> of
    /// <paramref name="size"/> bytes (a valid FIT header and CRC around generated bytes), streamed while it is read.
    /// </summary>
    /// <param name="activityId">An activity with a FIT original; for a multisport leg, its parent (whose combined file every leg downloads).</param>
    /// <param name="size">The FIT file's size, at most 4,000,000,000 bytes (no ZIP64).</param>
    public void SetLargeOriginal(long activityId, long size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 16L);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, 4_000_000_000L);
        lock (SyncRoot)
        {
            if (!_byId.TryGetValue(activityId, out var activity) || activity.OriginalFormat != GarminOriginalFormat.Fit)
            {
                throw new ArgumentException("The large original needs an existing activity with a FIT original.", nameof(activityId));
            }

            _largeOriginalId = activity.ParentId ?? activityId;
            _largeOriginalSize = size;
        }
    }

    private void AddLocked(GarminEmulatedActivity activity)
    {
        _activities.Add(activity);
        _byId[activity.Id] = activity;
        RebuildListLocked();
    }

    private long NextIdLocked() => _byId.Count == 0 ? _firstActivityId : _byId.Keys.Max() + 1_000 + (_byId.Count % 997);

    private void RebuildListLocked() =>
        _listed = [.. _activities.Where(a => a.ParentId is null).OrderByDescending(a => a.StartUtc).ThenByDescending(a => a.Id)];

    /// <summary>The activity and, for a multisport parent, its children in order; under the lock.</summary>
    private (GarminEmulatedActivity? Activity, IReadOnlyList<GarminEmulatedActivity> Children) FindWithChildren(long id)
    {
        lock (SyncRoot)
        {
            if (!_byId.TryGetValue(id, out var activity))
            {
                return (null, []);
            }

            return (activity, [.. activity.ChildIds.Select(c => _byId.GetValueOrDefault(c)).OfType<GarminEmulatedActivity>()]);
        }
    }

    private GarminTrackSummary TrackSummary(GarminEmulatedActivity activity) =>
        _trackSummaries.GetOrAdd(activity.Id, _ =>
        {
            var (_, children) = FindWithChildren(activity.Id);
            return GarminTrackSummary.Of(activity, children);
        });
}

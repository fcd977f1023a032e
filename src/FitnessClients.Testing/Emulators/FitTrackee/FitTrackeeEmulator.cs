using System.Globalization;

namespace FitnessClients.Testing;

/// <summary>
/// A stateful fake of a self-hosted FitTrackee instance (1.2.2 by default) that speaks its wire format: the OAuth2 flow
/// (authorize page, <c>client_secret_post</c> token endpoint with PKCE, refresh rotation that also revokes the old
/// access token, the 20-day refresh-token lifetime, revocation) with Authlib's error bodies; the <c>/api</c> routes a
/// backup or sync tool uses behind a bearer token with scope checks; uploads validated as the server validates them
/// (extension for the version, libmagic's XML declaration check, size against the whole request, only the allowed
/// <c>data</c> keys, GPX track points with times, existing sport); and Flask-Limiter's rate limits when configured.
/// </summary>
/// <remarks>
/// FitTrackee answers in three error shapes: its own <c>{"status","message"}</c>, Authlib's
/// <c>{"error","error_description"}</c>, and Flask's HTML 500 page for unhandled errors (e.g. an unknown key in an
/// upload's <c>data</c>). Unknown <c>GET</c> paths get the web app's HTML page with 200, as FitTrackee's catch-all
/// route does. Workouts are synthetic and deterministic; tests seed more with <see cref="AddWorkout"/> or
/// <see cref="AddWorkoutFromFile"/> and inspect <see cref="Workouts"/> and <see cref="UploadedFiles"/>.
/// </remarks>
/// <example>
/// <code>
/// var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 20, 8, 0, 0, TimeSpan.Zero));
/// var fittrackee = new FitTrackeeEmulator(clock);
/// var tokens = fittrackee.IssueTokens();                     // profile:read workouts:read workouts:write
/// using var http = fittrackee.CreateClient();               // https://fittrackee.example.com/
/// http.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);
/// var page = await http.GetFromJsonAsync&lt;JsonObject&gt;("api/workouts?per_page=100&amp;page=1");
/// </code>
/// </example>
public sealed partial class FitTrackeeEmulator : ServiceEmulator
{
    /// <summary>The API's path prefix.</summary>
    public const string ApiBasePath = "/api";

    private readonly FitTrackeeEmulatorOptions _options;
    private readonly TimeZoneInfo _zone;
    private readonly List<FitTrackeeSport> _sports = [.. FitTrackeeSports.Defaults];
    private readonly List<FitTrackeeWorkout> _workouts = [];
    private readonly Dictionary<string, byte[]> _originals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FitTrackeeTrack> _tracks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _originalNames = new(StringComparer.Ordinal);
    private readonly List<FitTrackeeUploadedFile> _uploads = [];
    private readonly DeterministicRandom _ids;
    private List<string> _redirectUris;
    private readonly DateTimeOffset _userCreatedAt;

    /// <summary>Creates the emulator and seeds its user.</summary>
    /// <param name="timeProvider">The emulator's clock: a <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/> in tests, <see cref="TimeProvider.System"/> for the demo.</param>
    /// <param name="options">Seeding and configuration; the defaults when omitted.</param>
    /// <exception cref="ArgumentException">The options name an unknown time zone or an unreadable version or rate limit.</exception>
    public FitTrackeeEmulator(TimeProvider timeProvider, FitTrackeeEmulatorOptions? options = null)
        : base(timeProvider)
    {
        _options = options ?? new FitTrackeeEmulatorOptions();
        _zone = _options.Timezone is null ? TimeZoneInfo.Utc : FindZone(_options.Timezone);
        if (!System.Version.TryParse(_options.Version, out var version))
        {
            throw new ArgumentException($"'{_options.Version}' is not a version.", nameof(options));
        }

        ParsedVersion = version;
        _redirectUris = [.. _options.RedirectUris];
        _ids = new DeterministicRandom(_options.Seed ^ 0xF17_7AC4EEUL);
        _userCreatedAt = new DateTimeOffset(_options.From.UtcDateTime.Date, TimeSpan.Zero) - TimeSpan.FromDays(30);
        var now = TimeProvider.GetUtcNow();
        foreach (var (workout, original, track) in FitTrackeeWorkoutGenerator.Generate(_options, _zone, now))
        {
            StoreLocked(workout, original, track);
        }

        OAuth = CreateOAuth();
        MapRoutes();
        RateLimits = CreateRateLimits(); // one window per route and limit, so after the routes
    }

    /// <summary>A self-hosted instance's address; every path is served whatever the host.</summary>
    public override Uri DefaultBaseAddress => new("https://fittrackee.example.com/");

    /// <summary>The token endpoint: tests read its counters (<see cref="OAuthTokenEndpointEmulator.Refreshes"/>) or revoke tokens.</summary>
    public OAuthTokenEndpointEmulator OAuth { get; }

    /// <summary>The registered application's client id.</summary>
    public string RegisteredClientId => _options.ClientId;

    /// <summary>The registered application's client secret.</summary>
    public string RegisteredClientSecret => _options.ClientSecret;

    /// <summary>Where the authorize flow redirects: the application's first registered redirect URI, whatever the request asked.</summary>
    public string RedirectUri
    {
        get
        {
            lock (SyncRoot)
            {
                return _redirectUris.Count > 0 ? _redirectUris[0] : throw new InvalidOperationException("The application has no redirect URI.");
            }
        }
    }

    /// <summary>
    /// Replaces the application's redirect URIs, as editing the app in FitTrackee's settings does: the way to register a
    /// loopback listener's URI once its port is known (the demo). The first one is where the authorize flow redirects.
    /// </summary>
    /// <param name="redirectUris">The URIs, the one used first.</param>
    public void SetRedirectUris(params string[] redirectUris)
    {
        ArgumentNullException.ThrowIfNull(redirectUris);
        if (redirectUris.Length == 0 || redirectUris.Any(u => !Uri.TryCreate(u, UriKind.Absolute, out _)))
        {
            throw new ArgumentException("Give at least one absolute URI.", nameof(redirectUris));
        }

        lock (SyncRoot)
        {
            _redirectUris = [.. redirectUris];
        }
    }

    /// <summary>The emulated version, as <c>/api/config</c> reports it.</summary>
    public string Version => _options.Version;

    /// <summary>The user's time zone (IANA id), or <see langword="null"/> for UTC.</summary>
    public string? Timezone => _options.Timezone;

    /// <summary>Whether <c>/api</c> routes require a live bearer token (default <see langword="true"/>).</summary>
    public bool RequireAuthentication { get; set; } = true;

    /// <summary>The sports, in id order.</summary>
    public IReadOnlyList<FitTrackeeSport> Sports
    {
        get
        {
            lock (SyncRoot)
            {
                return [.. _sports];
            }
        }
    }

    /// <summary>Every workout, newest first (as the list's default order).</summary>
    public IReadOnlyList<FitTrackeeWorkout> Workouts
    {
        get
        {
            lock (SyncRoot)
            {
                return [.. Newest(_workouts)];
            }
        }
    }

    /// <summary>Every file received by <c>POST /api/workouts</c> that created a workout, in arrival order.</summary>
    public IReadOnlyList<FitTrackeeUploadedFile> UploadedFiles
    {
        get
        {
            lock (SyncRoot)
            {
                return [.. _uploads];
            }
        }
    }

    private System.Version ParsedVersion { get; }

    private bool SupportsAllFormats => ParsedVersion >= new System.Version(0, 10, 0);

    private bool SupportsOriginalDownload => ParsedVersion >= new System.Version(0, 12, 0);

    /// <summary>The workout with <paramref name="id"/>, or <see langword="null"/>.</summary>
    /// <param name="id">The short id.</param>
    public FitTrackeeWorkout? FindWorkout(string id)
    {
        lock (SyncRoot)
        {
            return _workouts.Find(w => string.Equals(w.Id, id, StringComparison.Ordinal));
        }
    }

    /// <summary>The workout's original file as stored (what <c>/original/download</c> returns), or <see langword="null"/> for a workout without one.</summary>
    /// <param name="id">The short id.</param>
    public ReadOnlyMemory<byte>? GetOriginalFile(string id)
    {
        lock (SyncRoot)
        {
            if (_originals.TryGetValue(id, out var bytes))
            {
                return bytes;
            }

            return null;
        }
    }

    /// <summary>The sport with <paramref name="label"/> (exact), or <see langword="null"/>.</summary>
    /// <param name="label">The label, e.g. <c>Running</c>.</param>
    public FitTrackeeSport? FindSport(string label)
    {
        lock (SyncRoot)
        {
            return _sports.Find(s => string.Equals(s.Label, label, StringComparison.Ordinal));
        }
    }

    /// <summary>Activates or deactivates a sport, as an administrator can (deactivated sports stay listed with <c>is_active: false</c>).</summary>
    /// <param name="sportId">The sport's id.</param>
    /// <param name="active">Whether it is active.</param>
    public void SetSportActive(int sportId, bool active)
    {
        lock (SyncRoot)
        {
            var index = _sports.FindIndex(s => s.Id == sportId);
            if (index < 0)
            {
                throw new ArgumentException($"No sport with id {sportId.ToString(CultureInfo.InvariantCulture)}.", nameof(sportId));
            }

            _sports[index] = _sports[index] with { IsActive = active };
        }
    }

    /// <summary>
    /// Adds a workout, as if created earlier: with a synthetic GPX original (default) or without a file. It gets a new id
    /// and figures derived like the server's.
    /// </summary>
    /// <param name="workoutDate">The start.</param>
    /// <param name="sportId">The sport's id; Running (5) when omitted.</param>
    /// <param name="distanceKm">The distance in km (approximate for file workouts: the synthetic track varies its pace).</param>
    /// <param name="duration">The duration; one hour when omitted.</param>
    /// <param name="title">The title; FitTrackee's <c>Sport - local date</c> default when omitted.</param>
    /// <param name="notes">The notes.</param>
    /// <param name="withFile">Whether it has a GPX original.</param>
    /// <returns>The stored workout.</returns>
    public FitTrackeeWorkout AddWorkout(DateTimeOffset workoutDate, int sportId = 5, double distanceKm = 10, TimeSpan? duration = null, string? title = null, string? notes = null, bool withFile = true)
    {
        var length = duration ?? TimeSpan.FromHours(1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero, nameof(duration));
        lock (SyncRoot)
        {
            var sport = SportLocked(sportId) ?? throw new ArgumentException($"No sport with id {sportId.ToString(CultureInfo.InvariantCulture)}.", nameof(sportId));
            var id = FitTrackeeShortId.Next(_ids);
            var now = TimeProvider.GetUtcNow();
            if (!withFile)
            {
                var manual = FitTrackeeWorkoutGenerator.Manual(id, sport, workoutDate, distanceKm, length, title, notes, null, _zone, now);
                StoreLocked(manual, null, null);
                return manual;
            }

            var (workout, original, track) = FitTrackeeWorkoutGenerator.WithFile(id, sport, workoutDate, distanceKm / length.TotalHours, length, title, notes, null, new DeterministicRandom(_ids.NextUInt64()), _zone, now);
            StoreLocked(workout, original, track);
            return workout;
        }
    }

    /// <summary>
    /// Adds a workout from a file, read exactly as an upload would be (same checks and messages), without going through HTTP.
    /// </summary>
    /// <param name="fileName">The file name; its extension picks the parser.</param>
    /// <param name="content">The file.</param>
    /// <param name="sportId">The sport's id.</param>
    /// <param name="title">A title overriding the file's track name.</param>
    /// <param name="notes">The notes.</param>
    /// <returns>The stored workout.</returns>
    /// <exception cref="ArgumentException">The server would refuse the file; the message is the server's.</exception>
    public FitTrackeeWorkout AddWorkoutFromFile(string fileName, ReadOnlyMemory<byte> content, int sportId, string? title = null, string? notes = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        lock (SyncRoot)
        {
            var sport = SportLocked(sportId) ?? throw new ArgumentException($"Sport id: {sportId.ToString(CultureInfo.InvariantCulture)} does not exist", nameof(sportId));
            try
            {
                return CreateFromFileLocked(sport, extension, content.ToArray(), title, notes, null, null, TimeProvider.GetUtcNow());
            }
            catch (FitTrackeeFileException exception)
            {
                throw new ArgumentException(exception.Message, nameof(content), exception);
            }
        }
    }

    /// <summary>Deletes a workout (as <c>DELETE</c> does), with its original file.</summary>
    /// <param name="id">The short id.</param>
    /// <returns>Whether it existed.</returns>
    public bool RemoveWorkout(string id)
    {
        lock (SyncRoot)
        {
            return RemoveLocked(id);
        }
    }

    /// <summary>Deletes every workout: an empty account for first-sync tests.</summary>
    public void ClearWorkouts()
    {
        lock (SyncRoot)
        {
            _workouts.Clear();
            _originals.Clear();
            _originalNames.Clear();
            _tracks.Clear();
        }
    }

    /// <summary>
    /// Issues a token pair directly, as if the user had authorized the application earlier: the way to seed a client's
    /// token store when the test is not about the authorize flow.
    /// </summary>
    /// <param name="scopes">The granted scopes; <c>profile:read workouts:read workouts:write</c> when omitted.</param>
    public OAuthIssuedTokens IssueTokens(IEnumerable<string>? scopes = null)
    {
        var tokens = OAuth.IssueTokens(_options.ClientId, scopes ?? ["profile:read", "workouts:read", "workouts:write"], _options.Username);
        _refreshByAccess[tokens.AccessToken] = tokens.RefreshToken;
        return tokens;
    }

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException exception)
        {
            throw new ArgumentException($"Unknown time zone '{id}'.", nameof(id), exception);
        }
    }

    private static IEnumerable<FitTrackeeWorkout> Newest(IEnumerable<FitTrackeeWorkout> workouts) =>
        workouts.OrderByDescending(w => w.WorkoutDate).ThenByDescending(w => w.CreationDate);

    private FitTrackeeSport? SportLocked(int id) => _sports.Find(s => s.Id == id);

    private FitTrackeeWorkout CreateFromFileLocked(FitTrackeeSport sport, string extension, byte[] content, string? title, string? notes, string? description, string? visibility, DateTimeOffset now)
    {
        var track = FitTrackeeFileReader.Read(extension, content);
        var id = FitTrackeeShortId.Next(_ids);
        var workout = FitTrackeeTrackStats.Build(id, sport, track, extension, now);
        workout = workout with
        {
            Title = FitTrackeeWorkoutGenerator.DefaultTitle(sport, workout.WorkoutDate, !string.IsNullOrEmpty(title) ? title : track.Name, _zone),
            Description = Truncate(!string.IsNullOrEmpty(description) ? description : track.Description, 10_000),
            Notes = Truncate(notes, 500),
            WorkoutVisibility = visibility ?? "private",
        };
        StoreLocked(workout, content, track);
        return workout;
    }

    private void StoreLocked(FitTrackeeWorkout workout, byte[]? original, FitTrackeeTrack? track)
    {
        _workouts.Add(workout);
        if (original is not null)
        {
            _originals[workout.Id] = original;
            var suffix = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(workout.Id)))[..11].Replace('+', '-').Replace('/', '_');
            _originalNames[workout.Id] = string.Create(CultureInfo.InvariantCulture, $"{workout.WorkoutDate.UtcDateTime:yyyy-MM-dd_HH-mm-ss}_{workout.SportId}_{suffix}.{workout.OriginalFileExtension}");
        }

        if (track is not null)
        {
            _tracks[workout.Id] = track;
        }
    }

    private bool RemoveLocked(string id)
    {
        _originals.Remove(id);
        _originalNames.Remove(id);
        _tracks.Remove(id);
        return _workouts.RemoveAll(w => string.Equals(w.Id, id, StringComparison.Ordinal)) > 0;
    }

    private void ReplaceLocked(FitTrackeeWorkout updated)
    {
        var index = _workouts.FindIndex(w => string.Equals(w.Id, updated.Id, StringComparison.Ordinal));
        _workouts[index] = updated;
    }

    private static string? Truncate(string? text, int length) => text is null ? null : text.Length > length ? text[..length] : text;
}

using System.Net;
using FitnessClients.Core.RateLimiting;

namespace FitnessClients.Testing;

/// <summary>
/// A service's rate limits as the service enforces them: counting windows on the emulator's clock, 429 responses in the
/// service's shape, and the service's usage headers on every response. Benchmarks read the counters to measure how well a
/// client uses its budget.
/// </summary>
/// <remarks>
/// A request counts toward every window whose predicate accepts it. It is rejected when any of those windows is already
/// used up; a rejected request still counts toward windows with <see cref="SimulatedRateLimitWindow.CountsRejectedRequests"/>.
/// Thread-safe.
/// </remarks>
/// <example>
/// <code>
/// var limits = new RateLimitSimulator(clock);
/// limits.AddWindow("overall-15min", 200, TimeSpan.FromMinutes(15));
/// limits.AddWindow("overall-daily", 2000, TimeSpan.FromDays(1));
/// limits.HeaderWriter = RateLimitHeaderWriters.CommaSeparatedPairs("X-RateLimit-Limit", "X-RateLimit-Usage", "overall-15min", "overall-daily");
/// limits.TooManyRequestsResponse = (_, _) => EmulatorResponses.Json(HttpStatusCode.TooManyRequests,
///     """{"message":"Rate Limit Exceeded","errors":[{"resource":"Application","field":"rate limit","code":"exceeded"}]}""");
/// </code>
/// </example>
public sealed class RateLimitSimulator
{
    private readonly object _gate = new();
    private readonly List<SimulatedRateLimitWindow> _windows = [];
    private readonly TimeProvider _timeProvider;
    private long _totalRequests;
    private long _responses429;

    /// <summary>Creates a simulator without windows (every request allowed until windows are added).</summary>
    /// <param name="timeProvider">The clock windows count on; use the emulator's.</param>
    public RateLimitSimulator(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <summary>The windows, in the order added.</summary>
    public IReadOnlyList<SimulatedRateLimitWindow> Windows
    {
        get
        {
            lock (_gate)
            {
                return [.. _windows];
            }
        }
    }

    /// <summary>Turns enforcement off (headers are still written); the counters keep counting.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Writes the service's rate-limit headers on every response that passed the simulator, 429s included. None by default.</summary>
    public Action<HttpResponseMessage, RateLimitDecision>? HeaderWriter { get; set; }

    /// <summary>Builds the 429 response; a plain-text "Too Many Requests" by default.</summary>
    public Func<EmulatorRequest, RateLimitDecision, HttpResponseMessage> TooManyRequestsResponse { get; set; } =
        (_, _) => EmulatorResponses.Text(HttpStatusCode.TooManyRequests, "Too Many Requests");

    /// <summary>How many requests the simulator has seen.</summary>
    public long TotalRequests => Interlocked.Read(ref _totalRequests);

    /// <summary>How many of them were rejected with 429.</summary>
    public long Responses429 => Interlocked.Read(ref _responses429);

    /// <summary>Adds a window.</summary>
    /// <param name="name">A unique name, e.g. <c>read-15min</c>.</param>
    /// <param name="limit">How many requests a period allows.</param>
    /// <param name="length">The period, e.g. 15 minutes or 1 day.</param>
    /// <param name="counts">Which requests count; all when omitted (Strava's read window counts all but uploads).</param>
    /// <param name="alignment">Where periods start.</param>
    /// <returns>The window, to read its counters.</returns>
    public SimulatedRateLimitWindow AddWindow(string name, int limit, TimeSpan length, Func<EmulatorRequest, bool>? counts = null, RateLimitWindowAlignment alignment = RateLimitWindowAlignment.UtcClock)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero);
        lock (_gate)
        {
            if (_windows.Any(w => string.Equals(w.Name, name, StringComparison.Ordinal)))
            {
                throw new ArgumentException($"A window named '{name}' exists already.", nameof(name));
            }

            var window = new SimulatedRateLimitWindow(_gate, _timeProvider, name, limit, length, counts, alignment);
            _windows.Add(window);
            return window;
        }
    }

    /// <summary>The window named <paramref name="name"/>.</summary>
    /// <param name="name">The name.</param>
    /// <exception cref="KeyNotFoundException">No such window.</exception>
    public SimulatedRateLimitWindow GetWindow(string name)
    {
        lock (_gate)
        {
            return _windows.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.Ordinal)) ?? throw new KeyNotFoundException($"No rate-limit window named '{name}'.");
        }
    }

    /// <summary>Every window's current period, as the Core <see cref="RateLimitStatus"/> (no cooldown: the service has none).</summary>
    public RateLimitStatus GetStatus()
    {
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            return new RateLimitStatus([.. _windows.Select(w => w.StatusLocked(now))], null);
        }
    }

    /// <summary>Counts <paramref name="request"/> and decides whether it is allowed.</summary>
    /// <param name="request">The request.</param>
    public RateLimitDecision Evaluate(EmulatorRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            _totalRequests++;
            var now = _timeProvider.GetUtcNow();
            foreach (var window in _windows)
            {
                window.RollLocked(now);
            }

            var applied = _windows.Where(w => w.AppliesTo(request)).ToList();
            var exceeded = Enabled
                ? applied.Where(w => w.IsFullLocked).Select(w => w.StatusLocked(now)).OrderByDescending(s => s.ResetsAt).FirstOrDefault()
                : null;
            var allowed = exceeded is null;
            foreach (var window in applied)
            {
                if (allowed || window.CountsRejectedRequests)
                {
                    window.CountLocked(now);
                }
            }

            if (!allowed)
            {
                _responses429++;
                applied.First(w => string.Equals(w.Name, exceeded!.Name, StringComparison.Ordinal)).RejectLocked();
            }

            return new RateLimitDecision(now, allowed, [.. _windows.Select(w => w.StatusLocked(now))], [.. applied.Select(w => w.Name)], exceeded);
        }
    }

    /// <summary>Forgets every count (windows stay): a fresh budget for the next scenario.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            foreach (var window in _windows)
            {
                window.ResetLocked();
            }

            _totalRequests = 0;
            _responses429 = 0;
        }
    }
}

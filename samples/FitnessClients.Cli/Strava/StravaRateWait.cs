using System.Globalization;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Strava.RateLimits;

namespace FitnessClients.Cli.Strava;

/// <summary>
/// Watches the rate policy of a backup and tells when the next request has to wait for a window to reopen (the budget
/// of a quarter hour or of the UTC day is used up, or Strava answered 429), so the progress bar can say until when.
/// </summary>
public sealed class StravaRateWait : IDisposable
{
    private readonly RateLimitPolicy _policy;
    private readonly TimeProvider _clock;
    private readonly Action<StravaRateWait> _onWaitStarted;
    private readonly Lock _gate = new();
    private DateTimeOffset? _announced;

    /// <summary>Starts watching.</summary>
    /// <param name="policy">The policy the backup's client uses.</param>
    /// <param name="clock">The clock of the run.</param>
    /// <param name="onWaitStarted">Called once per wait, on the thread that made the budget run out; keep it short.</param>
    public StravaRateWait(RateLimitPolicy policy, TimeProvider clock, Action<StravaRateWait> onWaitStarted)
    {
        _policy = policy;
        _clock = clock;
        _onWaitStarted = onWaitStarted;
        _policy.StatusChanged += OnStatusChanged;
    }

    /// <summary>When requests may resume, while a window is spent; else <see langword="null"/>.</summary>
    public DateTimeOffset? ResumeAt { get; private set; }

    /// <summary>The spent window, in words (<c>15-minute read</c>, <c>daily read</c>, <c>429 cooldown</c>).</summary>
    public string? Window { get; private set; }

    /// <summary>Raised when a wait starts or ends (a progress bar redraws); on the thread that changed the budget.</summary>
    public event Action? Changed;

    /// <summary>How many waits the run went through.</summary>
    public int Waits { get; private set; }

    /// <summary>One line for a progress bar or a log: which budget is spent and until when (local time).</summary>
    public string Describe() => ResumeAt is { } at
        ? string.Create(CultureInfo.InvariantCulture, $"Strava's {Window} budget is used up: waiting until {at.ToLocalTime():HH:mm:ss} ({at.ToLocalTime():yyyy-MM-dd zzz}), then resuming by itself")
        : "not waiting";

    /// <summary>Re-reads the policy (a window reopening raises no event by itself).</summary>
    public void Refresh() => Update(_policy.GetStatus());

    /// <inheritdoc />
    public void Dispose() => _policy.StatusChanged -= OnStatusChanged;

    /// <summary>The window names of <see cref="StravaRateLimits"/> in words.</summary>
    public static string WindowText(string name) => name switch
    {
        StravaRateLimits.Read15Minutes => "15-minute read",
        StravaRateLimits.ReadDaily => "daily read",
        StravaRateLimits.Overall15Minutes => "15-minute overall",
        StravaRateLimits.OverallDaily => "daily overall",
        _ => name,
    };

    private void OnStatusChanged(object? sender, RateLimitStatus status) => Update(status);

    private void Update(RateLimitStatus status)
    {
        var now = _clock.GetUtcNow();
        string? window = null;
        DateTimeOffset? resume = null;
        foreach (var w in status.Windows)
        {
            if (w.Remaining == 0 && w.ResetsAt > now && (resume is null || w.ResetsAt > resume))
            {
                (window, resume) = (WindowText(w.Name), w.ResetsAt);
            }
        }

        if (status.CooldownUntil is { } cooldown && cooldown > now && (resume is null || cooldown > resume))
        {
            (window, resume) = ("429 cooldown", cooldown);
        }

        var announce = false;
        var changed = false;
        lock (_gate)
        {
            changed = ResumeAt != resume;
            ResumeAt = resume;
            Window = window;
            if (resume is { } at && _announced != at)
            {
                _announced = at;
                Waits++;
                announce = true;
            }
        }

        if (announce)
        {
            _onWaitStarted(this);
        }

        if (changed)
        {
            Changed?.Invoke();
        }
    }
}

namespace FitnessClients.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock moves only when a test moves it, so a 15-minute rate window or a
/// 30-second retry delay passes in no real time. Timers and <c>Task.Delay(span, provider)</c> calls fire, in
/// due-time order, as the clock passes their due time.
/// </summary>
/// <remarks>
/// Microsoft.Extensions.TimeProvider.Testing is not available to this project, hence this small
/// implementation. Callbacks run on the thread that advances the clock, outside any lock.
/// </remarks>
/// <example>
/// <code>
/// var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 8, 14, 0, TimeSpan.Zero));
/// var delay = Task.Delay(TimeSpan.FromMinutes(1), clock);
/// clock.Advance(TimeSpan.FromMinutes(1)); // delay completes now
/// </code>
/// </example>
public class FakeTimeProvider : TimeProvider
{
    /// <summary>The default start: Monday 5 January 2026, 08:00 UTC.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private readonly object _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now;
    private TimeZoneInfo _localTimeZone = TimeZoneInfo.Utc;
    private long _timerSequence;

    /// <summary>Creates a clock at <paramref name="start"/> (default <see cref="DefaultStart"/>).</summary>
    /// <param name="start">The initial time.</param>
    public FakeTimeProvider(DateTimeOffset? start = null)
    {
        _now = (start ?? DefaultStart).ToUniversalTime();
    }

    /// <summary>Raised after the clock moved, with the new time.</summary>
    public event EventHandler<DateTimeOffset>? Advanced;

    /// <summary>Raised when a timer is created or changed so that it is due at a finite time (tests use it to wait for a delay to start).</summary>
    public event EventHandler? TimerScheduled;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _localTimeZone;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>The number of timers waiting to fire.</summary>
    public int PendingTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => t.DueAt is not null);
            }
        }
    }

    /// <summary>When the next timer fires, or <see langword="null"/> when none is waiting.</summary>
    public DateTimeOffset? NextTimerDue
    {
        get
        {
            lock (_gate)
            {
                return NextDueLocked()?.DueAt;
            }
        }
    }

    /// <summary>Sets the zone <see cref="TimeProvider.GetLocalNow"/> uses.</summary>
    /// <param name="zone">The zone.</param>
    public void SetLocalTimeZone(TimeZoneInfo zone) => _localTimeZone = zone ?? throw new ArgumentNullException(nameof(zone));

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc />
    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _now.UtcTicks;
        }
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing every timer that falls due on the way, in order.</summary>
    /// <param name="delta">How far to move; must not be negative.</param>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + delta;
        }

        AdvanceTo(target);
    }

    /// <summary>Moves the clock forward to <paramref name="target"/>, firing due timers in order.</summary>
    /// <param name="target">The new time; must not be earlier than now.</param>
    public void AdvanceTo(DateTimeOffset target)
    {
        while (true)
        {
            FakeTimer? due;
            lock (_gate)
            {
                if (target < _now)
                {
                    throw new ArgumentOutOfRangeException(nameof(target), "The fake clock cannot go backwards.");
                }

                due = NextDueLocked();
                if (due is null || due.DueAt > target)
                {
                    _now = target;
                    break;
                }

                _now = due.DueAt!.Value;
                due.Fired(_now);
            }

            due.InvokeCallback();
        }

        Advanced?.Invoke(this, target);
    }

    /// <summary>Moves the clock to the next timer's due time and fires it (and any due at the same moment).</summary>
    /// <returns><see langword="false"/> when no timer was waiting.</returns>
    public bool AdvanceToNextTimer()
    {
        var next = NextTimerDue;
        if (next is null)
        {
            return false;
        }

        AdvanceTo(next.Value);
        return true;
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private FakeTimer? NextDueLocked()
    {
        FakeTimer? best = null;
        foreach (var timer in _timers)
        {
            if (timer.DueAt is { } due && (best is null || due < best.DueAt || (due == best.DueAt && timer.Sequence < best.Sequence)))
            {
                best = timer;
            }
        }

        return best;
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset? DueAt { get; private set; }

        public long Sequence { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            bool scheduled;
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                _period = period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    DueAt = null;
                    scheduled = false;
                }
                else
                {
                    ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero, nameof(dueTime));
                    DueAt = owner._now + dueTime;
                    Sequence = ++owner._timerSequence;
                    owner._timers.Add(this);
                    scheduled = true;
                }
            }

            if (scheduled)
            {
                if (dueTime == TimeSpan.Zero)
                {
                    // A zero due time means "now": fire without waiting for the test to move the clock.
                    owner.AdvanceTo(owner.GetUtcNow());
                }

                owner.TimerScheduled?.Invoke(owner, EventArgs.Empty);
            }

            return true;
        }

        // Called under the owner's lock when the clock reaches DueAt.
        public void Fired(DateTimeOffset now)
        {
            if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan)
            {
                DueAt = now + _period;
                Sequence = ++owner._timerSequence;
            }
            else
            {
                DueAt = null;
                owner._timers.Remove(this);
            }
        }

        public void InvokeCallback() => callback(state);

        public void Dispose()
        {
            lock (owner._gate)
            {
                DueAt = null;
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

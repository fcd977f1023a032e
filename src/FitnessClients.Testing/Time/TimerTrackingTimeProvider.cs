using Microsoft.Extensions.Time.Testing;

namespace FitnessClients.Testing;

/// <summary>
/// Microsoft's <see cref="FakeTimeProvider"/> that also tells which of its timers are waiting and when the next one is
/// due, so a test (or <see cref="IdleTimeDriver"/>) can see that the code under test is parked on a <c>Task.Delay</c>, a
/// retry back-off or a rate-limit pause, and move the clock straight to it.
/// </summary>
/// <remarks>
/// Moving the clock is the base class's job (<see cref="FakeTimeProvider.Advance(TimeSpan)"/>,
/// <see cref="FakeTimeProvider.SetUtcNow(DateTimeOffset)"/>); this class only watches the timers it hands out. Those
/// fire in due order, but with the clock already at the time it was moved to: to stop at each due time on the way, move
/// with <see cref="AdvanceToNextTimer"/> or <see cref="AdvanceThroughTimers(TimeSpan)"/>. Due times are worked out from
/// <see cref="TimeProvider.GetUtcNow"/>, so they are exact while <see cref="FakeTimeProvider.AutoAdvanceAmount"/> is
/// zero (the default).
/// </remarks>
/// <example>
/// <code>
/// var clock = new TimerTrackingTimeProvider();             // 2026-01-05 08:00 UTC
/// var call = client.GetAsync("/rate-limited");             // waits for the window to reopen at 08:15
/// await clock.WaitForPendingTimersAsync();
/// clock.AdvanceToNextTimer();                              // 08:15: the call goes out
/// </code>
/// </example>
public class TimerTrackingTimeProvider : FakeTimeProvider
{
    private readonly object _gate = new();
    private readonly HashSet<TrackedTimer> _pending = [];

    /// <summary>Creates a clock at <see cref="FakeTimeDefaults.Start"/>.</summary>
    public TimerTrackingTimeProvider()
        : this(FakeTimeDefaults.Start)
    {
    }

    /// <summary>Creates a clock at <paramref name="start"/>, kept in UTC whatever its offset.</summary>
    /// <param name="start">The initial time.</param>
    public TimerTrackingTimeProvider(DateTimeOffset start)
        : base(start.ToUniversalTime())
    {
    }

    /// <summary>Raised when a timer is created or changed so that it is due at a finite time (tests use it to wait for a delay to start).</summary>
    public event EventHandler? TimerScheduled;

    /// <summary>The number of timers waiting to fire.</summary>
    public int PendingTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
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
                return _pending.Count == 0 ? null : _pending.Min(t => t.DueAt);
            }
        }
    }

    /// <summary>Moves the clock to the next timer's due time, which fires it (and any due at the same moment).</summary>
    /// <returns><see langword="false"/> when no timer was waiting.</returns>
    public bool AdvanceToNextTimer()
    {
        if (NextTimerDue is not { } due)
        {
            return false;
        }

        // A timer due now (one another thread is about to fire) needs no move, and SetUtcNow refuses to go backwards.
        if (due > GetUtcNow())
        {
            SetUtcNow(due);
        }

        return true;
    }

    /// <summary>
    /// Moves the clock forward by <paramref name="delta"/> one due time at a time, so each timer fires with the clock at
    /// its own due time and a timer that a callback schedules on the way fires too if it falls due before the end.
    /// </summary>
    /// <remarks>
    /// <see cref="FakeTimeProvider.Advance(TimeSpan)"/> fires the same timers with the clock already at the end, and a
    /// timer scheduled by one of their callbacks counts from there: use this method when the code under test waits
    /// several times in a row (a retry loop) and the test moves the clock once for all of them.
    /// </remarks>
    /// <param name="delta">How far to move; must not be negative.</param>
    /// <example>
    /// <code>
    /// var retries = RetryThreeTimesAsync(clock);                // waits 1 s, 2 s, then 4 s
    /// clock.AdvanceThroughTimers(TimeSpan.FromSeconds(7));      // all three waits pass
    /// </code>
    /// </example>
    public void AdvanceThroughTimers(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        var target = GetUtcNow() + delta;

        // Timers due by now are already being fired (by the base class, on this thread or another): step past them.
        while (NextTimerDueAfter(GetUtcNow()) is { } due && due <= target)
        {
            SetUtcNow(due);
        }

        if (target > GetUtcNow())
        {
            SetUtcNow(target);
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new TrackedTimer(this, callback, state);

        // Created idle and then started, so the tracking is in place before a zero due time fires it synchronously.
        timer.Attach(base.CreateTimer(static s => ((TrackedTimer)s!).Fire(), timer, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        timer.Change(dueTime, period);
        return timer;
    }

    private DateTimeOffset? NextTimerDueAfter(DateTimeOffset now)
    {
        lock (_gate)
        {
            DateTimeOffset? next = null;
            foreach (var timer in _pending)
            {
                if (timer.DueAt > now && (next is null || timer.DueAt < next))
                {
                    next = timer.DueAt;
                }
            }

            return next;
        }
    }

    private void OnTimerScheduled() => TimerScheduled?.Invoke(this, EventArgs.Empty);

    // The base class's timer does the scheduling and firing; this wrapper mirrors its due time (one-shot: cleared when
    // it fires; periodic: moved on by a period, or from the new time if the callback moved the clock) so the provider
    // can answer PendingTimerCount and NextTimerDue. The clock is never read under the provider's lock: reading it may
    // run due callbacks.
    private sealed class TrackedTimer(TimerTrackingTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private ITimer _inner = null!;
        private TimeSpan _period;
        private long _version;
        private bool _disposed;

        public DateTimeOffset DueAt { get; private set; }

        private bool IsPeriodic => _period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan;

        public void Attach(ITimer inner) => _inner = inner;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var scheduled = dueTime != Timeout.InfiniteTimeSpan;
            var now = owner.GetUtcNow();
            (DateTimeOffset DueAt, TimeSpan Period, bool Pending) previous;
            lock (owner._gate)
            {
                if (_disposed)
                {
                    return false;
                }

                previous = (DueAt, _period, owner._pending.Remove(this));
                _version++;
                _period = period;
                if (scheduled)
                {
                    DueAt = now + dueTime;
                    owner._pending.Add(this);
                }
            }

            try
            {
                // May fire at once (a zero due time), which runs Fire on this thread.
                _inner.Change(dueTime, period);
            }
            catch (ArgumentOutOfRangeException)
            {
                // The base class refused the arguments and kept the timer as it was: so does the tracking.
                lock (owner._gate)
                {
                    owner._pending.Remove(this);
                    (DueAt, _period) = (previous.DueAt, previous.Period);
                    if (previous.Pending)
                    {
                        owner._pending.Add(this);
                    }
                }

                throw;
            }

            if (scheduled)
            {
                owner.OnTimerScheduled();
            }

            return true;
        }

        public void Fire()
        {
            var firedAt = owner.GetUtcNow();
            long version;
            bool periodic;
            lock (owner._gate)
            {
                if (_disposed)
                {
                    return;
                }

                version = _version;
                periodic = IsPeriodic;
                if (periodic)
                {
                    DueAt += _period;
                }
                else
                {
                    owner._pending.Remove(this);
                }
            }

            callback(state);
            if (!periodic)
            {
                return;
            }

            // The base class reschedules a periodic timer from the new time when the callback moved the clock.
            var now = owner.GetUtcNow();
            lock (owner._gate)
            {
                if (now != firedAt && _version == version && !_disposed)
                {
                    DueAt = now + _period;
                }
            }
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                _disposed = true;
                owner._pending.Remove(this);
            }

            _inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

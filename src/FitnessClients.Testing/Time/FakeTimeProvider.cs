using System.Globalization;

namespace FitnessClients.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock moves only when a test moves it, so a 15-minute rate window or a
/// 30-second retry delay passes in no real time. Timers and <c>Task.Delay(span, provider)</c> calls fire, in
/// due-time order, as the clock passes their due time.
/// </summary>
/// <remarks>
/// Microsoft.Extensions.TimeProvider.Testing is not available to this project, hence this small
/// implementation. Callbacks run on the thread that advances the clock, outside the state lock. Advances are
/// serialised (a callback may advance the clock again on the same thread, but must not block on another thread that
/// advances it). Reading the clock and creating timers are safe from any thread.
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
    private readonly object _advanceGate = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now;
    private TimeZoneInfo _localTimeZone = TimeZoneInfo.Utc;
    private long _timerSequence;
    private long _scheduleVersion;

    /// <summary>Creates a clock at <paramref name="start"/> (default <see cref="DefaultStart"/>).</summary>
    /// <param name="start">The initial time.</param>
    public FakeTimeProvider(DateTimeOffset? start = null)
    {
        _now = (start ?? DefaultStart).ToUniversalTime();
    }

    /// <summary>The real-time bound of <see cref="WaitForPendingTimersAsync"/> and <see cref="RunUntilCompletedAsync(Task, TimeSpan?, TimeSpan?, CancellationToken)"/> when none is given.</summary>
    public static TimeSpan DefaultRealTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long (real time) <see cref="RunUntilCompletedAsync(Task, TimeSpan?, TimeSpan?, CancellationToken)"/> waits with no new timer
    /// scheduled before it concludes the code under test is quiet. Raise it on a slow machine if that helper skips timers.
    /// </summary>
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromMilliseconds(10);

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
    /// <remarks>Advances are serialised: two threads advancing by one minute each move the clock two minutes.</remarks>
    /// <param name="delta">How far to move; must not be negative.</param>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        lock (_advanceGate)
        {
            AdvanceCore(GetUtcNow() + delta);
        }
    }

    /// <summary>Moves the clock forward to <paramref name="target"/>, firing due timers in order.</summary>
    /// <param name="target">The new time; must not be earlier than now.</param>
    public void AdvanceTo(DateTimeOffset target)
    {
        lock (_advanceGate)
        {
            if (target < GetUtcNow())
            {
                throw new ArgumentOutOfRangeException(nameof(target), "The fake clock cannot go backwards.");
            }

            AdvanceCore(target);
        }
    }

    /// <summary>Moves the clock to the next timer's due time and fires it (and any due at the same moment).</summary>
    /// <returns><see langword="false"/> when no timer was waiting.</returns>
    public bool AdvanceToNextTimer()
    {
        lock (_advanceGate)
        {
            var next = NextTimerDue;
            if (next is null)
            {
                return false;
            }

            AdvanceCore(next.Value);
            return true;
        }
    }

    /// <summary>
    /// Waits, in real time, until at least <paramref name="count"/> timers are pending: the way a test knows that the code
    /// under test has reached its <c>Task.Delay</c> (or retry wait, or rate-limit pause) and the clock can be moved.
    /// </summary>
    /// <remarks>
    /// Driven by <see cref="TimerScheduled"/>, not by polling. A timer created with a zero due time fires at once and never
    /// counts as pending.
    /// </remarks>
    /// <param name="count">How many pending timers to wait for.</param>
    /// <param name="realTimeout">The real-time bound (default <see cref="DefaultRealTimeout"/>), so a broken test fails instead of hanging.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="TimeoutException">Fewer than <paramref name="count"/> timers were pending when the bound passed.</exception>
    /// <example>
    /// <code>
    /// var call = client.GetAsync("/slow");           // the emulator waits 50 ms on this clock
    /// await clock.WaitForPendingTimersAsync();
    /// clock.Advance(TimeSpan.FromMilliseconds(50));
    /// var response = await call;
    /// </code>
    /// </example>
    public async Task WaitForPendingTimersAsync(int count = 1, TimeSpan? realTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var timeout = realTimeout ?? DefaultRealTimeout;
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnScheduled(object? sender, EventArgs e)
        {
            if (PendingTimerCount >= count)
            {
                reached.TrySetResult();
            }
        }

        TimerScheduled += OnScheduled;
        try
        {
            if (PendingTimerCount >= count)
            {
                return;
            }

            try
            {
                await reached.Task.WaitAsync(timeout, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Expected {count} pending timer(s) on the fake clock within {timeout.TotalSeconds:0.###} s of real time; {PendingTimerCount} pending."));
            }
        }
        finally
        {
            TimerScheduled -= OnScheduled;
        }
    }

    /// <summary>
    /// Drives <paramref name="task"/> to completion by repeatedly waiting until the code under test is quiet (a timer is
    /// pending and no new one was scheduled for <see cref="SettleTime"/> of real time) and then jumping the clock to the
    /// next timer.
    /// </summary>
    /// <remarks>
    /// Only for code whose pending timers are all ones you mean to skip: the helper fires every timer it finds, so a
    /// timeout, a heartbeat or a background poll on the same clock fires too and may change the outcome. The settle
    /// period is a heuristic: a continuation still running on another thread when it ends may schedule an earlier timer
    /// after the jump.
    /// </remarks>
    /// <typeparam name="T">The task's result type.</typeparam>
    /// <param name="task">The operation under test, already started.</param>
    /// <param name="realTimeout">The total real-time bound (default <see cref="DefaultRealTimeout"/>).</param>
    /// <param name="maxAdvance">
    /// The furthest the clock may jump in one step; a timer due later is left alone while the task is still working
    /// (waiting in real time instead). Pass a bound below your request timeouts when driving retries or rate-limit
    /// waits, so a busy machine never turns a slow in-process request into a timeout. <see langword="null"/>: no bound.
    /// </param>
    /// <param name="cancellationToken">Stops driving.</param>
    /// <returns>The task's result.</returns>
    /// <exception cref="TimeoutException">The task did not complete within the bound.</exception>
    /// <example>
    /// <code>
    /// // A backup that waits out two 15-minute rate-limit windows completes without a real wait.
    /// var summary = await clock.RunUntilCompletedAsync(engine.RunAsync(options));
    /// </code>
    /// </example>
    public async Task<T> RunUntilCompletedAsync<T>(Task<T> task, TimeSpan? realTimeout = null, TimeSpan? maxAdvance = null, CancellationToken cancellationToken = default)
    {
        await RunUntilCompletedAsync((Task)task, realTimeout, maxAdvance, cancellationToken).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    /// <summary>
    /// Drives <paramref name="task"/> to completion; see <see cref="RunUntilCompletedAsync{T}(Task{T}, TimeSpan?, TimeSpan?, CancellationToken)"/>
    /// for how and for the caveat. Exceptions of <paramref name="task"/> propagate.
    /// </summary>
    /// <param name="task">The operation under test, already started.</param>
    /// <param name="realTimeout">The total real-time bound (default <see cref="DefaultRealTimeout"/>).</param>
    /// <param name="maxAdvance">
    /// The furthest the clock may jump in one step; a timer due later is left alone while the task is still working
    /// (waiting in real time instead). Pass a bound below your request timeouts when driving retries or rate-limit
    /// waits, so a busy machine never turns a slow in-process request into a timeout. <see langword="null"/>: no bound.
    /// </param>
    /// <param name="cancellationToken">Stops driving.</param>
    /// <exception cref="TimeoutException">The task did not complete within the bound.</exception>
    public async Task RunUntilCompletedAsync(Task task, TimeSpan? realTimeout = null, TimeSpan? maxAdvance = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        var timeout = realTimeout ?? DefaultRealTimeout;
        var real = TimeProvider.System;
        var started = real.GetTimestamp();
        TimeSpan Remaining()
        {
            var left = timeout - real.GetElapsedTime(started);
            return left > TimeSpan.Zero ? left : throw new TimeoutException(string.Create(
                CultureInfo.InvariantCulture,
                $"The task did not complete within {timeout.TotalSeconds:0.###} s of real time; the fake clock is at {GetUtcNow():O} with {PendingTimerCount} pending timer(s)."));
        }

        while (!task.IsCompleted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (PendingTimerCount == 0)
            {
                using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var pending = WaitForPendingTimersAsync(1, Remaining(), stopWaiting.Token);
                await Task.WhenAny(task, pending).ConfigureAwait(false);
                if (task.IsCompleted)
                {
                    await stopWaiting.CancelAsync().ConfigureAwait(false);
                    await pending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    break;
                }

                await pending.ConfigureAwait(false);
            }

            // Settle: give continuations that are running right now the chance to schedule an earlier timer.
            while (true)
            {
                var version = Volatile.Read(ref _scheduleVersion);
                var settle = SettleTime < Remaining() ? SettleTime : Remaining();
                await Task.WhenAny(task, Task.Delay(settle, real, cancellationToken)).ConfigureAwait(false);
                if (task.IsCompleted || Volatile.Read(ref _scheduleVersion) == version)
                {
                    break;
                }
            }

            if (task.IsCompleted)
            {
                break;
            }

            // A timer further away than maxAdvance is one the caller does not mean to skip to (typically a request
            // timeout while the request is still being served on a busy machine): wait in real time instead.
            if (maxAdvance is { } limit && NextTimerDue is { } due && due - GetUtcNow() > limit)
            {
                var wait = SettleTime < Remaining() ? SettleTime : Remaining();
                await Task.WhenAny(task, Task.Delay(wait, real, cancellationToken)).ConfigureAwait(false);
                continue;
            }

            AdvanceToNextTimer();
        }

        await task.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    // Fires every timer due up to target, in order, then sets the clock to target. Callers hold _advanceGate.
    private void AdvanceCore(DateTimeOffset target)
    {
        while (true)
        {
            FakeTimer? due;
            lock (_gate)
            {
                due = NextDueLocked();
                if (due is null || due.DueAt > target)
                {
                    if (target > _now)
                    {
                        _now = target;
                    }

                    break;
                }

                _now = due.DueAt!.Value;
                due.Fired(_now);
            }

            due.InvokeCallback();
        }

        Advanced?.Invoke(this, GetUtcNow());
    }

    private void OnTimerScheduled()
    {
        Interlocked.Increment(ref _scheduleVersion);
        TimerScheduled?.Invoke(this, EventArgs.Empty);
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
                    // A zero due time means "now": fire without waiting for the test to move the clock. Only this timer
                    // fires; taking the advance lock here could deadlock with a callback that runs on an advancing thread.
                    var fire = false;
                    lock (owner._gate)
                    {
                        if (DueAt is { } due && due <= owner._now)
                        {
                            Fired(owner._now);
                            fire = true;
                        }
                    }

                    if (fire)
                    {
                        InvokeCallback();
                    }
                }

                owner.OnTimerScheduled();
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

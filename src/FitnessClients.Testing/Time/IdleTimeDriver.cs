using System.Globalization;

namespace FitnessClients.Testing;

/// <summary>
/// Moves a <see cref="TimerTrackingTimeProvider"/> on when the code under test is idle on it: waits, in real time, until
/// it has started waiting on a timer, or drives a whole operation by jumping the clock to each timer it waits on. Every
/// wait is bounded in real time, so a broken test fails instead of hanging.
/// </summary>
public static class IdleTimeDriver
{
    /// <summary>The real-time bound of the methods here when none is given: 10 seconds.</summary>
    public static TimeSpan DefaultRealTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long (real time) <see cref="RunUntilCompletedAsync(TimerTrackingTimeProvider, Task, TimeSpan?, TimeSpan?, CancellationToken)"/>
    /// waits with no new timer scheduled before it concludes the code under test is idle: 10 ms. Raise it on a slow
    /// machine if that method skips timers.
    /// </summary>
    public static TimeSpan SettleTime { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Waits, in real time, until at least <paramref name="count"/> timers are pending: the way a test knows that the code
    /// under test has reached its <c>Task.Delay</c> (or retry wait, or rate-limit pause) and the clock can be moved.
    /// </summary>
    /// <remarks>
    /// Driven by <see cref="TimerTrackingTimeProvider.TimerScheduled"/>, not by polling. A timer created with a zero due
    /// time fires at once and never counts as pending.
    /// </remarks>
    /// <param name="clock">The clock the code under test waits on.</param>
    /// <param name="count">How many pending timers to wait for.</param>
    /// <param name="realTimeout">The real-time bound (default <see cref="DefaultRealTimeout"/>).</param>
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
    public static async Task WaitForPendingTimersAsync(this TimerTrackingTimeProvider clock, int count = 1, TimeSpan? realTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var timeout = realTimeout ?? DefaultRealTimeout;
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnScheduled(object? sender, EventArgs e)
        {
            if (clock.PendingTimerCount >= count)
            {
                reached.TrySetResult();
            }
        }

        clock.TimerScheduled += OnScheduled;
        try
        {
            if (clock.PendingTimerCount >= count)
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
                    $"Expected {count} pending timer(s) on the fake clock within {timeout.TotalSeconds:0.###} s of real time; {clock.PendingTimerCount} pending."));
            }
        }
        finally
        {
            clock.TimerScheduled -= OnScheduled;
        }
    }

    /// <summary>
    /// Drives <paramref name="task"/> to completion by repeatedly waiting until the code under test is idle (a timer is
    /// pending and no new one was scheduled for <see cref="SettleTime"/> of real time) and then jumping the clock to the
    /// next timer.
    /// </summary>
    /// <remarks>
    /// Only for code whose pending timers are all ones you mean to skip: every timer found fires, so a timeout, a
    /// heartbeat or a background poll on the same clock fires too and may change the outcome. The settle period is a
    /// heuristic: a continuation still running on another thread when it ends may schedule an earlier timer after the
    /// jump.
    /// </remarks>
    /// <typeparam name="T">The task's result type.</typeparam>
    /// <param name="clock">The clock the code under test waits on.</param>
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
    public static async Task<T> RunUntilCompletedAsync<T>(this TimerTrackingTimeProvider clock, Task<T> task, TimeSpan? realTimeout = null, TimeSpan? maxAdvance = null, CancellationToken cancellationToken = default)
    {
        await clock.RunUntilCompletedAsync((Task)task, realTimeout, maxAdvance, cancellationToken).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    /// <summary>
    /// Drives <paramref name="task"/> to completion; see
    /// <see cref="RunUntilCompletedAsync{T}(TimerTrackingTimeProvider, Task{T}, TimeSpan?, TimeSpan?, CancellationToken)"/>
    /// for how and for the caveat. Exceptions of <paramref name="task"/> propagate.
    /// </summary>
    /// <param name="clock">The clock the code under test waits on.</param>
    /// <param name="task">The operation under test, already started.</param>
    /// <param name="realTimeout">The total real-time bound (default <see cref="DefaultRealTimeout"/>).</param>
    /// <param name="maxAdvance">
    /// The furthest the clock may jump in one step; a timer due later is left alone while the task is still working
    /// (waiting in real time instead). <see langword="null"/>: no bound.
    /// </param>
    /// <param name="cancellationToken">Stops driving.</param>
    /// <exception cref="TimeoutException">The task did not complete within the bound.</exception>
    public static async Task RunUntilCompletedAsync(this TimerTrackingTimeProvider clock, Task task, TimeSpan? realTimeout = null, TimeSpan? maxAdvance = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(task);
        var timeout = realTimeout ?? DefaultRealTimeout;
        var real = TimeProvider.System;
        var started = real.GetTimestamp();
        TimeSpan Remaining()
        {
            var left = timeout - real.GetElapsedTime(started);
            return left > TimeSpan.Zero ? left : throw new TimeoutException(string.Create(
                CultureInfo.InvariantCulture,
                $"The task did not complete within {timeout.TotalSeconds:0.###} s of real time; the fake clock is at {clock.GetUtcNow():O} with {clock.PendingTimerCount} pending timer(s)."));
        }

        var scheduled = 0L;
        void OnScheduled(object? sender, EventArgs e) => Interlocked.Increment(ref scheduled);
        clock.TimerScheduled += OnScheduled;
        try
        {
            while (!task.IsCompleted)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (clock.PendingTimerCount == 0)
                {
                    using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    var pending = clock.WaitForPendingTimersAsync(1, Remaining(), stopWaiting.Token);
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
                    var version = Interlocked.Read(ref scheduled);
                    var settle = Shorter(SettleTime, Remaining());
                    await Task.WhenAny(task, Task.Delay(settle, real, cancellationToken)).ConfigureAwait(false);
                    if (task.IsCompleted || Interlocked.Read(ref scheduled) == version)
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
                if (maxAdvance is { } limit && clock.NextTimerDue is { } due && due - clock.GetUtcNow() > limit)
                {
                    await Task.WhenAny(task, Task.Delay(Shorter(SettleTime, Remaining()), real, cancellationToken)).ConfigureAwait(false);
                    continue;
                }

                clock.AdvanceToNextTimer();
            }
        }
        finally
        {
            clock.TimerScheduled -= OnScheduled;
        }

        await task.ConfigureAwait(false);
    }

    private static TimeSpan Shorter(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

using System.Net;
using FitnessClients.Core.Http;

namespace FitnessClients.Core.RateLimiting;

/// <summary>
/// What the shipped policies share: waiting (with jitter) or throwing while a budget is exhausted, reading the
/// usage the service reports, and the cooldown after a 429. <see cref="FixedWindowRateLimitPolicy"/> and
/// <see cref="TokenBucketRateLimitPolicy"/> differ only in how they count.
/// </summary>
/// <remarks>
/// Not meant to be derived from outside this library; derive from <see cref="RateLimitPolicy"/> for a policy of
/// your own. Every check and update of the budget happens under one lock, so concurrent callers never overshoot it.
/// </remarks>
public abstract class PacedRateLimitPolicy : RateLimitPolicy
{
    private RateLimitJitter? _jitter;

    private protected PacedRateLimitPolicy(TimeSpan defaultMaxJitter, TimeProvider? timeProvider)
    {
        MaxJitter = defaultMaxJitter;
        Clock = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Read the usage the service reports in each response; a report names the window it corrects (for a token
    /// bucket, its <see cref="TokenBucketRateLimitPolicy.Name"/>). Default none.
    /// </summary>
    public IReadOnlyList<IRateLimitUsageReader> UsageReaders { get; init; } = [];

    /// <summary>
    /// The largest random extra wait after an exhausted budget reopens (uniform from zero), so waiters and clients
    /// spread out and a service clock slightly behind ours has reset too; zero turns it off. Default 2 seconds for
    /// <see cref="FixedWindowRateLimitPolicy"/>, zero for <see cref="TokenBucketRateLimitPolicy"/> (a bucket already
    /// paces evenly).
    /// </summary>
    public TimeSpan MaxJitter
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            field = value;
        }
    }

    /// <summary>The source of the jitter; pass a seeded instance for reproducible waits. Default <see cref="Random.Shared"/>.</summary>
    public Random JitterRandom { get; init; } = Random.Shared;

    /// <summary>
    /// The cooldown after a 429 that carries neither <c>Retry-After</c> nor a usage report showing an exhausted
    /// window (Runkeeper); it doubles with each consecutive such 429 up to <see cref="MaxCooldown"/>. Default 60 seconds.
    /// </summary>
    public TimeSpan DefaultCooldown
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            field = value;
        }
    } = TimeSpan.FromSeconds(60);

    /// <summary>The cap of the doubling <see cref="DefaultCooldown"/>. Default 15 minutes.</summary>
    public TimeSpan MaxCooldown
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            field = value;
        }
    } = TimeSpan.FromMinutes(15);

    /// <summary>The clock for every budget decision and wait.</summary>
    private protected TimeProvider Clock { get; }

    /// <summary>The lock around every read and change of the budget and the cooldown.</summary>
    private protected object Gate { get; } = new();

    /// <summary>The cooldown after 429s; read and changed under <see cref="Gate"/>.</summary>
    private protected RateLimitCooldown Cooldown { get; } = new();

    /// <summary>Whether a usage report showing an exhausted budget starts a cooldown even without a 429.</summary>
    private protected virtual bool ExhaustedReportStartsCooldown => false;

    // Created on first use, after the init properties have been set.
    private RateLimitJitter Jitter => LazyInitializer.EnsureInitialized(ref _jitter, () => new RateLimitJitter(MaxJitter, JitterRandom));

    /// <inheritdoc />
    public sealed override async ValueTask AcquireAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tryAcquire = PrepareAcquire(request);
        await RateLimitWaiter.AcquireAsync(
                now =>
                {
                    lock (Gate)
                    {
                        return tryAcquire(now);
                    }
                },
                ExhaustionBehavior,
                Clock,
                Jitter,
                cancellationToken)
            .ConfigureAwait(false);
        OnStatusChanged();
    }

    /// <inheritdoc />
    public sealed override void OnResponse(HttpRequestMessage request, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var now = Clock.GetUtcNow();
        var reports = RateLimitUsageReaders.ReadAll(UsageReaders, response, now);
        var tooMany = response.StatusCode == HttpStatusCode.TooManyRequests;
        var retryAfter = tooMany ? RetryAfter.GetDelay(response, now) : null;

        lock (Gate)
        {
            Advance(now);
            RateLimitBlock? exhausted = null;
            foreach (var report in reports)
            {
                if (ApplyReport(request, report, now) is { } block && (exhausted is null || block.ResumeAt > exhausted.Value.ResumeAt))
                {
                    exhausted = block;
                }
            }

            if (tooMany)
            {
                Cooldown.OnTooManyRequests(now, retryAfter, exhausted, DefaultCooldown, MaxCooldown);
            }
            else
            {
                Cooldown.OnOtherResponse();
                if (ExhaustedReportStartsCooldown && exhausted is { } block)
                {
                    Cooldown.Extend(block);
                }
            }
        }

        OnStatusChanged();
    }

    /// <summary>
    /// Called once per <see cref="AcquireAsync"/>, outside the lock (run caller code such as window predicates
    /// here); returns the check the waiter repeats under <see cref="Gate"/>: <see langword="null"/> grants and
    /// counts the request, a block says until when to wait.
    /// </summary>
    private protected abstract Func<DateTimeOffset, RateLimitBlock?> PrepareAcquire(HttpRequestMessage request);

    /// <summary>Under <see cref="Gate"/>: brings the budget up to <paramref name="now"/> (ended windows, refills).</summary>
    private protected abstract void Advance(DateTimeOffset now);

    /// <summary>Under <see cref="Gate"/>: applies one usage report; returns the block it implies when it shows the budget used up.</summary>
    private protected abstract RateLimitBlock? ApplyReport(HttpRequestMessage request, RateLimitUsageReport report, DateTimeOffset now);
}

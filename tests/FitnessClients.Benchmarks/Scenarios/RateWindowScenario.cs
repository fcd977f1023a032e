using FitnessClients.Backup;
using FitnessClients.Benchmarks.Infrastructure;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Strava;
using FitnessClients.Strava.RateLimits;
using FitnessClients.Testing;

namespace FitnessClients.Benchmarks.Scenarios;

/// <summary>
/// Figure 4: a Strava backup (GPX + summary) far larger than one day's read budget, under the emulator's enforced
/// windows on the fake clock: responses 429, the share of every full 15-minute window used, and whether the run went
/// on by itself after the daily reset. Counted on the emulator's request log, i.e. as Strava would count.
/// </summary>
internal sealed class RateWindowScenario : Scenario
{
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);

    public override string Name => "rate";

    public override string Description => "rate_window_utilisation and responses_429 of a Strava backup under 15-minute and daily read limits (fake clock)";

    public override int Order => 40;

    public override async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var w = context.Workload;
        var clock = new TimerTrackingTimeProvider(StravaServiceBenchStart);
        var emulator = new StravaEmulator(clock, new StravaEmulatorOptions
        {
            ActivityCount = w.RateActivities,
            ReadFifteenMinuteLimit = w.ReadFifteenMinuteLimit,
            ReadDailyLimit = w.ReadDailyLimit,
            OverallFifteenMinuteLimit = 2 * w.ReadFifteenMinuteLimit,
            OverallDailyLimit = 2 * w.ReadDailyLimit,
        });
        using var handler = new InFlightHandler(emulator.CreateHandler());

        // The client knows the same limits as the emulator (an application configures its own on Strava's settings page).
        var limits = new StravaRateLimitSettings
        {
            Read15Minutes = w.ReadFifteenMinuteLimit,
            ReadDaily = w.ReadDailyLimit,
            Overall15Minutes = 2 * w.ReadFifteenMinuteLimit,
            OverallDaily = 2 * w.ReadDailyLimit,
        };
        var policy = new TrackingRateLimitPolicy(StravaRateLimits.CreatePolicy(clock, RateLimitExhaustionBehavior.Wait, limits));
        using var client = await BenchClients.StravaAsync(
            BenchClients.StravaToken(emulator.IssueTokens()), emulator.RegisteredClientId, emulator.RegisteredClientSecret, clock, handler, limits: limits,
            configure: o =>
            {
                o.RateLimitPolicy = policy;
                // The fake clock jumps up to hours at a time (to the next window); request timeouts at their maximum, a day,
                // so that a jump never expires one. The driver only jumps when no request is being served anyway.
                o.Resilience.AttemptTimeout.Timeout = TimeSpan.FromDays(1);
                o.Resilience.TotalRequestTimeout.Timeout = TimeSpan.FromDays(1);
            });
        var folder = context.NewFolder("rate");
        var started = clock.GetUtcNow();
        var run = new BackupEngine(new StravaActivitySource(client), clock).RunAsync(
            new BackupOptions { BackupDirectory = folder, Formats = [StravaActivityFormats.Gpx, StravaActivityFormats.SummaryJson], },
            cancellationToken: cancellationToken);
        var result = await FakeClockDriver.DriveAsync(clock, () => handler.InFlight, () => policy.Granted, run, TimeSpan.FromMinutes(10), context.Log,
            () => $"emulator saw {emulator.Requests.Count()} requests, {handler.InFlight} being served, {policy.Granted} granted; client windows: {string.Join(", ", policy.GetStatus().Windows.Select(x => x.ToString()))}");
        var elapsed = clock.GetUtcNow() - started;

        var reads = emulator.Requests.Where(r => r.Path.StartsWith("/api/v3/", StringComparison.Ordinal) && !r.Path.Contains("/oauth/", StringComparison.Ordinal))
            .Select(r => r.ReceivedAt.ToUniversalTime())
            .Order()
            .ToList();
        var (windowShare, fullWindows) = FullWindowShare(reads, w.ReadFifteenMinuteLimit, w.ReadDailyLimit);
        var days = reads.GroupBy(r => r.UtcDateTime.Date).OrderBy(g => g.Key).ToList();
        var fullDayShare = days.Count > 1 ? days.SkipLast(1).Min(d => (double)d.Count() / w.ReadDailyLimit) : double.NaN;
        var resets = days.Count - 1;
        context.Info($"{reads.Count} reads over {elapsed.TotalHours:0.0} fake hours, {fullWindows} full 15-minute windows, {days.Count} UTC days: {string.Join(", ", days.Select(d => $"{d.Key:MM-dd} {d.Count()}"))}");

        var statuses = emulator.Requests.GroupBy(r => $"{r.Method} {(r.Path.Contains("/streams", StringComparison.Ordinal) ? "streams" : r.Path)} {(int?)r.StatusCode}{(r.HandlerException is null ? "" : " " + r.HandlerException.GetType().Name)}")
            .Select(g => $"{g.Key} x{g.Count()}");
        context.Info($"responses: {string.Join(", ", statuses)}");
        var uneven = reads.GroupBy(r => r.UtcTicks / Quarter.Ticks)
            .Where(g => g.Count() != w.ReadFifteenMinuteLimit)
            .Select(g => $"{new DateTimeOffset(g.Key * Quarter.Ticks, TimeSpan.Zero):MM-dd HH:mm}={g.Count()}");
        context.Info($"15-minute windows not at the limit: {string.Join(", ", uneven)}");
        BackupChecks.Complete(result, emulator.Activities.Count, "rate");
        var limitsText = $"{w.ReadFifteenMinuteLimit} reads/15 min, {w.ReadDailyLimit}/day";
        return
        [
            Figure.Exactly("responses_429", emulator.RateLimits!.Responses429, "responses", 0, $"Strava backup of {result.Selected} activities (GPX + summary), {reads.Count} reads under {limitsText}"),
            Figure.AtLeast("rate_window_utilisation", Math.Round(100 * windowShare, 1), "%", 95, $"lowest share of the read limit used in any of the {fullWindows} full 15-minute windows (neither the last nor cut short by the daily limit)"),
            new Figure("rate_daily_utilisation", Math.Round(100 * fullDayShare, 1), "%", Note: "share of the daily read limit used on each UTC day before the last (lowest)"),
            Figure.AtLeast("rate_daily_resets_crossed", resets, "resets", 1, "UTC midnights the run waited for and went on after by itself, to completion"),
            new Figure("rate_fake_elapsed_hours", Math.Round(elapsed.TotalHours, 2), "h", Note: "fake-clock time of the whole run, from 08:00 UTC"),
        ];
    }

    private static DateTimeOffset StravaServiceBenchStart => Services.StravaServiceBench.Start;

    /// <summary>
    /// The lowest share of the 15-minute limit used in the windows the client could have filled: every window from the
    /// first request's to the one before the last request's, except those where the day's remaining budget was below the
    /// 15-minute limit (then the daily window binds, not this one).
    /// </summary>
    private static (double Share, int Windows) FullWindowShare(List<DateTimeOffset> reads, int quarterLimit, int dailyLimit)
    {
        if (reads.Count == 0)
        {
            return (0, 0);
        }

        var perWindow = reads.GroupBy(r => r.UtcTicks / Quarter.Ticks).ToDictionary(g => g.Key, g => g.Count());
        var first = reads[0].UtcTicks / Quarter.Ticks;
        var last = reads[^1].UtcTicks / Quarter.Ticks;
        var lowest = double.NaN;
        var windows = 0;
        for (var index = first; index < last; index++)
        {
            var start = new DateTimeOffset(index * Quarter.Ticks, TimeSpan.Zero);
            var usedToday = reads.Count(r => r.UtcDateTime.Date == start.UtcDateTime.Date && r < start);
            if (dailyLimit - usedToday < quarterLimit)
            {
                continue;
            }

            var share = (double)perWindow.GetValueOrDefault(index) / quarterLimit;
            lowest = double.IsNaN(lowest) ? share : Math.Min(lowest, share);
            windows++;
        }

        return (double.IsNaN(lowest) ? 0 : lowest, windows);
    }
}

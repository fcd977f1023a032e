using System.Diagnostics;
using FitnessClients.Backup;
using FitnessClients.Benchmarks.Infrastructure;
using FitnessClients.Core.Activities;
using FitnessClients.Core.Tokens;
using FitnessClients.Testing;

namespace FitnessClients.Benchmarks.Scenarios;

/// <summary>
/// Figure 3: real time of a Garmin backup (original + GPX) over loopback HTTP with an emulated latency per request and
/// no rate limit, one download at a time and at the engine's default concurrency, and the ratio.
/// </summary>
internal sealed class BackupWallScenario : Scenario
{
    public override string Name => "wall";

    public override string Description => "backup_wall_seconds of a Garmin backup over loopback with emulated latency, concurrency 1 vs the default";

    public override int Order => 30;

    /// <summary>A backup of two activities first, so neither timed run pays for JIT compilation or the emulator's first-use costs.</summary>
    private static async Task WarmUpAsync(BenchContext context, OAuthToken token, Uri server, CancellationToken cancellationToken)
    {
        using var client = await BenchClients.GarminAsync(token, TimeProvider.System, server: server);
        await new BackupEngine(new FitnessClients.GarminConnect.GarminActivitySource(client)).RunAsync(
            new BackupOptions { BackupDirectory = context.NewFolder("wall-warm-up"), Formats = [ActivityFormat.Original, ActivityFormat.Gpx], Filter = new BackupFilter { Count = 2 } },
            cancellationToken: cancellationToken);
    }

    public override async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var workload = context.Workload;
        var defaultConcurrency = new BackupOptions { BackupDirectory = "." }.MaxConcurrency;
        var emulator = new GarminConnectEmulator(TimeProvider.System, new GarminConnectEmulatorOptions { ActivityCount = workload.WallActivities })
        {
            Latency = workload.WallLatency,
        };
        var token = BenchClients.GarminToken(emulator.IssueTokens());
        await using var server = await emulator.StartLoopbackAsync(cancellationToken: cancellationToken);
        await WarmUpAsync(context, token, server.BaseAddress, cancellationToken);
        var seconds = new Dictionary<int, double>();
        var requests = 0L;
        foreach (var concurrency in new[] { 1, defaultConcurrency })
        {
            using var client = await BenchClients.GarminAsync(token, TimeProvider.System, server: server.BaseAddress);
            var folder = context.NewFolder("wall-" + concurrency);
            var before = emulator.Requests.Count();
            var watch = Stopwatch.StartNew();
            var result = await new BackupEngine(new FitnessClients.GarminConnect.GarminActivitySource(client)).RunAsync(
                new BackupOptions { BackupDirectory = folder, Formats = [ActivityFormat.Original, ActivityFormat.Gpx], MaxConcurrency = concurrency },
                cancellationToken: cancellationToken);
            watch.Stop();
            BackupChecks.Complete(result, emulator.ListedActivities.Count, $"wall (concurrency {concurrency})");
            requests = emulator.Requests.Count() - before;
            seconds[concurrency] = watch.Elapsed.TotalSeconds;
            context.Info($"concurrency {concurrency}: {watch.Elapsed.TotalSeconds:0.00} s, {requests} requests, {result.Downloaded} files, {result.BytesWritten / 1024.0 / 1024.0:0.0} MB");
        }

        var latencyMs = workload.WallLatency.TotalMilliseconds;
        var note = $"{workload.WallActivities} Garmin activities x (original + gpx), {requests} requests, {latencyMs:0} ms latency each, loopback HTTP, no rate limit";
        var ratio = seconds[1] / seconds[defaultConcurrency];
        return
        [
            new Figure("backup_wall_seconds.concurrency_1", Math.Round(seconds[1], 2), "s", Note: note),
            new Figure($"backup_wall_seconds.concurrency_{defaultConcurrency}", Math.Round(seconds[defaultConcurrency], 2), "s", Note: note),
            Figure.AtLeast("backup_wall_speedup", Math.Round(ratio, 2), "x", 3.5, $"concurrency 1 over the default ({defaultConcurrency})"),
            new Figure("backup_wall_latency_floor_seconds.concurrency_1", Math.Round(requests * latencyMs / 1000, 2), "s", Note: "requests x latency: the time the latency alone costs one at a time"),
        ];
    }
}

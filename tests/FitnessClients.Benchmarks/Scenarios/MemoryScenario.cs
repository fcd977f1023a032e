using System.Globalization;
using FitnessClients.Benchmarks.Infrastructure;
using FitnessClients.Testing;

namespace FitnessClients.Benchmarks.Scenarios;

/// <summary>
/// Figure 5: the peak working set of a backup process while it downloads one huge original (streamed by the emulator,
/// never built in memory) and while it backs up many small activities. Each run is a fresh child process holding only
/// the SDK; the emulator stays in this process and serves it over loopback HTTP.
/// </summary>
internal sealed class MemoryScenario : Scenario
{
    private const double GoalMb = 150;

    public override string Name => "memory";

    public override string Description => "peak_working_set_mb of a child backup process: one huge original, then many small activities";

    public override int Order => 50;

    public override async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var w = context.Workload;
        var figures = new List<Figure>();

        // One activity whose original is a ZIP around a FIT file of LargeFileBytes, generated while it is sent.
        var large = new GarminConnectEmulator(TimeProvider.System, new GarminConnectEmulatorOptions
        {
            ActivityCount = 1,
            IncludeEdgeCases = false,
            MultisportShare = 0,
            ManualShare = 0,
            GpxUploadShare = 0,
            TcxUploadShare = 0,
            LargeOriginalSize = w.LargeFileBytes,
        });
        var largeRun = await RunAsync(context, large, "original", cancellationToken);
        var megabytes = w.LargeFileBytes / 1024.0 / 1024.0;
        if (largeRun["bytes_written"] < w.LargeFileBytes)
        {
            throw new InvalidOperationException($"The large original came out as {largeRun["bytes_written"]} bytes, less than {w.LargeFileBytes}.");
        }

        figures.Add(Figure.Below(
            "peak_working_set_mb.large_original", largeRun["peak_working_set_mb"], "MB", GoalMb,
            string.Create(CultureInfo.InvariantCulture, $"one Garmin original of {megabytes:0} MB over loopback, {largeRun["wall_seconds"]} s, {large.LargeOriginalBytesProduced / 1024.0 / 1024.0:0} MB streamed by the emulator")));

        // Many small activities: the history grows, the process must not.
        var many = new GarminConnectEmulator(TimeProvider.System, new GarminConnectEmulatorOptions { ActivityCount = w.MemoryActivities });
        var manyRun = await RunAsync(context, many, "original", cancellationToken);
        figures.Add(Figure.Below(
            "peak_working_set_mb.many_activities", manyRun["peak_working_set_mb"], "MB", GoalMb,
            string.Create(CultureInfo.InvariantCulture, $"Garmin backup (original) of {manyRun["listed"]} activities, {manyRun["downloaded"]} files, {manyRun["wall_seconds"]} s")));
        return figures;
    }

    private static async Task<IReadOnlyDictionary<string, double>> RunAsync(BenchContext context, GarminConnectEmulator emulator, string formats, CancellationToken cancellationToken)
    {
        await using var server = await emulator.StartLoopbackAsync(cancellationToken: cancellationToken);
        var folder = context.NewFolder("memory");
        try
        {
            return await ChildProcess.RunBackupAsync(
                context,
                BenchClients.GarminToken(emulator.IssueTokens()),
                ["--service", "garmin", "--base", server.BaseAddress.ToString(), "--folder", folder, "--formats", formats],
                clientSecret: null,
                cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true); // 500 MB should not wait for the end of the run
        }
    }
}

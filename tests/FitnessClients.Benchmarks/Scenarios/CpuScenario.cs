using System.Globalization;
using FitnessClients.Benchmarks.Infrastructure;
using FitnessClients.Strava;
using FitnessClients.Testing;

namespace FitnessClients.Benchmarks.Scenarios;

/// <summary>
/// Figure 6: processor time per activity of listing and recording: a Strava backup of the summaries only (the summary
/// is the listing's JSON, so no request per activity), i.e. list pages parsed, summaries written, manifest and CSV.
/// Measured in a child process holding only the SDK; the emulator runs here and answers over loopback.
/// </summary>
internal sealed class CpuScenario : Scenario
{
    public override string Name => "cpu";

    public override string Description => "cpu_ms_per_activity of listing and recording (parse + summary files + manifest + CSV)";

    public override int Order => 60;

    public override async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = context.Workload.CpuActivities;
        var emulator = new StravaEmulator(TimeProvider.System, BenchClients.UnlimitedStrava(count));
        await using var server = await emulator.StartLoopbackAsync(cancellationToken: cancellationToken);
        var folder = context.NewFolder("cpu");
        var run = await ChildProcess.RunBackupAsync(
            context,
            BenchClients.StravaToken(emulator.IssueTokens()),
            ["--service", "strava", "--base", server.BaseAddress.ToString(), "--folder", folder, "--formats", StravaActivityFormats.SummaryJson.Name, "--client-id", emulator.RegisteredClientId, "--warm-up", "5"],
            emulator.RegisteredClientSecret,
            cancellationToken);
        var perActivity = run["cpu_ms"] / run["listed"];
        return
        [
            new Figure("cpu_ms_per_activity.list_and_record", Math.Round(perActivity, 3), "ms", Note: string.Create(
                CultureInfo.InvariantCulture,
                $"Strava backup of summaries: {run["listed"]} activities listed, {run["downloaded"]} files, manifest and CSV; {run["cpu_ms"]} ms CPU in {run["wall_seconds"]} s (child process)")),
        ];
    }
}

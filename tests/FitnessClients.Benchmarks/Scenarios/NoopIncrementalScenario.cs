using FitnessClients.Backup;
using FitnessClients.Benchmarks.Infrastructure;
using FitnessClients.Benchmarks.Services;

namespace FitnessClients.Benchmarks.Scenarios;

/// <summary>Figure 2: what a backup costs when the account has nothing new since the last one: one listing request.</summary>
internal sealed class NoopIncrementalScenario : Scenario
{
    public override string Name => "noop";

    public override string Description => "noop_incremental_requests on an account already backed up, per service";

    public override int Order => 20;

    public override async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = context.Workload.NoopActivities;
        var figures = new List<Figure>();
        foreach (var bench in ServiceBench.All)
        {
            using var account = await bench.CreateAccountAsync(count, cancellationToken);
            var folder = context.NewFolder("noop-" + bench.Service);
            var options = new BackupOptions { BackupDirectory = folder, Formats = bench.NoopFormats, RequestCounter = account.RequestCount };
            var engine = new BackupEngine(account.Source);
            var first = await engine.RunAsync(options, cancellationToken: cancellationToken);
            BackupChecks.Complete(first, account.ListedActivities, bench.Service);
            context.Info($"{bench.Service}: first backup of {first.Selected} activities took {first.RequestsMade} requests");

            var second = await engine.RunAsync(options, cancellationToken: cancellationToken);
            if (second.Downloaded != 0 || second.Failed != 0)
            {
                throw new InvalidOperationException($"{bench.Service}: the second run downloaded {second.Downloaded} and failed {second.Failed} files; it should find nothing to do.");
            }

            figures.Add(Figure.Exactly(
                "noop_incremental_requests." + bench.Service,
                second.RequestsMade ?? -1,
                "requests",
                1,
                $"second run over {first.Selected} activities backed up ({string.Join(", ", bench.NoopFormats)})"));
        }

        return figures;
    }
}

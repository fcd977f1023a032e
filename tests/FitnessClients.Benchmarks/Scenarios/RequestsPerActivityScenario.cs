using FitnessClients.Backup;
using FitnessClients.Benchmarks.Infrastructure;
using FitnessClients.Benchmarks.Services;

namespace FitnessClients.Benchmarks.Scenarios;

/// <summary>
/// Figure 1: requests per activity of a first backup, per service and format set, counted on the emulator's request
/// log (listing included), in process on a fake clock.
/// </summary>
internal sealed class RequestsPerActivityScenario : Scenario
{
    public override string Name => "requests";

    public override string Description => "requests_per_activity of a first backup, per service and format set";

    public override int Order => 10;

    public override async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = context.Workload.FirstBackupActivities;
        var figures = new List<Figure>();
        foreach (var bench in ServiceBench.All)
        {
            using var account = await bench.CreateAccountAsync(count, cancellationToken);
            var folder = context.NewFolder("first-" + bench.Service);
            var before = account.RequestCount();
            var result = await new BackupEngine(account.Source).RunAsync(
                new BackupOptions { BackupDirectory = folder, Formats = bench.Formats, RequestCounter = account.RequestCount },
                cancellationToken: cancellationToken);
            BackupChecks.Complete(result, account.ListedActivities, bench.Service);
            var requests = account.RequestCount() - before;
            var perActivity = (double)requests / result.Selected;
            var pages = Math.Ceiling((double)result.Selected / bench.ListPageSize);
            var floor = bench.MinimumRequestsPerActivity + (pages + bench.PerRunRequests) / result.Selected;

            // Strava GPX + summary has the issue's own goal; the others: the API's floor for the formats plus the listing's share.
            var goal = bench.Service == "strava" ? 1.01 : Math.Ceiling(floor * 1000) / 1000;
            var note = $"{requests} requests for {result.Selected} activities ({string.Join(", ", bench.Formats)}); " +
                $"{result.Downloaded} files, {result.NotAvailable} not available; the API's floor is {bench.MinimumRequestsPerActivity} per activity + {pages} list pages + {bench.PerRunRequests} per run";
            figures.Add(Figure.AtMost("requests_per_activity." + bench.FigureSuffix, Math.Round(perActivity, 4), "requests", goal, note));
            context.Info($"{bench.Service}: {note}");
        }

        return figures;
    }
}

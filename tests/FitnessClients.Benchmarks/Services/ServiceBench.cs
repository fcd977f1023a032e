using FitnessClients.Core.Activities;

namespace FitnessClients.Benchmarks.Services;

/// <summary>
/// One service's part in the request-counting scenarios (<c>requests_per_activity</c>, <c>noop_incremental_requests</c>):
/// an emulated account of a given size behind the service's <see cref="IActivitySource"/>, in process on a fake clock.
/// Subclasses are found by reflection, so adding a service (Runkeeper, FitTrackee) is one file in this folder.
/// </summary>
internal abstract class ServiceBench
{
    /// <summary>The service, as in figure names: <c>garmin</c>, <c>strava</c>.</summary>
    public abstract string Service { get; }

    /// <summary>The format set, as in figure names: <c>all_formats</c>, <c>gpx_summary</c>.</summary>
    public abstract string FormatSet { get; }

    /// <summary>The formats of the first backup.</summary>
    public abstract IReadOnlyList<ActivityFormat> Formats { get; }

    /// <summary>The formats of the no-op run's first backup; <see cref="Formats"/> unless a service makes that needlessly slow.</summary>
    public virtual IReadOnlyList<ActivityFormat> NoopFormats => Formats;

    /// <summary>The least requests per activity the service's API allows for <see cref="Formats"/>, listing excluded (for the goal's text).</summary>
    public abstract double MinimumRequestsPerActivity { get; }

    /// <summary>Requests a run makes once whatever its size (Runkeeper's <c>/user</c>, which names the feed's URI), for the goal's text.</summary>
    public virtual int PerRunRequests => 0;

    /// <summary>The listing page size, to add the listing's share to the minimum.</summary>
    public abstract int ListPageSize { get; }

    /// <summary>An account of <paramref name="activityCount"/> activities, signed in.</summary>
    public abstract Task<BenchAccount> CreateAccountAsync(int activityCount, CancellationToken cancellationToken);

    public string FigureSuffix => Service + "_" + FormatSet;

    public static IReadOnlyList<ServiceBench> All { get; } =
        [.. typeof(ServiceBench).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ServiceBench)) && !t.IsAbstract)
            .Select(t => (ServiceBench)Activator.CreateInstance(t)!)
            .OrderBy(s => s.Service, StringComparer.Ordinal)];
}

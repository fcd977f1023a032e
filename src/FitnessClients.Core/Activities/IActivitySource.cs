namespace FitnessClients.Core.Activities;

/// <summary>
/// A service that activities can be backed up from. The backup engine and sync depend only on this.
/// </summary>
public interface IActivitySource
{
    /// <summary>The service's short name, e.g. <c>garmin</c>; used in folder names and manifests.</summary>
    string Service { get; }

    /// <summary>The formats <see cref="OpenAsync"/> can be asked for.</summary>
    IReadOnlyList<ActivityFormat> SupportedFormats { get; }

    /// <summary>Lists activities newest first, paging through the service as the caller reads.</summary>
    /// <param name="options">A date range or resume cursor; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Stops listing.</param>
    IAsyncEnumerable<ActivitySummary> ListActivitiesAsync(ActivityListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Opens one format of an activity as a stream, or says the service does not have it.</summary>
    /// <param name="activity">The activity, as listed.</param>
    /// <param name="format">One of <see cref="SupportedFormats"/>.</param>
    /// <param name="cancellationToken">Cancels the request (and reading the stream).</param>
    Task<ActivityContent> OpenAsync(ActivitySummary activity, ActivityFormat format, CancellationToken cancellationToken = default);
}

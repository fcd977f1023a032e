using System.Globalization;
using System.Runtime.CompilerServices;
using FitnessClients.GarminConnect.Models;

namespace FitnessClients.GarminConnect.Clients;

/// <summary>Listing, reading and counting activities.</summary>
public class GarminActivitiesClient
{
    private readonly GarminClientContext? _context;

    internal GarminActivitiesClient(GarminClientContext context)
    {
        _context = context;
    }

    /// <summary>For mocking frameworks; a client made this way only works where its members are overridden.</summary>
    protected GarminActivitiesClient()
    {
    }

    private GarminClientContext Context => _context ?? throw new InvalidOperationException("This client was created for mocking; override the member you call.");

    /// <summary>
    /// Lists activities page by page (<c>start</c>/<c>limit</c>) as the caller reads, until Garmin returns an empty page
    /// or <see cref="GarminActivityQuery.MaxCount"/> is reached. An activity seen twice (new uploads shift the pages
    /// during a long listing) is returned once.
    /// </summary>
    /// <param name="query">Filters, order and paging; <see langword="null"/> lists everything, newest first.</param>
    /// <param name="cancellationToken">Stops listing.</param>
    /// <returns>The activities; with multisport expansion each parent is followed by its legs.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A page size outside 1..1000, or a negative count or skip.</exception>
    public virtual IAsyncEnumerable<GarminActivityListItem> ListAsync(GarminActivityQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new GarminActivityQuery();
        var pageSize = query.PageSize ?? Context.Options.PageSize;
        if (pageSize is < 1 or > GarminConnectClientOptions.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(query), pageSize, $"The page size must be 1 to {GarminConnectClientOptions.MaxPageSize}.");
        }

        if (query.MaxCount is < 0 || query.Skip < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), "MaxCount and Skip cannot be negative.");
        }

        if (query.StartDate > query.EndDate)
        {
            throw new ArgumentException($"The start date {query.StartDate:yyyy-MM-dd} is after the end date {query.EndDate:yyyy-MM-dd}.", nameof(query));
        }

        return ListCoreAsync(query, pageSize, query.ExpandMultisport ?? Context.Options.ExpandMultisport, cancellationToken);
    }

    /// <summary>Reads an activity's summary (<c>activity-service/activity/{id}</c>).</summary>
    /// <param name="activityId">The activity.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Core.ResourceNotFoundException">No such activity (deleted, or another user's).</exception>
    public virtual Task<GarminActivitySummary> GetAsync(long activityId, CancellationToken cancellationToken = default) =>
        Context.Api.GetActivityAsync(activityId, cancellationToken);

    /// <summary>Reads an activity's samples (<c>/details</c>).</summary>
    /// <param name="activityId">The activity.</param>
    /// <param name="maxChartSize">The most sample rows Garmin returns (it thins longer series).</param>
    /// <param name="maxPolylineSize">The most track points of the polyline.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<GarminActivityDetails> GetDetailsAsync(long activityId, int maxChartSize = 2000, int maxPolylineSize = 4000, CancellationToken cancellationToken = default) =>
        Context.Api.GetActivityDetailsAsync(activityId, maxChartSize, maxPolylineSize, cancellationToken);

    /// <summary>Reads an activity's laps (<c>/splits</c>).</summary>
    /// <param name="activityId">The activity.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<GarminActivitySplits> GetSplitsAsync(long activityId, CancellationToken cancellationToken = default) =>
        Context.Api.GetActivitySplitsAsync(activityId, cancellationToken);

    /// <summary>Reads the time an activity spent in each heart-rate zone (<c>/hrTimeInZones</c>), ordered by zone.</summary>
    /// <param name="activityId">The activity.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<GarminHrTimeInZone>> GetHrTimeInZonesAsync(long activityId, CancellationToken cancellationToken = default)
    {
        var zones = await Context.Api.GetHrTimeInZonesAsync(activityId, cancellationToken).ConfigureAwait(false);
        return zones is null ? [] : [.. zones.OrderBy(z => z.ZoneNumber ?? int.MaxValue)];
    }

    /// <summary>Reads every activity type Garmin knows (<c>activity-service/activity/activityTypes</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<GarminActivityType>> GetTypesAsync(CancellationToken cancellationToken = default) =>
        await Context.Api.GetActivityTypesAsync(cancellationToken).ConfigureAwait(false) ?? [];

    /// <summary>Counts the activities in the list (<c>activitylist-service/activities/count</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<GarminActivityCount> CountAsync(CancellationToken cancellationToken = default) =>
        Context.Api.GetActivityCountAsync(cancellationToken);

    private async IAsyncEnumerable<GarminActivityListItem> ListCoreAsync(
        GarminActivityQuery query, int pageSize, bool expandMultisport, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var api = Context.Api;
        var startDate = query.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var endDate = query.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var activityType = string.IsNullOrWhiteSpace(query.ActivityType) ? null : query.ActivityType.Trim();
        var sortOrder = query.SortOrder == GarminSortOrder.OldestFirst ? "asc" : null;
        var seen = new HashSet<long>();
        var start = query.Skip;
        var listed = 0;
        while (query.MaxCount is not { } max || listed < max)
        {
            var limit = query.MaxCount is { } cap ? Math.Min(pageSize, cap - listed) : pageSize;
            var page = await api.SearchActivitiesAsync(start, limit, startDate, endDate, activityType, sortOrder, cancellationToken).ConfigureAwait(false);
            if (page is null || page.Count == 0)
            {
                yield break;
            }

            start += page.Count;
            foreach (var item in page)
            {
                if ((item.ActivityId is { } id && !seen.Add(id)) || !IsInDateRange(item, query))
                {
                    continue;
                }

                yield return item;
                listed++;
                if (expandMultisport && item.IsMultisportParent && item.ActivityId is { } parentId)
                {
                    await foreach (var leg in ListLegsAsync(parentId, seen, cancellationToken).ConfigureAwait(false))
                    {
                        yield return leg;
                    }
                }

                if (query.MaxCount is { } most && listed >= most)
                {
                    yield break;
                }
            }
        }
    }

    private async IAsyncEnumerable<GarminActivityListItem> ListLegsAsync(long parentId, HashSet<long> seen, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parent = await GetAsync(parentId, cancellationToken).ConfigureAwait(false);
        foreach (var childId in parent.ChildIds)
        {
            if (!seen.Add(childId))
            {
                continue;
            }

            var child = await GetAsync(childId, cancellationToken).ConfigureAwait(false);
            var leg = GarminActivityMapping.ToListItem(child);
            yield return leg.ParentId is null ? leg with { ParentId = parentId } : leg;
        }
    }

    /// <summary>The client-side check of the inclusive date range, by the local start date (UTC when Garmin sent no local time).</summary>
    private static bool IsInDateRange(GarminActivityListItem item, GarminActivityQuery query)
    {
        if (query.StartDate is null && query.EndDate is null)
        {
            return true;
        }

        DateTime? day = item.StartTimeLocal ?? item.StartTime?.UtcDateTime;
        if (day is not { } known)
        {
            return true;
        }

        var date = DateOnly.FromDateTime(known);
        return (query.StartDate is not { } first || date >= first) && (query.EndDate is not { } last || date <= last);
    }
}

using System.Runtime.CompilerServices;
using System.Text.Json;
using FitnessClients.Strava.Models;

namespace FitnessClients.Strava.Clients;

/// <summary>The athlete's activities: listing by date range, details, laps, zones and edits.</summary>
public class StravaActivitiesClient
{
    /// <summary>The largest page Strava serves.</summary>
    public const int MaxPageSize = 200;

    private readonly StravaClientContext? _context;

    internal StravaActivitiesClient(StravaClientContext context) => _context = context;

    /// <summary>For mocking frameworks; a client made this way only works where its members are overridden.</summary>
    protected StravaActivitiesClient()
    {
    }

    private StravaClientContext Context => _context ?? throw new InvalidOperationException("This client was created for mocking; override the member you call.");

    /// <summary>
    /// Lists activities page by page (<c>GET /athlete/activities</c>, up to 200 per page), newest first unless only
    /// <paramref name="after"/> is given. Stops at the first short page.
    /// </summary>
    /// <param name="after">Only activities starting after this instant.</param>
    /// <param name="before">Only activities starting before this instant.</param>
    /// <param name="includePrivate">
    /// Whether "Only Me" activities must be included. When <see langword="true"/> (the default) and the token lacks
    /// activity:read_all, <see cref="Core.AuthenticationRequiredException"/> is thrown instead of a silently short list.
    /// </param>
    /// <param name="pageSize">Items per page, 1 to 200.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The activities.</returns>
    /// <example>
    /// <code>
    /// await foreach (var a in client.Activities.ListAsync(after: DateTimeOffset.UtcNow.AddDays(-30)))
    ///     Console.WriteLine($"{a.StartTime} {a.SportType} {a.Name}");
    /// </code>
    /// </example>
    public virtual async IAsyncEnumerable<StravaSummaryActivity> ListAsync(
        DateTimeOffset? after = null,
        DateTimeOffset? before = null,
        bool includePrivate = true,
        int pageSize = MaxPageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (activity, _) in ListWithJsonAsync(after, before, includePrivate, pageSize, cancellationToken).ConfigureAwait(false))
        {
            yield return activity;
        }
    }

    /// <summary>One activity with its details (<c>GET /activities/{id}</c>).</summary>
    /// <param name="id">The activity id.</param>
    /// <param name="includeAllEfforts">Whether to include every segment effort.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The activity.</returns>
    public virtual async Task<StravaDetailedActivity> GetAsync(long id, bool includeAllEfforts = false, CancellationToken cancellationToken = default)
    {
        await RequireReadAsync(cancellationToken).ConfigureAwait(false);
        var activity = await Context.Api.GetActivityAsync(id, IncludeAllEfforts(includeAllEfforts), cancellationToken).ConfigureAwait(false);
        return StravaClientContext.Required(activity);
    }

    /// <summary>The laps of an activity (<c>GET /activities/{id}/laps</c>).</summary>
    /// <param name="id">The activity id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The laps.</returns>
    public virtual async Task<IReadOnlyList<StravaLap>> GetLapsAsync(long id, CancellationToken cancellationToken = default)
    {
        await RequireReadAsync(cancellationToken).ConfigureAwait(false);
        return await Context.Api.GetLapsAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Time in heart-rate and power zones (<c>GET /activities/{id}/zones</c>, a subscriber feature).</summary>
    /// <param name="id">The activity id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The zones.</returns>
    public virtual async Task<IReadOnlyList<StravaActivityZone>> GetZonesAsync(long id, CancellationToken cancellationToken = default)
    {
        await RequireReadAsync(cancellationToken).ConfigureAwait(false);
        return await Context.Api.GetZonesAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Edits an activity (<c>PUT /activities/{id}</c>, needs activity:write).</summary>
    /// <param name="id">The activity id.</param>
    /// <param name="update">The fields to change; null fields stay.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The activity after the edit.</returns>
    public virtual async Task<StravaDetailedActivity> UpdateAsync(long id, StravaActivityUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        await Context.RequireScopeAsync("edit activities", cancellationToken, StravaScopes.ActivityWrite).ConfigureAwait(false);
        return await Context.Api.UpdateActivityAsync(id, update, cancellationToken).ConfigureAwait(false);
    }

    internal async IAsyncEnumerable<(StravaSummaryActivity Activity, JsonElement Json)> ListWithJsonAsync(
        DateTimeOffset? after,
        DateTimeOffset? before,
        bool includePrivate,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        if (includePrivate)
        {
            await Context.RequireScopeAsync("list all activities, private ones included", cancellationToken, StravaScopes.ActivityReadAll).ConfigureAwait(false);
        }
        else
        {
            await RequireReadAsync(cancellationToken).ConfigureAwait(false);
        }

        for (var page = 1; ; page++)
        {
            var items = await Context.Api.ListActivitiesJsonAsync(before?.ToUnixTimeSeconds(), after?.ToUnixTimeSeconds(), page, pageSize, cancellationToken).ConfigureAwait(false)
                ?? [];
            foreach (var json in items)
            {
                var activity = json.Deserialize(StravaJson.Info<StravaSummaryActivity>());
                if (activity is not null)
                {
                    yield return (activity, json);
                }
            }

            if (items.Count < pageSize)
            {
                yield break;
            }
        }
    }

    /// <summary>The detail JSON as Strava sent it, for backups; disposing the stream releases the response.</summary>
    internal async Task<Stream> OpenDetailJsonAsync(long id, bool includeAllEfforts, CancellationToken cancellationToken)
    {
        await RequireReadAsync(cancellationToken).ConfigureAwait(false);
        return await Context.Api.GetActivityJsonAsync(id, IncludeAllEfforts(includeAllEfforts), cancellationToken).ConfigureAwait(false);
    }

    private static string IncludeAllEfforts(bool value) => value ? "true" : "false";

    private Task RequireReadAsync(CancellationToken cancellationToken) =>
        Context.RequireScopeAsync("read activities", cancellationToken, StravaScopes.ActivityRead, StravaScopes.ActivityReadAll);
}

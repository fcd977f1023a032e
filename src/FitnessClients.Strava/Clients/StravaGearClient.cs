using System.Collections.Concurrent;
using FitnessClients.Strava.Models;

namespace FitnessClients.Strava.Clients;

/// <summary>Bikes and shoes. Each piece is fetched once per client: gear rarely changes during a backup.</summary>
public class StravaGearClient
{
    private readonly StravaClientContext? _context;
    private readonly ConcurrentDictionary<string, StravaGear> _cache = new(StringComparer.Ordinal);

    internal StravaGearClient(StravaClientContext context) => _context = context;

    /// <summary>For mocking frameworks; a client made this way only works where its members are overridden.</summary>
    protected StravaGearClient()
    {
    }

    private StravaClientContext Context => _context ?? throw new InvalidOperationException("This client was created for mocking; override the member you call.");

    /// <summary>One piece of gear (<c>GET /gear/{id}</c>), retired gear included; cached for the client's lifetime.</summary>
    /// <param name="id">The gear id (<c>b…</c> or <c>g…</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The gear.</returns>
    public virtual async Task<StravaGear> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (_cache.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var gear = await Context.Api.GetGearAsync(id, cancellationToken).ConfigureAwait(false);
        return _cache.GetOrAdd(id, gear);
    }

    /// <summary>
    /// All gear: the athlete's active bikes and shoes plus <paramref name="activityGearIds"/>, the <c>gear_id</c>s seen
    /// on activities, because the athlete's lists leave retired gear out.
    /// </summary>
    /// <param name="activityGearIds">Gear ids collected from activities; may repeat or be null.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>Each piece once, in first-seen order.</returns>
    public virtual async Task<IReadOnlyList<StravaGear>> ListAllAsync(IEnumerable<string?>? activityGearIds = null, CancellationToken cancellationToken = default)
    {
        var athlete = await Context.Api.GetAthleteAsync(cancellationToken).ConfigureAwait(false);
        var ids = (athlete.Bikes ?? []).Concat(athlete.Shoes ?? []).Select(g => g.Id)
            .Concat(activityGearIds ?? [])
            .Where(id => !string.IsNullOrWhiteSpace(id) && !string.Equals(id, "none", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal);
        var result = new List<StravaGear>();
        foreach (var id in ids)
        {
            result.Add(await GetAsync(id!, cancellationToken).ConfigureAwait(false));
        }

        return result;
    }
}

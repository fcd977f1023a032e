using System.Collections.Concurrent;
using FitnessClients.Strava.Models;

namespace FitnessClients.Strava.Clients;

/// <summary>Bikes and shoes. Each piece is fetched once per client: gear rarely changes during a backup.</summary>
public class StravaGearClient
{
    private readonly StravaClientContext? _context;
    // A task per id, so concurrent callers asking for the same gear share one request; a failed fetch is forgotten.
    private readonly ConcurrentDictionary<string, Lazy<Task<StravaGear>>> _cache = new(StringComparer.Ordinal);

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
        var entry = _cache.GetOrAdd(id, key => new Lazy<Task<StravaGear>>(() => Context.Api.GetGearAsync(key, CancellationToken.None)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (entry.Value.IsFaulted || entry.Value.IsCanceled)
        {
            _cache.TryRemove(new KeyValuePair<string, Lazy<Task<StravaGear>>>(id, entry));
            throw;
        }
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

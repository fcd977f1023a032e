using FitnessClients.Strava.Models;

namespace FitnessClients.Strava.Clients;

/// <summary>The signed-in athlete and their totals.</summary>
public class StravaAthleteClient
{
    private readonly StravaClientContext? _context;

    internal StravaAthleteClient(StravaClientContext context) => _context = context;

    /// <summary>For mocking frameworks; a client made this way only works where its members are overridden.</summary>
    protected StravaAthleteClient()
    {
    }

    private StravaClientContext Context => _context ?? throw new InvalidOperationException("This client was created for mocking; override the member you call.");

    /// <summary>The athlete the token belongs to (<c>GET /athlete</c>); detailed with profile:read_all.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The athlete.</returns>
    public virtual Task<StravaAthlete> GetAsync(CancellationToken cancellationToken = default) =>
        Context.Api.GetAthleteAsync(cancellationToken);

    /// <summary>Totals of the athlete's public activities (<c>GET /athletes/{id}/stats</c>); the id must be the signed-in athlete's.</summary>
    /// <param name="athleteId">The signed-in athlete's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The totals.</returns>
    public virtual Task<StravaAthleteStats> GetStatsAsync(long athleteId, CancellationToken cancellationToken = default) =>
        Context.Api.GetAthleteStatsAsync(athleteId, cancellationToken);
}

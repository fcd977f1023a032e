using FitnessClients.FitTrackee.Models;

namespace FitnessClients.FitTrackee.Clients;

/// <summary>The instance's sports. Ids are assigned by each instance's database, so sports are found by label.</summary>
public class FitTrackeeSportsClient
{
    private readonly FitTrackeeClientContext? _context;
    private IReadOnlyList<FitTrackeeSport>? _cached;

    internal FitTrackeeSportsClient(FitTrackeeClientContext context) => _context = context;

    /// <summary>For mocking frameworks; a client made this way only works where its members are overridden.</summary>
    protected FitTrackeeSportsClient()
    {
    }

    private FitTrackeeClientContext Context => _context ?? throw new InvalidOperationException("This client was created for mocking; override the member you call.");

    /// <summary><c>GET /api/sports</c> (needs <c>workouts:read</c>), cached per client after the first call.</summary>
    /// <param name="refresh">Whether to read the list again.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The sports.</returns>
    public virtual async Task<IReadOnlyList<FitTrackeeSport>> ListAsync(bool refresh = false, CancellationToken cancellationToken = default)
    {
        if (!refresh && Volatile.Read(ref _cached) is { } cached)
        {
            return cached;
        }

        var response = await Context.Api.GetSportsAsync(cancellationToken).ConfigureAwait(false);
        var sports = response.Data?.Sports ?? [];
        Volatile.Write(ref _cached, sports);
        return sports;
    }

    /// <summary>Finds a sport by its label, ignoring case and surrounding spaces.</summary>
    /// <param name="label">E.g. <c>Running</c> or <c>cycling (sport)</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The sport.</returns>
    /// <exception cref="ArgumentException">No sport has that label, or it is switched off; the message lists the labels available.</exception>
    /// <example><code>var running = await client.Sports.ResolveAsync("Running");</code></example>
    public virtual async Task<FitTrackeeSport> ResolveAsync(string label, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        var sports = await ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var wanted = label.Trim();
        var sport = sports.FirstOrDefault(s => string.Equals(s.Label.Trim(), wanted, StringComparison.OrdinalIgnoreCase));
        var available = string.Join(", ", sports.Where(IsUsable).Select(s => s.Label));
        if (sport is null)
        {
            throw new ArgumentException($"This FitTrackee instance has no sport labelled '{wanted}'. Available: {available}.", nameof(label));
        }

        if (!IsUsable(sport))
        {
            throw new ArgumentException($"The sport '{sport.Label}' is switched off on this instance or in your preferences. Available: {available}.", nameof(label));
        }

        return sport;
    }

    private static bool IsUsable(FitTrackeeSport sport) => sport.IsActive != false && sport.IsActiveForUser != false;
}

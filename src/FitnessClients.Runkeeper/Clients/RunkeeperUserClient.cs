using System.Text.Json;
using FitnessClients.Core;
using FitnessClients.Runkeeper.Models;

namespace FitnessClients.Runkeeper.Clients;

/// <summary>The user the token belongs to: the entry point that names every other resource.</summary>
public class RunkeeperUserClient
{
    private readonly RunkeeperClientContext? _context;
    private readonly Lock _gate = new();
    private Task<RunkeeperUser>? _cached;

    internal RunkeeperUserClient(RunkeeperClientContext context) => _context = context;

    /// <summary>For mocking frameworks; a client made this way only works where its members are overridden.</summary>
    protected RunkeeperUserClient()
    {
    }

    private RunkeeperClientContext Context => _context ?? throw new InvalidOperationException("This client was created for mocking; override the member you call.");

    /// <summary>The user's id and resource URIs (<c>GET /user</c>, Accept <c>application/vnd.com.runkeeper.User+json</c>).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The user.</returns>
    public virtual async Task<RunkeeperUser> GetAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            // Refit reads an empty body as null, so the two cannot be told apart here.
            return await Context.Api.GetUserAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new FitnessApiException("Runkeeper answered with an empty body or null for the user.") { Service = "runkeeper" };
        }
        catch (JsonException ex)
        {
            throw RunkeeperClientContext.Unreadable("user", ex);
        }
    }

    /// <summary>The user, fetched once per client: the feed's URI does not change while a client lives. A failure is not kept.</summary>
    internal Task<RunkeeperUser> GetCachedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_cached is null || _cached.IsFaulted || _cached.IsCanceled)
            {
                _cached = GetAsync(cancellationToken);
            }

            return _cached.WaitAsync(cancellationToken);
        }
    }
}

using FitnessClients.FitTrackee.Models;

namespace FitnessClients.FitTrackee.Clients;

/// <summary>The instance's configuration: version (which formats and downloads it offers) and upload limits.</summary>
public class FitTrackeeConfigClient
{
    private readonly FitTrackeeClientContext? _context;
    private FitTrackeeAppConfig? _cached;

    internal FitTrackeeConfigClient(FitTrackeeClientContext context) => _context = context;

    /// <summary>For mocking frameworks; a client made this way only works where its members are overridden.</summary>
    protected FitTrackeeConfigClient()
    {
    }

    private FitTrackeeClientContext Context => _context ?? throw new InvalidOperationException("This client was created for mocking; override the member you call.");

    /// <summary>
    /// <c>GET /api/config</c> (no sign-in needed), read once per client and then cached: the limits rarely change, and
    /// every upload consults them.
    /// </summary>
    /// <param name="refresh">Whether to read it again from the instance.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The configuration.</returns>
    public virtual async Task<FitTrackeeAppConfig> GetAsync(bool refresh = false, CancellationToken cancellationToken = default)
    {
        if (!refresh && Volatile.Read(ref _cached) is { } cached)
        {
            return cached;
        }

        // Two first calls at once may both read it; the answers are the same, so no lock is worth holding.
        var response = await Context.Api.GetConfigAsync(cancellationToken).ConfigureAwait(false);
        var config = response.Data ?? new FitTrackeeAppConfig();
        Context.Limits.MaxSingleFileSize = config.MaxSingleFileSize;
        Volatile.Write(ref _cached, config);
        return config;
    }
}

using FitnessClients.FitTrackee.Models;

namespace FitnessClients.FitTrackee.Clients;

/// <summary>The signed-in user's profile, for the timezone FitTrackee reads dates in.</summary>
public class FitTrackeeProfileClient
{
    private readonly FitTrackeeClientContext? _context;
    private FitTrackeeProfile? _cached;

    internal FitTrackeeProfileClient(FitTrackeeClientContext context) => _context = context;

    /// <summary>For mocking frameworks; a client made this way only works where its members are overridden.</summary>
    protected FitTrackeeProfileClient()
    {
    }

    private FitTrackeeClientContext Context => _context ?? throw new InvalidOperationException("This client was created for mocking; override the member you call.");

    /// <summary><c>GET /api/auth/profile</c> (needs <c>profile:read</c>).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The profile.</returns>
    public virtual async Task<FitTrackeeProfile> GetAsync(CancellationToken cancellationToken = default)
    {
        var response = await Context.Api.GetProfileAsync(cancellationToken).ConfigureAwait(false);
        var profile = response.Data ?? new FitTrackeeProfile();
        Volatile.Write(ref _cached, profile);
        return profile;
    }

    /// <summary>
    /// The user's timezone (UTC when the profile has none), read once per client. Manual workouts' start times and
    /// the list's date filters are converted into it.
    /// </summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="TimeZoneNotFoundException">This machine does not know the profile's timezone.</exception>
    public virtual async Task<TimeZoneInfo> GetTimeZoneAsync(CancellationToken cancellationToken = default)
    {
        var profile = Volatile.Read(ref _cached) ?? await GetAsync(cancellationToken).ConfigureAwait(false);
        return profile.TimeZoneInfo;
    }
}

using FitnessClients.GarminConnect.Models;

namespace FitnessClients.GarminConnect.Clients;

/// <summary>The signed-in user: public profile, settings and lifetime totals.</summary>
public class GarminProfileClient
{
    private readonly GarminClientContext? _context;

    internal GarminProfileClient(GarminClientContext context)
    {
        _context = context;
    }

    /// <summary>For mocking frameworks; a client made this way only works where its members are overridden.</summary>
    protected GarminProfileClient()
    {
    }

    private GarminClientContext Context => _context ?? throw new InvalidOperationException("This client was created for mocking; override the member you call.");

    /// <summary>Reads the social profile (<c>userprofile-service/socialProfile</c>): display name, full name, profile id. A cheap call to check that the tokens work.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<GarminSocialProfile> GetSocialProfileAsync(CancellationToken cancellationToken = default) =>
        Context.Api.GetSocialProfileAsync(cancellationToken);

    /// <summary>Reads the user's settings (<c>userprofile-service/userprofile/user-settings</c>): units, body data, sleep times.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<GarminUserSettings> GetUserSettingsAsync(CancellationToken cancellationToken = default) =>
        Context.Api.GetUserSettingsAsync(cancellationToken);

    /// <summary>Reads the lifetime totals (<c>userstats-service/statistics/{displayName}</c>).</summary>
    /// <param name="displayName">The user's display name; <see langword="null"/> reads the social profile first to learn it.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <exception cref="InvalidOperationException">The profile has no display name.</exception>
    public virtual async Task<GarminUserStatistics> GetStatisticsAsync(string? displayName = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            var profile = await GetSocialProfileAsync(cancellationToken).ConfigureAwait(false);
            displayName = profile.DisplayName;
            if (string.IsNullOrWhiteSpace(displayName))
            {
                throw new InvalidOperationException("Garmin's social profile has no display name, which the statistics call needs.");
            }
        }

        return await Context.Api.GetUserStatisticsAsync(displayName, cancellationToken).ConfigureAwait(false);
    }
}

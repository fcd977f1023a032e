namespace FitnessClients.Core.Tokens;

/// <summary>How a <see cref="TokenManager"/> decides when to refresh and what it tells the user when it cannot.</summary>
public sealed class TokenManagerOptions
{
    /// <summary>
    /// How long before expiry a token is already replaced (default 5 minutes), so a request never leaves with a
    /// token that expires on the way or during a long download. Keep it well below the service's token lifetime.
    /// </summary>
    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// After an early refresh (inside <see cref="RefreshMargin"/>, token still valid) failed for a reason other than
    /// the sign-in being gone, how long to keep using the still-valid token before trying again (default 30 seconds).
    /// Without it every request in those last minutes would repeat the failing refresh.
    /// </summary>
    public TimeSpan FailedRefreshRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// What the user should do to sign in, appended to every <see cref="AuthenticationRequiredException"/> the
    /// manager raises, e.g. <c>Run 'fitness login strava'.</c> (default: a generic "sign in again").
    /// </summary>
    public string? SignInHint { get; set; }

    /// <summary>The service name put on the exceptions the manager raises, e.g. <c>strava</c>.</summary>
    public string? Service { get; set; }
}

namespace FitnessClients.Strava.Auth;

/// <summary>
/// Keys of <see cref="FitnessClients.Core.Tokens.OAuthToken.Extras"/> that the Strava sign-in fills from the token
/// exchange's <c>athlete</c>, so a stored token says whose it is without an API call (refresh responses have no athlete,
/// and the refresher keeps the stored extras).
/// </summary>
public static class StravaTokenExtras
{
    /// <summary>The athlete's numeric id, as invariant text.</summary>
    public const string AthleteId = "athlete_id";

    /// <summary>The athlete's first name, when the exchange returned it.</summary>
    public const string AthleteFirstName = "athlete_firstname";

    /// <summary>The athlete's last name, when the exchange returned it.</summary>
    public const string AthleteLastName = "athlete_lastname";
}

namespace FitnessClients.GarminConnect.Auth;

/// <summary>The keys under which Garmin-specific values are kept in <see cref="Core.Tokens.OAuthToken.Extras"/>.</summary>
public static class GarminTokenExtras
{
    /// <summary>The DI client id the token was issued to; refreshes must use the same one.</summary>
    public const string DiClientId = "di_client_id";

    /// <summary>The Garmin domain the token belongs to (<c>garmin.com</c> or <c>garmin.cn</c>).</summary>
    public const string Domain = "domain";
}

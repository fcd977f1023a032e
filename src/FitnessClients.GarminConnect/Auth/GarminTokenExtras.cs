namespace FitnessClients.GarminConnect.Auth;

/// <summary>The keys under which Garmin-specific values are kept in <see cref="Core.Tokens.OAuthToken.Extras"/>.</summary>
public static class GarminTokenExtras
{
    /// <summary>The DI client id the token was issued to; refreshes must use the same one.</summary>
    public const string DiClientId = "di_client_id";

    /// <summary>The Garmin domain the token belongs to (<c>garmin.com</c> or <c>garmin.cn</c>).</summary>
    public const string Domain = "domain";

    /// <summary>
    /// How the token was obtained: <c>service_ticket</c>, <c>sso</c>, <c>garminconnect_import</c> or
    /// <c>garth_import</c>. Informational; refresh decisions look at the credentials present, not at this.
    /// </summary>
    public const string Source = "source";

    /// <summary>A garth session's OAuth1 token, the long-lived (about a year) credential that is re-exchanged for OAuth2 tokens.</summary>
    public const string GarthOAuth1Token = "garth_oauth1_token";

    /// <summary>The secret of <see cref="GarthOAuth1Token"/>; part of the OAuth1 signing key.</summary>
    public const string GarthOAuth1TokenSecret = "garth_oauth1_token_secret";

    /// <summary>The MFA token garth received when the sign-in used MFA; sent with every re-exchange.</summary>
    public const string GarthMfaToken = "garth_mfa_token";

    /// <summary>When the garth MFA token (and with it, in practice, the OAuth1 token) expires, ISO 8601 as garth wrote it.</summary>
    public const string GarthMfaExpiration = "garth_mfa_expiration";
}

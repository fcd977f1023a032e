namespace FitnessClients.GarminConnect.Auth;

/// <summary>The request headers of the sign-in calls, as the reference tools send them (facts from Garmin's apps).</summary>
internal static class GarminAuthHeaders
{
    /// <summary>The iPhone Safari user agent python-garminconnect's mobile login sends to the SSO JSON API.</summary>
    public const string SsoUserAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";

    /// <summary>The user agent of OAuth1-signed calls to <c>oauth-service</c> (garth's <c>OAUTH_USER_AGENT</c>).</summary>
    public const string OAuth1UserAgent = "com.garmin.android.apps.connectmobile";

    /// <summary>The Android app's header set, sent to diauth and to connectapi (python-garminconnect's native headers).</summary>
    public static IReadOnlyDictionary<string, string> Native { get; } =
        GarminHeaders.Native.Where(h => h.Key != "Accept").ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>The headers of the SSO mobile JSON API calls; <c>Origin</c> is the SSO host itself.</summary>
    /// <param name="ssoBaseAddress">The SSO root in effect.</param>
    public static IReadOnlyDictionary<string, string> Sso(Uri ssoBaseAddress) => new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["User-Agent"] = SsoUserAgent,
        ["Accept"] = "application/json, text/plain, */*",
        ["Accept-Language"] = "en-US,en;q=0.9",
        ["Origin"] = ssoBaseAddress.GetLeftPart(UriPartial.Authority),
    };
}

using System.Net.Http.Headers;
using System.Text;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests.Garmin;

/// <summary>Builds seeded Garmin emulators and the requests the tests send to them.</summary>
internal static class GarminTestSupport
{
    public const string AcceptedClientId = "GARMIN_CONNECT_MOBILE_ANDROID_DI_2024Q4";
    public const string RejectedClientId = "GARMIN_CONNECT_MOBILE_ANDROID_DI_2025Q2";
    public const string MobileService = "https://mobile.integration.garmin.com/gcm/ios";
    public const string ListPath = "activitylist-service/activities/search/activities";

    public static readonly Uri DiAuthToken = new("https://diauth.garmin.com/di-oauth2-service/oauth/token");
    public static readonly Uri SsoLogin = new($"https://sso.garmin.com/mobile/api/login?clientId=GCM_IOS_DARK&locale=en-US&service={Uri.EscapeDataString(MobileService)}");
    public static readonly Uri SsoVerify = new($"https://sso.garmin.com/mobile/api/mfa/verifyCode?clientId=GCM_IOS_DARK&locale=en-US&service={Uri.EscapeDataString(MobileService)}");

    public static GarminConnectEmulator Create(int activityCount = 60, FakeTimeProvider? clock = null, Action<GarminConnectEmulatorOptions>? configure = null)
    {
        var options = new GarminConnectEmulatorOptions { ActivityCount = activityCount };
        configure?.Invoke(options);
        return new GarminConnectEmulator(clock ?? new FakeTimeProvider(FakeTimeDefaults.Start), options);
    }

    /// <summary>An in-process client for connectapi carrying a valid DI bearer token.</summary>
    public static HttpClient AuthorizedClient(GarminConnectEmulator emulator)
    {
        var http = emulator.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.IssueTokens().AccessToken);
        return http;
    }

    public static HttpRequestMessage TicketExchange(string clientId, string ticket, string serviceUrl = MobileService) =>
        TokenRequest(clientId, new Dictionary<string, string>
        {
            ["client_id"] = clientId,
            ["service_ticket"] = ticket,
            ["grant_type"] = GarminConnectEmulator.ServiceTicketGrantType,
            ["service_url"] = serviceUrl,
        });

    public static HttpRequestMessage Refresh(string clientId, string refreshToken) =>
        TokenRequest(clientId, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = clientId,
            ["refresh_token"] = refreshToken,
        });

    public static HttpRequestMessage SsoJson(Uri uri, string json) =>
        new(HttpMethod.Post, uri) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static HttpRequestMessage TokenRequest(string clientId, Dictionary<string, string> form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, DiAuthToken) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(clientId + ":")));
        return request;
    }
}

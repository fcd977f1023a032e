using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests.Strava;

/// <summary>Builds seeded Strava emulators and the requests the tests send to them.</summary>
internal static class StravaTestSupport
{
    public static readonly DateTimeOffset Now = new(2025, 11, 3, 10, 7, 0, TimeSpan.Zero);

    public static StravaEmulator Create(int activityCount = 60, FakeTimeProvider? clock = null, Action<StravaEmulatorOptions>? configure = null)
    {
        var options = new StravaEmulatorOptions { ActivityCount = activityCount };
        configure?.Invoke(options);
        return new StravaEmulator(clock ?? new FakeTimeProvider(Now), options);
    }

    public static HttpClient AuthorizedClient(StravaEmulator emulator, params string[] scopes)
    {
        var http = emulator.CreateClient();
        var tokens = emulator.IssueTokens(scopes.Length == 0 ? null : scopes);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return http;
    }

    public static HttpRequestMessage TokenRequest(StravaEmulator emulator, params (string Key, string Value)[] fields)
    {
        var form = new Dictionary<string, string> { ["client_id"] = emulator.RegisteredClientId, ["client_secret"] = emulator.RegisteredClientSecret };
        foreach (var (key, value) in fields)
        {
            form[key] = value;
        }

        return new HttpRequestMessage(HttpMethod.Post, "https://www.strava.com/oauth/token") { Content = new FormUrlEncodedContent(form) };
    }

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false))!;

    public static async Task<JsonNode> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), path);
        return await JsonAsync(response).ConfigureAwait(false);
    }

    public static string Fault(string message, string resource, string field, string code) =>
        new JsonObject
        {
            ["message"] = message,
            ["errors"] = new JsonArray(new JsonObject { ["resource"] = resource, ["field"] = field, ["code"] = code }),
        }.ToJsonString();
}

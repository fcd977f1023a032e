using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests.DocExample;

// The test of docs/testing.md ("Using an emulator in your tests").
public class ActivityServiceEmulatorTests
{
    [Test]
    public async Task Lists_pages_retries_a_503_and_downloads_an_original([Values] Transport transport)
    {
        var clock = new FakeTimeProvider(FakeTimeDefaults.Start);
        var emulator = new ActivityServiceEmulator(clock);
        var tokens = emulator.OAuth.IssueTokens("demo-client", ["read"]);
        emulator.Faults.Add(Fault.Status(HttpStatusCode.ServiceUnavailable), FaultTrigger.Script(2), HttpMethod.Get, "/api/v1/activities");

        await using var connection = await EmulatorConnection.OpenAsync(emulator, transport);
        var http = connection.Client;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);

        var page1 = await http.GetFromJsonAsync<JsonArray>("api/v1/activities?page=1&per_page=10");
        using var failed = await http.GetAsync("api/v1/activities?page=2&per_page=10");
        var page2 = await http.GetFromJsonAsync<JsonArray>("api/v1/activities?page=2&per_page=10");
        using var original = await http.GetAsync("api/v1/activities/3/original", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await original.Content.ReadAsStreamAsync();
        var length = 0L;
        var buffer = new byte[65536];
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            length += read;
        }

        Assert.That(page1, Has.Count.EqualTo(10));
        Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(page2![0]!["id"]!.GetValue<int>(), Is.EqualTo(11));
        Assert.That(length, Is.EqualTo(2_000_000));
        Assert.That(emulator.Requests.Count(HttpMethod.Get, "/api/v1/activities"), Is.EqualTo(4));
        Assert.That(emulator.Faults.InjectedCount, Is.EqualTo(1));
        Assert.That(original.Headers.GetValues("X-RateLimit-Usage").Single(), Is.EqualTo("3,3"), "the 503 came from the fault, before the rate limiter");
    }

    [Test]
    public async Task Requires_a_live_token_and_honours_expiry_on_the_clock()
    {
        var clock = new FakeTimeProvider(FakeTimeDefaults.Start);
        var emulator = new ActivityServiceEmulator(clock);
        var tokens = emulator.OAuth.IssueTokens("demo-client", ["read"]);
        using var http = emulator.CreateClient();

        Assert.That((await http.GetAsync("api/v1/activities/1")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        Assert.That((await http.GetAsync("api/v1/activities/1")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await http.GetAsync("api/v1/activities/999")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        clock.Advance(TimeSpan.FromHours(6));
        Assert.That((await http.GetAsync("api/v1/activities/1")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests;

public class RequestLogTests
{
    [Test]
    public async Task Records_every_request_with_time_method_path_query_status_and_headers([Values] Transport transport)
    {
        var clock = new TimerTrackingTimeProvider();
        var emulator = new TestEmulator(clock);
        await using var connection = await EmulatorConnection.OpenAsync(emulator, transport);
        var client = connection.Client;

        (await client.GetAsync("api/items?page=2&per_page=30")).Dispose();
        clock.Advance(TimeSpan.FromMinutes(1));
        (await client.GetAsync("api/items/1")).Dispose();
        (await client.GetAsync("api/items/404")).Dispose();
        (await client.PostAsJsonAsync("api/items", new { name = "x" })).Dispose();
        (await client.GetAsync("api/items_old")).Dispose();

        var log = emulator.Requests.Snapshot();
        Assert.That(log.Select(r => r.Sequence), Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
        Assert.That(log[0].Path, Is.EqualTo("/api/items"));
        Assert.That(log[0].Query, Is.EqualTo("page=2&per_page=30"));
        Assert.That(log[0].ReceivedAt, Is.EqualTo(FakeTimeDefaults.Start));
        Assert.That(log[1].ReceivedAt, Is.EqualTo(FakeTimeDefaults.Start.AddMinutes(1)));
        Assert.That(log.Select(r => (int?)r.StatusCode), Is.EqualTo(new int?[] { 200, 200, 404, 201, 404 }));
        Assert.That(log.All(r => r.IsCompleted && !r.FaultInjected && !r.RateLimited), Is.True);
        Assert.That(log[3].GetHeader("Content-Type"), Is.EqualTo("application/json; charset=utf-8"));
        Assert.That(log[3].BodyExcerptText, Is.EqualTo("""{"name":"x"}"""));

        Assert.That(emulator.Requests.Count(), Is.EqualTo(5));
        Assert.That(emulator.Requests.Count(HttpMethod.Get), Is.EqualTo(4));
        Assert.That(emulator.Requests.Count(HttpMethod.Get, "/api/items"), Is.EqualTo(3), "segment prefix: not /api/items_old");
        Assert.That(emulator.Requests.Count(pathPrefix: "/api/items/"), Is.EqualTo(2), "trailing slash: only below /api/items");
        Assert.That(emulator.Requests.Count(HttpMethod.Post, "/api"), Is.EqualTo(1));
        Assert.That(emulator.Requests.Where(r => r.StatusCode == HttpStatusCode.NotFound).Select(r => r.Sequence), Is.EqualTo(new long[] { 3, 5 }));

        emulator.Requests.Clear();
        Assert.That(emulator.Requests, Is.Empty);
        (await client.GetAsync("api/items")).Dispose();
        Assert.That(emulator.Requests.Single().Sequence, Is.EqualTo(6));
    }

    [Test]
    public async Task Keeps_raw_credentials_for_assertions_but_masks_them_in_ToString()
    {
        var emulator = new TestEmulator(new TimerTrackingTimeProvider());
        using var client = emulator.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token?client_secret=query-secret")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "refresh_token"), new("refresh_token", "rt-secret-value")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "at-secret-value");
        request.Headers.Add("Cookie", "session=cookie-secret");
        (await client.SendAsync(request)).Dispose();

        var entry = emulator.Requests.Single();
        Assert.That(entry.GetHeader("Authorization"), Is.EqualTo("Bearer at-secret-value"));
        Assert.That(entry.BodyExcerptText, Does.Contain("rt-secret-value"));
        var text = entry.ToString();
        Assert.That(text, Does.Not.Contain("at-secret-value").And.Not.Contain("rt-secret-value").And.Not.Contain("cookie-secret").And.Not.Contain("query-secret"));
        Assert.That(text, Does.Contain("POST /oauth/token").And.Contain("Authorization: ***").And.Contain("-> 401"));
    }

    [Test]
    public async Task Keeps_only_the_first_4_KiB_of_a_body_but_its_full_length()
    {
        var emulator = new TestEmulator(new TimerTrackingTimeProvider());
        using var client = emulator.CreateClient();
        (await client.PostAsync("api/items", new ByteArrayContent(new byte[10_000]))).Dispose();
        var entry = emulator.Requests.Single();
        Assert.That(entry.BodyLength, Is.EqualTo(10_000));
        Assert.That(entry.BodyExcerpt.Length, Is.EqualTo(LoggedRequest.BodyExcerptLimit));
    }

    [Test]
    public async Task An_entry_appears_when_the_request_arrives_and_completes_when_answered()
    {
        var clock = new TimerTrackingTimeProvider();
        var emulator = new TestEmulator(clock) { Latency = TimeSpan.FromSeconds(1) };
        using var client = emulator.CreateClient();
        var call = client.GetAsync("api/items");
        await clock.WaitForPendingTimersAsync();

        var entry = emulator.Requests.Single();
        Assert.That(entry.IsCompleted, Is.False);
        Assert.That(entry.StatusCode, Is.Null);
        Assert.That(entry.ToString(), Does.Contain("(in flight)"));

        clock.Advance(TimeSpan.FromSeconds(1));
        (await call).Dispose();
        Assert.That(entry.IsCompleted, Is.True);
        Assert.That(entry.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}

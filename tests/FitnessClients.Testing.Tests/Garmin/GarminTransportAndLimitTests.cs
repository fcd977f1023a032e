using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests.Garmin;

public class GarminTransportAndLimitTests
{
    [Test]
    public async Task Loopback_and_in_process_answer_the_same_bytes()
    {
        var emulator = GarminTestSupport.Create(40);
        var token = emulator.IssueTokens().AccessToken;
        await using var server = await emulator.StartLoopbackAsync();
        using var loopback = server.CreateClient();
        using var inProcess = emulator.CreateClient();
        foreach (var client in new[] { loopback, inProcess })
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var activity = emulator.ListedActivities.First(a => a.HasGps && a.OriginalFormat == GarminOriginalFormat.Fit);
        var manual = emulator.ListedActivities.First(a => a.IsManual);
        foreach (var path in new[]
        {
            GarminTestSupport.ListPath + "?start=0&limit=25",
            $"activity-service/activity/{activity.Id}",
            $"download-service/files/activity/{activity.Id}",
            $"download-service/export/gpx/activity/{activity.Id}",
            $"download-service/export/gpx/activity/{manual.Id}",
            "activity-service/activity/1",
        })
        {
            using var a = await loopback.GetAsync(path);
            using var b = await inProcess.GetAsync(path);
            Assert.That(a.StatusCode, Is.EqualTo(b.StatusCode), path);
            Assert.That(await a.Content.ReadAsByteArrayAsync(), Is.EqualTo(await b.Content.ReadAsByteArrayAsync()), path);
            Assert.That(a.Content.Headers.ContentType?.MediaType, Is.EqualTo(b.Content.Headers.ContentType?.MediaType), path);
        }

        // diauth and SSO are answered on the same port whatever host the client thinks it talks to.
        using var exchange = await loopback.SendAsync(Rebase(GarminTestSupport.TicketExchange(GarminTestSupport.AcceptedClientId, emulator.IssueServiceTicket()), server.BaseAddress));
        Assert.That(exchange.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task An_optional_data_api_limit_answers_429_without_counting_auth_traffic()
    {
        var clock = new TimerTrackingTimeProvider(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));
        var emulator = GarminTestSupport.Create(10, clock, o =>
        {
            o.DataApiRateLimit = 3;
            o.DataApiRateLimitWindow = TimeSpan.FromMinutes(1);
            o.SendRetryAfter = true;
        });
        using var http = GarminTestSupport.AuthorizedClient(emulator);

        for (var i = 0; i < 3; i++)
        {
            using var ok = await http.GetAsync("userprofile-service/socialProfile");
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using var exchange = await http.SendAsync(GarminTestSupport.TicketExchange(GarminTestSupport.AcceptedClientId, emulator.IssueServiceTicket()));
        Assert.That(exchange.StatusCode, Is.EqualTo(HttpStatusCode.OK), "diauth is not part of the data-API budget");
        clock.Advance(TimeSpan.FromSeconds(20));
        using var limited = await http.GetAsync("userprofile-service/socialProfile");
        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That((await limited.Content.ReadFromJsonAsync<JsonObject>())!["message"]!.GetValue<string>(), Is.EqualTo("Too Many Requests"));
        Assert.That(limited.Headers.RetryAfter!.Delta, Is.EqualTo(TimeSpan.FromSeconds(40)));

        clock.Advance(TimeSpan.FromSeconds(40));
        using var again = await http.GetAsync("userprofile-service/socialProfile");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(emulator.RateLimits!.Responses429, Is.EqualTo(1));
    }

    [Test]
    public async Task Latency_and_faults_come_from_the_kit()
    {
        var clock = new TimerTrackingTimeProvider();
        var emulator = GarminTestSupport.Create(10, clock);
        emulator.Faults.Add(Fault.Status(HttpStatusCode.GatewayTimeout), FaultTrigger.First(1), HttpMethod.Get, "/download-service/export/gpx/activity/{id}");
        emulator.Latency = TimeSpan.FromMilliseconds(50);
        using var http = GarminTestSupport.AuthorizedClient(emulator);
        var activity = emulator.ListedActivities.First(a => a.HasGps);

        var first = http.GetAsync($"download-service/export/gpx/activity/{activity.Id}");
        await clock.WaitForPendingTimersAsync();
        clock.Advance(TimeSpan.FromMilliseconds(50));
        using var timedOut = await first;
        var second = http.GetAsync($"download-service/export/gpx/activity/{activity.Id}");
        await clock.WaitForPendingTimersAsync();
        clock.Advance(TimeSpan.FromMilliseconds(50));
        using var served = await second;

        Assert.That(timedOut.StatusCode, Is.EqualTo(HttpStatusCode.GatewayTimeout));
        Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static HttpRequestMessage Rebase(HttpRequestMessage request, Uri baseAddress)
    {
        request.RequestUri = new Uri(baseAddress, request.RequestUri!.PathAndQuery);
        return request;
    }
}

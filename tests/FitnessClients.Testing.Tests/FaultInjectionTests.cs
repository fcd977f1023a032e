using System.Net;
using FitnessClients.Core.Http;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests;

public class FaultInjectionTests
{
    private TimerTrackingTimeProvider _clock = null!;
    private TestEmulator _emulator = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new TimerTrackingTimeProvider();
        _emulator = new TestEmulator(_clock);
    }

    [Test]
    public async Task Status_faults_by_script_hit_only_the_numbered_matching_requests([Values] Transport transport)
    {
        var rule = _emulator.Faults.Add(Fault.Status(HttpStatusCode.ServiceUnavailable, body: """{"message":"down"}"""), FaultTrigger.Script(2, 3), HttpMethod.Get, "/api/items/{id}");
        await using var connection = await EmulatorConnection.OpenAsync(_emulator, transport);

        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            (await connection.Client.GetAsync("api/items")).Dispose(); // does not match the rule
            using var response = await connection.Client.GetAsync("api/items/1");
            statuses.Add((int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"message":"down"}"""));
            }
        }

        Assert.That(statuses, Is.EqualTo(new[] { 200, 503, 503, 200, 200 }));
        Assert.That(rule.MatchedCount, Is.EqualTo(5));
        Assert.That(rule.InjectedCount, Is.EqualTo(2));
        Assert.That(_emulator.Faults.InjectedCount, Is.EqualTo(2));
        Assert.That(_emulator.Requests.Where(r => r.FaultInjected).Select(r => r.Sequence), Is.EqualTo(new long[] { 4, 6 }));
        Assert.That(_emulator.Requests.Where(r => r.FaultInjected).Select(r => r.Fault), Is.All.EqualTo(FaultKind.Status));
    }

    [Test]
    public async Task A_429_fault_can_carry_Retry_After()
    {
        _emulator.Faults.Add(Fault.TooManyRequests(TimeSpan.FromSeconds(30)), maxCount: 1);
        _emulator.Faults.Add(Fault.TooManyRequests());
        using var client = _emulator.CreateClient();

        using var first = await client.GetAsync("api/items");
        using var second = await client.GetAsync("api/items");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(RetryAfter.GetDelay(first, _clock.GetUtcNow()), Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(second.Headers.RetryAfter, Is.Null);
    }

    [Test]
    public async Task By_rate_faults_are_deterministic_for_a_seed()
    {
        async Task<string> PatternAsync(int seed)
        {
            var emulator = new TestEmulator(new TimerTrackingTimeProvider());
            emulator.Faults.Add(Fault.Status(HttpStatusCode.BadGateway), FaultTrigger.ByRate(0.3, seed));
            using var client = emulator.CreateClient();
            var pattern = new char[60];
            for (var i = 0; i < pattern.Length; i++)
            {
                using var response = await client.GetAsync("api/items");
                pattern[i] = response.StatusCode == HttpStatusCode.BadGateway ? 'x' : '.';
            }

            Assert.That(emulator.Faults.InjectedCount, Is.EqualTo(pattern.Count(c => c == 'x')));
            return new string(pattern);
        }

        var first = await PatternAsync(seed: 12345);
        var again = await PatternAsync(seed: 12345);
        var other = await PatternAsync(seed: 54321);

        Assert.That(again, Is.EqualTo(first));
        Assert.That(other, Is.Not.EqualTo(first));
        Assert.That(first.Count(c => c == 'x'), Is.InRange(5, 35), first);
    }

    [Test]
    public async Task Html_error_pages_replace_the_JSON_answer([Values] Transport transport)
    {
        _emulator.Faults.Add(Fault.HtmlErrorPage(HttpStatusCode.BadGateway, "502 Bad Gateway"), maxCount: 1);
        _emulator.Faults.Add(Fault.Response(_ => HtmlErrorPages.CloudflareChallenge(), "cloudflare challenge"), maxCount: 1);
        _emulator.Faults.Add(Fault.Response(_ => HtmlErrorPages.FlaskInternalServerError()), maxCount: 1);
        await using var connection = await EmulatorConnection.OpenAsync(_emulator, transport);

        using var gateway = await connection.Client.GetAsync("api/items");
        Assert.That(gateway.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(gateway.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(await gateway.Content.ReadAsStringAsync(), Does.Contain("<title>502 Bad Gateway</title>"));

        using var challenge = await connection.Client.GetAsync("api/items");
        Assert.That(challenge.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(challenge.Headers.GetValues("cf-mitigated"), Is.EqualTo(new[] { "challenge" }));
        Assert.That(await challenge.Content.ReadAsStringAsync(), Does.Contain("Just a moment..."));

        using var flask = await connection.Client.GetAsync("api/items");
        Assert.That(flask.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await flask.Content.ReadAsStringAsync(), Does.Contain("<title>500 Internal Server Error</title>"));

        using var normal = await connection.Client.GetAsync("api/items");
        Assert.That(normal.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_emulator.Requests.Select(r => r.Fault), Is.EqualTo(new FaultKind?[] { FaultKind.HtmlErrorPage, FaultKind.Response, FaultKind.Response, null }));
    }

    [Test]
    public async Task A_delay_fault_holds_the_request_on_the_emulator_clock([Values] Transport transport)
    {
        _emulator.Faults.Add(Fault.Delay(TimeSpan.FromSeconds(90)), maxCount: 1);
        await using var connection = await EmulatorConnection.OpenAsync(_emulator, transport);

        var call = connection.Client.GetAsync("api/items/1");
        await _clock.WaitForPendingTimersAsync();
        _clock.Advance(TimeSpan.FromSeconds(89));
        Assert.That(call.IsCompleted, Is.False);
        _clock.Advance(TimeSpan.FromSeconds(1));
        using var response = await call;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_emulator.Requests.Single().Fault, Is.EqualTo(FaultKind.Delay));
    }

    [Test]
    public async Task A_connection_reset_fails_the_request_with_HttpRequestException([Values] Transport transport)
    {
        _emulator.Faults.Add(Fault.ConnectionReset(), maxCount: 1);
        await using var connection = await EmulatorConnection.OpenAsync(_emulator, transport);

        var exception = Assert.ThrowsAsync<HttpRequestException>(async () => await connection.Client.GetAsync("api/items"));
        Assert.That(exception!.InnerException, Is.InstanceOf<IOException>(), exception.ToString());
        Assert.That(exception.InnerException!.InnerException, Is.InstanceOf<System.Net.Sockets.SocketException>());

        using var after = await connection.Client.GetAsync("api/items");
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var first = _emulator.Requests.Snapshot()[0];
        Assert.That(first.Fault, Is.EqualTo(FaultKind.ConnectionReset));
        Assert.That(first.StatusCode, Is.Null);
        Assert.That(first.IsCompleted, Is.True);
    }

    [Test]
    public async Task Over_loopback_a_reset_on_a_reused_connection_is_not_retried_by_SocketsHttpHandler()
    {
        // The reset is a real RST after the request was read, so the client sees it even on a pooled connection,
        // exactly as in process; the emulator counts each attempt once.
        _emulator.Faults.Add(Fault.ConnectionReset(), FaultTrigger.Script(2));
        await using var server = await _emulator.StartLoopbackAsync();
        using var client = server.CreateClient();

        (await client.GetAsync("api/items")).Dispose();
        Assert.That(async () => await client.GetAsync("api/items"), Throws.InstanceOf<HttpRequestException>());
        using var third = await client.GetAsync("api/items");

        Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_emulator.Requests.Count(), Is.EqualTo(3));
        Assert.That(server.ConnectionsAccepted, Is.EqualTo(2));
    }

    [Test]
    public async Task A_truncated_body_fails_while_the_client_reads_it([Values] Transport transport)
    {
        _emulator.Faults.Add(Fault.TruncatedBody(0.25), method: HttpMethod.Get, pathTemplate: "/api/download/{size}", maxCount: 1);
        await using var connection = await EmulatorConnection.OpenAsync(_emulator, transport);

        using var response = await connection.Client.GetAsync("api/download/100000", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(100000), "the full length is advertised");

        var received = new MemoryStream();
        var stream = await response.Content.ReadAsStreamAsync();
        var exception = Assert.ThrowsAsync(Is.InstanceOf<IOException>(), async () => await stream.CopyToAsync(received));
        Assert.That(exception, Is.Not.Null);
        Assert.That(received.Length, Is.EqualTo(25000), "exactly the delivered fraction arrived");
        var expected = new byte[25000];
        GeneratedContent.Fill(expected, 0, 42);
        Assert.That(received.ToArray(), Is.EqualTo(expected));
        Assert.That(_emulator.Requests.Single().Fault, Is.EqualTo(FaultKind.TruncatedBody));

        // The fault was one-off: the next download is whole (over loopback, on a new connection).
        using var whole = await connection.Client.GetAsync("api/download/1000");
        Assert.That((await whole.Content.ReadAsByteArrayAsync()).Length, Is.EqualTo(1000));
    }

    [Test]
    public async Task A_truncated_JSON_body_fails_a_buffered_read_too([Values] Transport transport)
    {
        _emulator.Faults.Add(Fault.TruncatedBody(0.5));
        await using var connection = await EmulatorConnection.OpenAsync(_emulator, transport);
        Assert.That(async () => await connection.Client.GetStringAsync("api/items"), Throws.InstanceOf<HttpRequestException>().Or.InstanceOf<IOException>());
    }

    [Test]
    public async Task A_slow_body_trickles_in_chunks_on_the_emulator_clock([Values] Transport transport)
    {
        _emulator.Faults.Add(Fault.SlowBody(TimeSpan.FromSeconds(2), chunkSize: 1000), pathTemplate: "/api/download/{size}");
        await using var connection = await EmulatorConnection.OpenAsync(_emulator, transport);

        async Task<byte[]> DownloadAsync()
        {
            using var response = await connection.Client.GetAsync("api/download/5000", HttpCompletionOption.ResponseHeadersRead);
            return await response.Content.ReadAsByteArrayAsync();
        }

        var download = Task.Run(DownloadAsync);
        await _clock.WaitForPendingTimersAsync();
        Assert.That(download.IsCompleted, Is.False);
        var bytes = await _clock.RunUntilCompletedAsync(download);

        Assert.That(bytes, Has.Length.EqualTo(5000));
        Assert.That(_clock.GetUtcNow() - FakeTimeDefaults.Start, Is.EqualTo(TimeSpan.FromSeconds(10)), "five chunks, two seconds each");
    }

    [Test]
    public async Task Rules_match_by_predicate_and_are_tried_in_order()
    {
        var byHeader = _emulator.Faults.Add(new FaultRule(Fault.Status(HttpStatusCode.Unauthorized)) { Predicate = r => r.GetHeader("X-Fail") == "auth" });
        var catchAll = _emulator.Faults.Add(new FaultRule(Fault.Status(HttpStatusCode.InternalServerError)) { Method = HttpMethod.Post });
        using var client = _emulator.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/items") { Content = new StringContent("{}") };
        request.Headers.Add("X-Fail", "auth");
        Assert.That((await client.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await client.PostAsync("api/items", new StringContent("{}"))).StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That((await client.GetAsync("api/items")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((byHeader.InjectedCount, catchAll.InjectedCount, catchAll.MatchedCount), Is.EqualTo((1L, 1L, 1L)));

        Assert.That(_emulator.Faults.Remove(byHeader), Is.True);
        _emulator.Faults.Clear();
        Assert.That(_emulator.Faults.Rules, Is.Empty);
    }

    [Test]
    public async Task Faults_answer_before_the_rate_limiter_counts()
    {
        _emulator.RateLimits = new RateLimitSimulator(_clock);
        _emulator.RateLimits.AddWindow("15min", 100, TimeSpan.FromMinutes(15));
        _emulator.Faults.Add(Fault.Status(HttpStatusCode.ServiceUnavailable), maxCount: 2);
        using var client = _emulator.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync("api/items")).Dispose();
        }

        Assert.That(_emulator.RateLimits.TotalRequests, Is.EqualTo(1));
        Assert.That(_emulator.RateLimits.GetWindow("15min").GetStatus().Used, Is.EqualTo(1));
    }

    [TestCase(-0.1)]
    [TestCase(1.0)]
    public void Rejects_fractions_outside_0_to_below_1(double fraction) =>
        Assert.That(() => Fault.TruncatedBody(fraction), Throws.InstanceOf<ArgumentOutOfRangeException>());
}

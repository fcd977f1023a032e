using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests;

public class ServiceEmulatorTransportTests
{
    private static async Task<string> DescribeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var contentType = response.Content.Headers.ContentType?.ToString();
        var custom = response.Headers.TryGetValues("X-Custom", out var values) ? string.Join(",", values) : "-";
        return $"{(int)response.StatusCode} {contentType} {response.Content.Headers.ContentLength} {response.Headers.Date:O} {custom} {body}";
    }

    [Test]
    public async Task In_process_and_loopback_give_the_same_responses()
    {
        var requests = new Func<HttpClient, Task<HttpResponseMessage>>[]
        {
            c => c.GetAsync("api/items"),
            c => c.GetAsync("api/items/2"),
            c => c.GetAsync("api/items/99"),
            c => c.GetAsync("api/unknown"),
            c => c.DeleteAsync("api/items/1"),
            c => c.GetAsync("api/echo?a=1&a=2&b=x+y"),
            c => c.GetAsync("api/boom"),
            c => c.PostAsJsonAsync("api/items", new { name = "third" }),
        };

        async Task<List<string>> RunAsync(Transport transport)
        {
            var clock = new TimerTrackingTimeProvider();
            var emulator = new TestEmulator(clock);
            await using var connection = await EmulatorConnection.OpenAsync(emulator, transport);
            connection.Client.DefaultRequestHeaders.UserAgent.ParseAdd("parity-test/1.0");
            var results = new List<string>();
            foreach (var send in requests)
            {
                using var response = await send(connection.Client);
                results.Add(await DescribeAsync(response));
            }

            return results;
        }

        var inProcess = await RunAsync(Transport.InProcess);
        var loopback = await RunAsync(Transport.Loopback);

        Assert.That(loopback, Is.EqualTo(inProcess));
        Assert.That(inProcess[0], Does.StartWith("200 application/json; charset=utf-8").And.Contain("""[{"id":1,"name":"first"},{"id":2,"name":"second"}]"""));
        Assert.That(inProcess[2], Does.StartWith("404").And.EndWith("""{"message":"Record Not Found"}"""));
        Assert.That(inProcess[3], Does.StartWith("404").And.EndWith("""{"error":"no such endpoint"}"""));
        Assert.That(inProcess[4], Does.StartWith("405"));
        Assert.That(inProcess[5], Does.Contain(" yes ").And.Contain("""
            "query":{"a":["1","2"],"b":["x y"]}
            """).And.Contain("parity-test/1.0"));
        Assert.That(inProcess[6], Does.StartWith("500"));
        Assert.That(inProcess[7], Does.StartWith("201").And.EndWith("""{"id":3,"name":"third"}"""));
        Assert.That(inProcess[0], Does.Contain(FakeTimeDefaults.Start.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task A_handler_exception_becomes_a_500_and_is_kept_in_the_log([Values] Transport transport)
    {
        var emulator = new TestEmulator(new TimerTrackingTimeProvider());
        await using var connection = await EmulatorConnection.OpenAsync(emulator, transport);
        using var response = await connection.Client.GetAsync("api/boom");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Emulator handler failed: InvalidOperationException: handler bug"));
        Assert.That(emulator.Requests.Last!.HandlerException, Is.InstanceOf<InvalidOperationException>());
    }

    [Test]
    public async Task Multipart_uploads_arrive_intact_in_process_and_over_loopback_even_when_chunked([Values] Transport transport, [Values] bool chunked)
    {
        var emulator = new TestEmulator(new TimerTrackingTimeProvider());
        await using var connection = await EmulatorConnection.OpenAsync(emulator, transport);
        var file = new byte[300_000];
        new Random(5).NextBytes(file);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("fit"), "data_type");
        form.Add(chunked ? new StreamContent(new NonSeekableStream(file)) : new ByteArrayContent(file), "file", "ride.fit");

        using var response = await connection.Client.PostAsync("api/upload", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var parts = json["parts"]!.AsArray();
        Assert.That(parts.Select(p => p!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "data_type", "file" }));
        Assert.That(parts[1]!["fileName"]!.GetValue<string>(), Is.EqualTo("ride.fit"));
        Assert.That(parts[1]!["sha"]!.GetValue<string>(), Is.EqualTo(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(file))));
        Assert.That(json["bodyLength"]!.GetValue<int>(), Is.EqualTo(emulator.Requests.Last!.BodyLength));
        if (transport == Transport.Loopback)
        {
            // Proof that the server really decoded a chunked upload rather than a Content-Length one.
            Assert.That(emulator.Requests.Last!.GetHeader("Transfer-Encoding"), chunked ? Is.EqualTo("chunked") : Is.Null);
        }
    }

    [Test]
    public async Task Loopback_honours_Expect_100_continue()
    {
        var emulator = new TestEmulator(new TimerTrackingTimeProvider());
        await using var server = await emulator.StartLoopbackAsync();
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.ExpectContinue = true;
        using var response = await client.PostAsJsonAsync("api/items", new { name = "with expect" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Loopback_streams_a_body_of_unknown_length_chunked_and_answers_HEAD_without_a_body()
    {
        var emulator = new TestEmulator(new TimerTrackingTimeProvider());
        await using var server = await emulator.StartLoopbackAsync();
        using var client = server.CreateClient();

        using var streamed = await client.GetAsync("api/stream/100000");
        Assert.That(streamed.Headers.TransferEncodingChunked, Is.True);
        var bytes = await streamed.Content.ReadAsByteArrayAsync();
        Assert.That(bytes, Is.EqualTo(Enumerable.Range(0, 100000).Select(i => (byte)i).ToArray()));

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "api/items"));
        Assert.That(await DescribeHeadAsync(head), Is.EqualTo("200 5 application/json 0"));

        // The connection is still usable after both.
        using var after = await client.GetAsync("api/items/1");
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(server.ConnectionsAccepted, Is.EqualTo(1));
    }

    [Test]
    public async Task HEAD_answers_carry_the_length_but_no_body_in_process_too()
    {
        var emulator = new TestEmulator(new TimerTrackingTimeProvider());
        using var client = emulator.CreateClient();
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "api/items"));
        Assert.That(await DescribeHeadAsync(head), Is.EqualTo("200 5 application/json 0"));
    }

    private static async Task<string> DescribeHeadAsync(HttpResponseMessage head) =>
        $"{(int)head.StatusCode} {head.Content.Headers.ContentLength} {head.Content.Headers.ContentType?.MediaType} {(await head.Content.ReadAsByteArrayAsync()).Length}";

    [Test]
    public async Task Loopback_keeps_connections_alive_and_serves_concurrent_requests()
    {
        var emulator = new TestEmulator(new TimerTrackingTimeProvider());
        await using var server = await emulator.StartLoopbackAsync();
        using var client = server.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync("api/items");
            response.EnsureSuccessStatusCode();
        }

        Assert.That(server.ConnectionsAccepted, Is.EqualTo(1));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetAsync("api/items/1")));
        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(emulator.Requests.Count(HttpMethod.Get, "/api/items"), Is.EqualTo(25));
        Assert.That(emulator.Requests.Select(r => r.Sequence), Is.EquivalentTo(Enumerable.Range(1, 25).Select(i => (long)i)));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Test]
    public async Task Loopback_answers_a_malformed_request_with_400()
    {
        var emulator = new TestEmulator(new TimerTrackingTimeProvider());
        await using var server = await emulator.StartLoopbackAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, server.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync("NONSENSE\r\n\r\n"u8.ToArray());
        using var reader = new StreamReader(stream, Encoding.ASCII);
        Assert.That(await reader.ReadLineAsync(), Is.EqualTo("HTTP/1.1 400 Bad Request"));
        Assert.That(emulator.Requests.Count(), Is.Zero);
    }

    [Test]
    public async Task Disposing_the_server_cancels_requests_in_flight_and_refuses_new_ones()
    {
        var clock = new TimerTrackingTimeProvider();
        var emulator = new TestEmulator(clock) { Latency = TimeSpan.FromSeconds(1) };
        var server = await emulator.StartLoopbackAsync();
        using var client = server.CreateClient();

        var pending = client.GetAsync("api/items");
        await clock.WaitForPendingTimersAsync();
        await server.DisposeAsync();

        Assert.That(async () => await pending, Throws.InstanceOf<HttpRequestException>());
        Assert.That(async () => await client.GetAsync("api/items"), Throws.InstanceOf<HttpRequestException>());
        Assert.That(emulator.Requests.Single().IsCompleted, Is.False);
    }

    [Test]
    public async Task Latency_applies_on_the_emulator_clock([Values] Transport transport)
    {
        var clock = new TimerTrackingTimeProvider();
        var emulator = new TestEmulator(clock) { Latency = TimeSpan.FromMilliseconds(50) };
        await using var connection = await EmulatorConnection.OpenAsync(emulator, transport);

        var call = connection.Client.GetAsync("api/items");
        await clock.WaitForPendingTimersAsync();
        Assert.That(call.IsCompleted, Is.False);
        clock.Advance(TimeSpan.FromMilliseconds(50));
        using var response = await call;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void A_relative_request_URI_is_refused_with_a_clear_message()
    {
        var emulator = new TestEmulator(new TimerTrackingTimeProvider());
        using var invoker = new HttpMessageInvoker(emulator.CreateHandler());
        Assert.That(
            async () => await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri("api/items", UriKind.Relative)), CancellationToken.None),
            Throws.InvalidOperationException.With.Message.Contains("BaseAddress"));
        Assert.That(emulator.Requests.Count(), Is.Zero);
    }

    [Test]
    public async Task Two_loopback_servers_of_one_emulator_share_its_state()
    {
        var emulator = new TestEmulator(new TimerTrackingTimeProvider());
        await using var first = await emulator.StartLoopbackAsync();
        await using var second = await emulator.StartLoopbackAsync();
        Assert.That(first.Port, Is.Not.EqualTo(second.Port));
        Assert.That(first.BaseAddress.ToString(), Is.EqualTo($"http://127.0.0.1:{first.Port}/"));

        using var a = first.CreateClient();
        using var b = second.CreateClient();
        (await a.PostAsJsonAsync("api/items", new { name = "shared" })).EnsureSuccessStatusCode();
        Assert.That(await b.GetStringAsync("api/items/3"), Does.Contain("shared"));
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}

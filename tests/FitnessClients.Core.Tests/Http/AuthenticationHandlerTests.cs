using System.Net;
using System.Text;
using FitnessClients.Core.Http;
using FitnessClients.Core.Tests.Tokens;
using FitnessClients.Core.Tokens;
using FitnessClients.Testing;
using RichardSzalay.MockHttp;
using FitnessClients.Tests.Shared;

namespace FitnessClients.Core.Tests.Http;

public class AuthenticationHandlerTests
{
    private const string Key = "acct";
    private const string Url = "https://api.example.test/v3/athlete";

    private FakeTimeProvider _clock = null!;
    private InMemoryTokenStore _store = null!;
    private FakeRefresher _refresher = null!;
    private MockHttpMessageHandler _server = null!;
    private HttpClient _client = null!;

    [SetUp]
    public async Task SetUp()
    {
        _clock = new FakeTimeProvider(FakeTimeDefaults.Start);
        _store = new InMemoryTokenStore();
        _refresher = new FakeRefresher(_clock);
        await _store.SaveAsync(Key, TestTokens.Create("access-0", "refresh-0", _clock.GetUtcNow().AddHours(1)));
        _server = new MockHttpMessageHandler();
        var manager = new TokenManager(_store, Key, _refresher, timeProvider: _clock);
        _client = new HttpClient(new AuthenticationHandler(manager) { InnerHandler = _server });
    }

    [TearDown]
    public void TearDown()
    {
        _client.Dispose();
        _server.Dispose();
    }

    [Test]
    public async Task The_access_token_is_sent_with_its_type()
    {
        _server.Expect(HttpMethod.Get, Url).WithHeaders("Authorization", "Bearer access-0").Respond(HttpStatusCode.OK);

        using var response = await _client.GetAsync(Url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        _server.VerifyNoOutstandingExpectation();
        Assert.That(_refresher.Calls, Is.Zero);
    }

    [Test]
    public async Task A_401_refreshes_the_token_and_retries_once_with_the_new_one()
    {
        _server.Expect(HttpMethod.Get, Url).WithHeaders("Authorization", "Bearer access-0").Respond(HttpStatusCode.Unauthorized);
        _server.Expect(HttpMethod.Get, Url).WithHeaders("Authorization", "Bearer access-1").Respond(HttpStatusCode.OK);

        using var response = await _client.GetAsync(Url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        _server.VerifyNoOutstandingExpectation();
        Assert.That(_refresher.Calls, Is.EqualTo(1));
        Assert.That((await _store.LoadAsync(Key))!.AccessToken, Is.EqualTo("access-1"));
    }

    [Test]
    public async Task A_second_401_is_returned_without_another_refresh()
    {
        var attempts = 0;
        _server.When(HttpMethod.Get, Url).Respond(_ =>
        {
            attempts++;
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        });

        using var response = await _client.GetAsync(Url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(attempts, Is.EqualTo(2));
        Assert.That(_refresher.Calls, Is.EqualTo(1));
    }

    [Test]
    public async Task A_post_body_from_a_one_shot_stream_is_sent_intact_on_the_retry()
    {
        var bodies = new List<(string? Authorization, string? ContentType, string Body)>();
        _server.When(HttpMethod.Post, Url).Respond(async request =>
        {
            bodies.Add((
                request.Headers.Authorization?.ToString(),
                request.Content!.Headers.ContentType?.ToString(),
                await request.Content.ReadAsStringAsync()));
            return new HttpResponseMessage(bodies.Count == 1 ? HttpStatusCode.Unauthorized : HttpStatusCode.Created);
        });
        const string payload = "{\"name\":\"Morning run\",\"distance\":10000}";
        using var content = new StreamContent(new ForwardOnlyStream(Encoding.UTF8.GetBytes(payload)));
        content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };

        using var response = await _client.PostAsync(Url, content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(bodies, Is.EqualTo(new[]
        {
            ((string?)"Bearer access-0", (string?)"application/json; charset=utf-8", payload),
            ("Bearer access-1", "application/json; charset=utf-8", payload),
        }));
    }

    [Test]
    public async Task The_retry_carries_the_original_headers_and_options()
    {
        var key = new HttpRequestOptionsKey<string>("test.marker");
        var seen = new List<(string? Accept, string? Custom, string? Marker)>();
        _server.When(HttpMethod.Get, Url).Respond(request =>
        {
            request.Options.TryGetValue(key, out var marker);
            seen.Add((
                request.Headers.Accept.ToString(),
                request.Headers.TryGetValues("X-Custom", out var values) ? string.Join(",", values) : null,
                marker));
            return new HttpResponseMessage(seen.Count == 1 ? HttpStatusCode.Unauthorized : HttpStatusCode.OK);
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Add("X-Custom", "kept");
        request.Options.Set(key, "carried");

        using var response = await _client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(seen, Has.Count.EqualTo(2));
        Assert.That(seen[1], Is.EqualTo(seen[0]));
        Assert.That(seen[1], Is.EqualTo(((string?)"application/json", (string?)"kept", (string?)"carried")));
    }

    [Test]
    public async Task A_request_that_skips_authentication_goes_out_bare_and_its_401_is_not_retried()
    {
        var attempts = 0;
        _server.When(HttpMethod.Post, Url).Respond(request =>
        {
            attempts++;
            Assert.That(request.Headers.Authorization, Is.Null);
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, Url);
        request.Options.Set(FitnessRequestOptions.SkipAuthentication, true);

        using var response = await _client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(attempts, Is.EqualTo(1));
        Assert.That(_refresher.Calls, Is.Zero);
    }

    [Test]
    public async Task Without_a_stored_token_no_request_is_sent()
    {
        await _store.DeleteAsync(Key);
        var route = _server.When(Url);
        route.Respond(HttpStatusCode.OK);

        Assert.That(async () => await _client.GetAsync(Url), Throws.InstanceOf<AuthenticationRequiredException>());
        Assert.That(_server.GetMatchCount(route), Is.Zero);
    }

    /// <summary>A body stream that can be read only once, like a network or pipe stream.</summary>
    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();

        public override long Position
        {
            get => base.Position;
            set => throw new NotSupportedException();
        }
    }
}

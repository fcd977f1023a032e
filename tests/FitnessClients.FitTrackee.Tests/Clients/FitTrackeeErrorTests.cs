using System.Net;
using System.Text;
using FitnessClients.Core;
using FitnessClients.FitTrackee.Models;
using FitnessClients.Testing;
using RichardSzalay.MockHttp;
using static FitnessClients.FitTrackee.Tests.Clients.FitTrackeeJsonBodies;
using static FitnessClients.FitTrackee.Tests.Clients.FitTrackeeTestClient;

namespace FitnessClients.FitTrackee.Tests.Clients;

public class FitTrackeeErrorTests
{
    private const string Json = "application/json";

    private MockHttpMessageHandler _mock = null!;
    private TimerTrackingTimeProvider _clock = null!;

    [SetUp]
    public void SetUp()
    {
        _mock = new MockHttpMessageHandler();
        _clock = new TimerTrackingTimeProvider();
    }

    [TearDown]
    public void TearDown() => _mock.Dispose();

    [Test]
    public async Task The_status_message_shape_becomes_the_exception_message()
    {
        _mock.When(HttpMethod.Patch, Root + "api/workouts/w1")
            .Respond(HttpStatusCode.BadRequest, Json, """{"status":"invalid","message":"Sport id: 2 does not exist"}""");
        using var client = await CreateAsync(_mock, _clock);

        var ex = Assert.ThrowsAsync<FitnessApiException>(() => client.Workouts.UpdateAsync("w1", new FitTrackeeWorkoutUpdate { SportId = 2 }));

        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(ex.Message, Does.Contain("Sport id: 2 does not exist"));
        Assert.That(ex.Service, Is.EqualTo("fittrackee"));
    }

    [Test]
    public async Task The_oauth_shape_insufficient_scope_asks_for_a_sign_in_with_the_scopes()
    {
        _mock.When(HttpMethod.Get, Root + "api/auth/profile")
            .Respond(HttpStatusCode.Forbidden, Json, """{"error":"insufficient_scope","error_description":"The request requires higher privileges than provided by the access token."}""");
        using var client = await CreateAsync(_mock, _clock);

        var ex = Assert.ThrowsAsync<AuthenticationRequiredException>(() => client.Profile.GetAsync());

        Assert.That(ex!.ErrorCode, Is.EqualTo("insufficient_scope"));
        Assert.That(ex.Message, Does.Contain("profile:read").And.Contain("fitness fittrackee login"));
    }

    [Test]
    public async Task The_html_500_shape_is_a_service_failure_and_on_upload_says_the_file_is_the_likely_cause()
    {
        const string html = "<!doctype html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>";
        _mock.When(HttpMethod.Get, Root + "api/sports").Respond(HttpStatusCode.InternalServerError, "text/html", html);
        _mock.When(HttpMethod.Get, Root + "api/config").Respond(Json, Config());
        _mock.When(HttpMethod.Post, Root + "api/workouts").Respond(HttpStatusCode.InternalServerError, "text/html", html);
        using var client = await CreateAsync(_mock, _clock);

        var list = Assert.ThrowsAsync<ServiceUnavailableException>(() => client.Sports.ListAsync());
        Assert.That(list!.Message, Does.Contain("Internal Server Error").And.Not.Contain("<html"));

        using var gpx = new MemoryStream(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><gpx/>"));
        var upload = Assert.ThrowsAsync<ServiceUnavailableException>(() => client.Workouts.UploadAsync(gpx, "a.gpx", new FitTrackeeUploadData { SportId = 1 }));
        Assert.That(upload!.Message, Does.Contain("could not read the file"));
    }

    [Test]
    public async Task A_413_names_the_instances_limit_once_the_config_was_read()
    {
        _mock.When(HttpMethod.Get, Root + "api/config").Respond(Json, Config(maxSingle: 5_000_000));
        _mock.When(HttpMethod.Post, Root + "api/workouts")
            .Respond(HttpStatusCode.RequestEntityTooLarge, Json, """{"status":"fail","message":"Error during workout upload, file size (5.2MB) exceeds 4.8MB."}""");
        using var client = await CreateAsync(_mock, _clock);
        using var gpx = new MemoryStream(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><gpx/>"));

        var ex = Assert.ThrowsAsync<FitnessApiException>(() => client.Workouts.UploadAsync(gpx, "a.gpx", new FitTrackeeUploadData { SportId = 1 }));

        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(ex.Message, Does.Contain("5000000 bytes").And.Contain("exceeds 4.8MB").And.Contain("whole request"));
    }

    [Test]
    public async Task A_429_honours_retry_after_when_the_caller_wants_to_be_told()
    {
        _mock.When(HttpMethod.Get, Root + "api/sports").Respond(_ => TooMany(120));
        var options = Options(_mock, _clock, await StoreWithTokenAsync(_clock));
        var policy = Http.FitTrackeePipeline.CreateDefaultPolicy(_clock);
        options.RateLimitPolicy = new Core.RateLimiting.TokenBucketRateLimitPolicy(20, 10, TimeSpan.FromSeconds(1), _clock)
        {
            Name = "fittrackee", ExhaustionBehavior = Core.RateLimiting.RateLimitExhaustionBehavior.Throw,
        };
        using var client = FitTrackeeClient.Create(options);

        var ex = Assert.ThrowsAsync<RateLimitExceededException>(() => client.Sports.ListAsync());

        Assert.That(ex!.ResumeAt, Is.EqualTo(_clock.GetUtcNow().AddSeconds(120)));
        Assert.That(ex.Message, Does.Contain("rate limit exceeded (300 per 5 minute)"));
        Assert.That(options.RateLimitPolicy.GetStatus().CooldownUntil, Is.EqualTo(_clock.GetUtcNow().AddSeconds(120)));
        Assert.That(policy.UsageReaders.Single(), Is.InstanceOf<Core.RateLimiting.FlaskLimiterHeaderReader>());
    }

    [Test]
    public async Task By_default_a_429_waits_out_retry_after_on_the_clock_and_sends_again()
    {
        var calls = 0;
        _mock.When(HttpMethod.Get, Root + "api/sports").Respond(_ => ++calls == 1 ? TooMany(90) : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Sports, Encoding.UTF8, Json) });
        using var client = await CreateAsync(_mock, _clock);
        var started = _clock.GetUtcNow();

        var sports = await _clock.RunUntilCompletedAsync(client.Sports.ListAsync(), maxAdvance: TimeSpan.FromMinutes(2));

        Assert.That(sports, Has.Count.EqualTo(3));
        Assert.That(calls, Is.EqualTo(2));
        Assert.That(_clock.GetUtcNow() - started, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(90)));
    }

    private static HttpResponseMessage TooMany(int retryAfterSeconds)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            Content = new StringContent("""{"status":"error","message":"rate limit exceeded (300 per 5 minute)"}""", Encoding.UTF8, Json),
        };
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(retryAfterSeconds));
        return response;
    }

    [Test]
    public async Task Flask_limiter_headers_feed_the_bucket()
    {
        _mock.When(HttpMethod.Get, Root + "api/sports").Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Sports, Encoding.UTF8, Json) };
            response.Headers.Add("X-RateLimit-Limit", "300");
            response.Headers.Add("X-RateLimit-Remaining", "2");
            response.Headers.Add("X-RateLimit-Reset", _clock.GetUtcNow().AddMinutes(3).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            return response;
        });
        using var client = await CreateAsync(_mock, _clock);

        await client.Sports.ListAsync();

        var window = Http.FitTrackeePipeline.GetRateLimitPolicy(client.Options).GetStatus().Windows.Single();
        Assert.That(window.Name, Is.EqualTo("fittrackee"));
        Assert.That(window.Limit - window.Used, Is.LessThanOrEqualTo(2), "the server's remaining budget caps the bucket");
    }

    [Test]
    public void Create_refuses_plain_http_to_another_host_and_a_missing_address()
    {
        using var mock = new MockHttpMessageHandler();
        var store = new Core.Tokens.InMemoryTokenStore();
        var options = Options(mock, _clock, store);
        options.BaseAddress = new Uri("http://fittrackee.lan/");
        var ex = Assert.Throws<ArgumentException>(() => FitTrackeeClient.Create(options));
        Assert.That(ex!.Message, Does.Contain("AllowInsecureHttp"));

        options.AllowInsecureHttp = true;
        using (FitTrackeeClient.Create(options))
        {
        }

        options.BaseAddress = new Uri("http://localhost:5000/");
        options.AllowInsecureHttp = false;
        using (FitTrackeeClient.Create(options))
        {
        }

        options.BaseAddress = null;
        Assert.That(Assert.Throws<ArgumentException>(() => FitTrackeeClient.Create(options))!.Message, Does.Contain("self-hosted"));
    }
}

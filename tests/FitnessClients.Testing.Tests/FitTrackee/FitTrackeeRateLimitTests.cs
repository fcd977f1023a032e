using System.Net;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Testing;
using static FitnessClients.Testing.Tests.FitTrackee.FitTrackeeTestSupport;

namespace FitnessClients.Testing.Tests.FitTrackee;

public class FitTrackeeRateLimitTests
{
    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();

    [Test]
    public async Task Without_api_rate_limits_there_are_no_limits_and_no_headers()
    {
        var emulator = Create(1);
        using var http = AuthorizedClient(emulator);

        for (var i = 0; i < 50; i++)
        {
            using var response = await http.GetAsync(new Uri("api/sports", UriKind.Relative));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.Contains("X-RateLimit-Limit"), Is.False);
        }

        Assert.That(emulator.RateLimits, Is.Null);
    }

    [Test]
    public async Task Each_route_and_method_has_its_own_fixed_window_with_flask_limiter_headers_and_a_429_with_retry_after()
    {
        var clock = new FakeTimeProvider(Now);
        var emulator = Create(1, clock, o => o.ApiRateLimits = "3 per minute");
        using var http = AuthorizedClient(emulator);
        var reset = (Now + TimeSpan.FromMinutes(1)).ToUnixTimeSeconds();

        for (var i = 1; i <= 3; i++)
        {
            using var allowed = await http.GetAsync(new Uri("api/workouts", UriKind.Relative));
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Header(allowed, "X-RateLimit-Limit"), Is.EqualTo("3"));
            Assert.That(Header(allowed, "X-RateLimit-Remaining"), Is.EqualTo((3 - i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(Header(allowed, "X-RateLimit-Reset"), Is.EqualTo(reset.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(Header(allowed, "Retry-After"), Is.EqualTo("60"), "Flask-Limiter sets Retry-After on every response");
        }

        using var sports = await http.GetAsync(new Uri("api/sports", UriKind.Relative));
        Assert.That(Header(sports, "X-RateLimit-Remaining"), Is.EqualTo("2"), "another route, another counter");

        clock.Advance(TimeSpan.FromSeconds(20));
        using var refused = await http.GetAsync(new Uri("api/workouts", UriKind.Relative));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(await refused.Content.ReadAsStringAsync(), Is.EqualTo("""{"message":"rate limit exceeded (3 per 1 minute)","status":"error"}"""));
        Assert.That(Header(refused, "Retry-After"), Is.EqualTo("40"));
        Assert.That(Header(refused, "X-RateLimit-Remaining"), Is.EqualTo("0"));
        var report = new FlaskLimiterHeaderReader("api").Read(refused, clock.GetUtcNow()).Single();
        Assert.That((report.Limit, report.Used, report.ResetsAt), Is.EqualTo((3, 3, Now + TimeSpan.FromMinutes(1))));

        clock.Advance(TimeSpan.FromSeconds(40));
        using var again = await http.GetAsync(new Uri("api/workouts", UriKind.Relative));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Header(again, "X-RateLimit-Remaining"), Is.EqualTo("2"));
        Assert.That(emulator.RateLimits!.Responses429, Is.EqualTo(1));
    }

    [Test]
    public async Task With_several_limits_the_headers_report_the_shortest_window_until_one_is_breached()
    {
        var clock = new FakeTimeProvider(Now);
        var emulator = Create(1, clock, o => o.ApiRateLimits = "5 per 1 hour, 2/second");
        using var http = AuthorizedClient(emulator);

        using var first = await http.GetAsync(new Uri("api/config", UriKind.Relative));
        Assert.That((Header(first, "X-RateLimit-Limit"), Header(first, "X-RateLimit-Remaining")), Is.EqualTo(("2", "1")));
        using var second = await http.GetAsync(new Uri("api/config", UriKind.Relative));
        using var third = await http.GetAsync(new Uri("api/config", UriKind.Relative));
        Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(await third.Content.ReadAsStringAsync(), Does.Contain("(2 per 1 second)"));

        for (var i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            using var ok = await http.GetAsync(new Uri("api/config", UriKind.Relative));
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        using var hourly = await http.GetAsync(new Uri("api/config", UriKind.Relative));
        Assert.That(hourly.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(Header(hourly, "X-RateLimit-Limit"), Is.EqualTo("5"));
        Assert.That(await hourly.Content.ReadAsStringAsync(), Does.Contain("(5 per 1 hour)"));
    }

    [Test]
    public async Task The_web_pages_are_exempt_and_the_token_endpoint_is_counted()
    {
        var emulator = Create(1, configure: o => o.ApiRateLimits = "1 per day");
        using var http = emulator.CreateClient();
        var (_, challenge) = Pkce();
        var authorize = $"profile/apps/authorize?response_type=code&client_id={emulator.RegisteredClientId}&scope=profile%3Aread&code_challenge={challenge}&code_challenge_method=S256";

        for (var i = 0; i < 3; i++)
        {
            using var page = await http.GetAsync(new Uri(authorize, UriKind.Relative));
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Found));
            Assert.That(page.Headers.Contains("X-RateLimit-Limit"), Is.False);
        }

        using var token = await http.SendAsync(TokenRequest(emulator, ("grant_type", "refresh_token"), ("refresh_token", "x")));
        Assert.That(Header(token, "X-RateLimit-Remaining"), Is.EqualTo("0"));
        using var limited = await http.SendAsync(TokenRequest(emulator, ("grant_type", "refresh_token"), ("refresh_token", "x")));
        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public void Unreadable_rate_limits_are_refused_at_construction()
    {
        var error = Assert.Throws<ArgumentException>(() => Create(0, configure: o => o.ApiRateLimits = "lots per minute"));
        Assert.That(error!.Message, Does.Contain("lots per minute"));
    }
}

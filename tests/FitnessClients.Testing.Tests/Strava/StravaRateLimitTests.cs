using System.Net;
using FitnessClients.Testing;
using static FitnessClients.Testing.Tests.Strava.StravaTestSupport;

namespace FitnessClients.Testing.Tests.Strava;

public class StravaRateLimitTests
{
    private static string Header(HttpResponseMessage response, string name) => string.Join(",", response.Headers.GetValues(name));

    [Test]
    public async Task Read_limit_gives_429_with_headers_and_body_then_reopens_at_the_next_quarter_hour()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 11, 3, 10, 7, 0, TimeSpan.Zero));
        var strava = Create(5, clock, o => (o.ReadFifteenMinuteLimit, o.ReadDailyLimit) = (3, 5));
        using var http = AuthorizedClient(strava);
        for (var i = 1; i <= 3; i++)
        {
            using var ok = await http.GetAsync(new Uri("api/v3/athlete", UriKind.Relative));
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Header(ok, "X-RateLimit-Limit"), Is.EqualTo("200,2000"));
            Assert.That(Header(ok, "X-RateLimit-Usage"), Is.EqualTo($"{i},{i}"));
            Assert.That(Header(ok, "X-ReadRateLimit-Limit"), Is.EqualTo("3,5"));
            Assert.That(Header(ok, "X-ReadRateLimit-Usage"), Is.EqualTo($"{i},{i}"));
        }

        using var limited = await http.GetAsync(new Uri("api/v3/athlete", UriKind.Relative));
        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(await limited.Content.ReadAsStringAsync(), Is.EqualTo(Fault("Rate Limit Exceeded", "Application", "read rate limit", "exceeded")));
        Assert.That(limited.Headers.RetryAfter, Is.Null);
        Assert.That(Header(limited, "X-ReadRateLimit-Usage"), Is.EqualTo("3,4"), "a refused request still counts toward the day");

        clock.SetUtcNow(new DateTimeOffset(2025, 11, 3, 10, 15, 0, TimeSpan.Zero));
        using var reopened = await http.GetAsync(new Uri("api/v3/athlete", UriKind.Relative));
        Assert.That(reopened.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Header(reopened, "X-ReadRateLimit-Usage"), Is.EqualTo("1,5"));

        using var daily = await http.GetAsync(new Uri("api/v3/athlete", UriKind.Relative));
        Assert.That(daily.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "the daily read window is full");

        clock.SetUtcNow(new DateTimeOffset(2025, 11, 4, 0, 0, 0, TimeSpan.Zero));
        using var fresh = AuthorizedClient(strava); // the six-hour token is gone by midnight
        using var nextDay = await fresh.GetAsync(new Uri("api/v3/athlete", UriKind.Relative));
        Assert.That(nextDay.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(strava.RateLimits!.Responses429, Is.EqualTo(2));
        Assert.That(strava.RateLimits.TotalRequests, Is.EqualTo(7));
        Assert.That(strava.RateLimits.GetWindow(StravaEmulator.OverallDailyWindow).GetStatus().Used, Is.EqualTo(1));
    }

    [Test]
    public async Task Uploads_count_only_toward_the_overall_limit_which_names_itself_in_the_429()
    {
        var strava = Create(5, configure: o => o.OverallFifteenMinuteLimit = 2);
        using var http = AuthorizedClient(strava, "activity:write", "activity:read_all");
        using var upload = await http.PostAsync(new Uri("api/v3/uploads", UriKind.Relative), StravaUploadTests.Upload([1, 2, 3], "fit"));
        Assert.That(Header(upload, "X-RateLimit-Usage"), Is.EqualTo("1,1"));
        Assert.That(Header(upload, "X-ReadRateLimit-Usage"), Is.EqualTo("0,0"));
        using var read = await http.GetAsync(new Uri("api/v3/athlete", UriKind.Relative));
        using var limited = await http.GetAsync(new Uri("api/v3/athlete", UriKind.Relative));
        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(await limited.Content.ReadAsStringAsync(), Is.EqualTo(Fault("Rate Limit Exceeded", "Application", "overall rate limit", "exceeded")));
    }

    [Test]
    public async Task Token_and_website_requests_carry_no_rate_limit_headers_and_limits_can_be_disabled()
    {
        var strava = Create(5, configure: o => (o.EnforceRateLimits, o.ReadFifteenMinuteLimit) = (false, 1));
        using var http = AuthorizedClient(strava);
        for (var i = 0; i < 3; i++)
        {
            using var ok = await http.GetAsync(new Uri("api/v3/athlete", UriKind.Relative));
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Header(ok, "X-ReadRateLimit-Usage"), Is.EqualTo($"{i + 1},{i + 1}"));
        }

        using var token = await http.SendAsync(TokenRequest(strava, ("grant_type", "refresh_token"), ("refresh_token", "unknown")));
        Assert.That(token.Headers.Contains("X-RateLimit-Usage"), Is.False);
    }
}

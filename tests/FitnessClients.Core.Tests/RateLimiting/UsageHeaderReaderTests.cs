using System.Net;
using FitnessClients.Core.RateLimiting;
using static FitnessClients.Core.Tests.RateLimiting.RateLimitTestKit;

namespace FitnessClients.Core.Tests.RateLimiting;

public class UsageHeaderReaderTests
{
    private static readonly DateTimeOffset Now = Utc(8, 7);

    private static readonly CommaSeparatedUsageHeaderReader Overall =
        new("X-RateLimit-Limit", "X-RateLimit-Usage", "overall 15-minute", "overall daily");

    [Test]
    public void Strava_pairs_give_one_report_per_position()
    {
        var response = Response(HttpStatusCode.OK, ("X-RateLimit-Limit", "200,2000"), ("X-RateLimit-Usage", "79,222"));

        Assert.That(Overall.Read(response, Now), Is.EqualTo(new[]
        {
            new RateLimitUsageReport("overall 15-minute", 200, 79),
            new RateLimitUsageReport("overall daily", 2000, 222),
        }));
    }

    [Test]
    public void Header_names_are_matched_ignoring_case_and_values_are_trimmed()
    {
        var response = Response(HttpStatusCode.OK, ("x-ratelimit-limit", " 600 , 30000 "), ("X-RATELIMIT-USAGE", "601, 602"));

        Assert.That(Overall.Read(response, Now), Is.EqualTo(new[]
        {
            new RateLimitUsageReport("overall 15-minute", 600, 601),
            new RateLimitUsageReport("overall daily", 30000, 602),
        }));
    }

    [Test]
    public void Missing_headers_give_no_report()
    {
        Assert.That(Overall.Read(Response(), Now), Is.Empty);
        Assert.That(Overall.Read(Response(HttpStatusCode.OK, ("X-RateLimit-Limit", "200,2000")), Now), Is.Empty);
    }

    [TestCase("abc,2000", "79,222", "overall daily")]
    [TestCase("200,2000", "-1,222", "overall daily")]
    [TestCase("200,2000", "7.5,222", "overall daily")]
    [TestCase("0,2000", "79,222", "overall daily")]
    [TestCase("200,2000", "79,", "overall 15-minute")]
    [TestCase("200", "79,222", "overall 15-minute")]
    public void A_garbage_position_is_skipped_and_the_others_still_count(string limits, string usages, string survivor)
    {
        var response = Response(HttpStatusCode.OK, ("X-RateLimit-Limit", limits), ("X-RateLimit-Usage", usages));

        Assert.That(Overall.Read(response, Now).Select(r => r.WindowName), Is.EqualTo(new[] { survivor }));
    }

    [Test]
    public void Complete_garbage_gives_no_report()
    {
        var response = Response(HttpStatusCode.OK, ("X-RateLimit-Limit", "lots"), ("X-RateLimit-Usage", "\u00a0,,;"));

        Assert.That(Overall.Read(response, Now), Is.Empty);
    }

    [Test]
    public void Flask_limiter_headers_give_used_as_limit_minus_remaining_and_the_epoch_reset()
    {
        var reader = new FlaskLimiterHeaderReader("api");
        var reset = Utc(8, 10);
        var response = Response(
            HttpStatusCode.OK,
            ("X-RateLimit-Limit", "300"),
            ("x-ratelimit-remaining", " 295 "),
            ("X-RateLimit-Reset", reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.That(reader.Read(response, Now), Is.EqualTo(new[] { new RateLimitUsageReport("api", 300, 5, reset) }));
    }

    [Test]
    public void Flask_limiter_resets_can_be_read_as_seconds_from_now()
    {
        var reader = new FlaskLimiterHeaderReader("api") { ResetIsRelative = true };
        var response = Response(HttpStatusCode.OK, ("X-RateLimit-Limit", "300"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "42"));

        var report = reader.Read(response, Now).Single();
        Assert.That(report.ResetsAt, Is.EqualTo(Now.AddSeconds(42)));
        Assert.That(report.IsExhausted, Is.True);
    }

    [TestCase("300", "301", "1767600000")]
    [TestCase("300", "x", "1767600000")]
    [TestCase("", "3", "1767600000")]
    [TestCase("-5", "3", "1767600000")]
    public void Flask_limiter_headers_that_make_no_sense_give_no_report(string limit, string remaining, string reset)
    {
        var reader = new FlaskLimiterHeaderReader("api");
        var response = Response(HttpStatusCode.OK, ("X-RateLimit-Limit", limit), ("X-RateLimit-Remaining", remaining), ("X-RateLimit-Reset", reset));

        Assert.That(reader.Read(response, Now), Is.Empty);
    }

    [TestCase("soon")]
    [TestCase("99999999999999")]
    [TestCase("")]
    public void A_garbage_reset_still_gives_the_usage_without_a_reset_time(string reset)
    {
        var reader = new FlaskLimiterHeaderReader("api");
        var response = Response(HttpStatusCode.OK, ("X-RateLimit-Limit", "300"), ("X-RateLimit-Remaining", "10"), ("X-RateLimit-Reset", reset));

        Assert.That(reader.Read(response, Now), Is.EqualTo(new[] { new RateLimitUsageReport("api", 300, 290) }));
    }

    [Test]
    public void Header_names_are_configurable()
    {
        var reader = new FlaskLimiterHeaderReader("api") { LimitHeader = "RateLimit-Limit", RemainingHeader = "RateLimit-Remaining" };
        var response = Response(HttpStatusCode.OK, ("RateLimit-Limit", "60"), ("RateLimit-Remaining", "59"));

        Assert.That(reader.Read(response, Now), Is.EqualTo(new[] { new RateLimitUsageReport("api", 60, 1) }));
    }
}

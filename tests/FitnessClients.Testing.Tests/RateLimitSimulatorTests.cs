using System.Net;
using FitnessClients.Core.Http;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests;

public class RateLimitSimulatorTests
{
    private const string StravaOverallBody = """{"message":"Rate Limit Exceeded","errors":[{"resource":"Application","field":"rate limit","code":"exceeded"}]}""";
    private const string StravaReadBody = """{"message":"Rate Limit Exceeded","errors":[{"resource":"Application","field":"read rate limit","code":"exceeded"}]}""";

    private static RateLimitSimulator StravaLike(TimeProvider clock, int shortLimit, int dailyLimit, int readShortLimit = 1000, int readDailyLimit = 10000)
    {
        var limits = new RateLimitSimulator(clock);
        limits.AddWindow("overall-15min", shortLimit, TimeSpan.FromMinutes(15));
        limits.AddWindow("overall-daily", dailyLimit, TimeSpan.FromDays(1));
        bool IsRead(EmulatorRequest r) => !(r.Method == HttpMethod.Post && r.Path.EndsWith("/upload", StringComparison.Ordinal));
        limits.AddWindow("read-15min", readShortLimit, TimeSpan.FromMinutes(15), IsRead);
        limits.AddWindow("read-daily", readDailyLimit, TimeSpan.FromDays(1), IsRead);
        limits.HeaderWriter = RateLimitHeaderWriters.Combine(
            RateLimitHeaderWriters.CommaSeparatedPairs("X-RateLimit-Limit", "X-RateLimit-Usage", "overall-15min", "overall-daily"),
            RateLimitHeaderWriters.CommaSeparatedPairs("X-ReadRateLimit-Limit", "X-ReadRateLimit-Usage", "read-15min", "read-daily"));
        limits.TooManyRequestsResponse = (_, decision) => EmulatorResponses.Json(
            HttpStatusCode.TooManyRequests,
            decision.ExceededWindow!.Name.StartsWith("read", StringComparison.Ordinal) ? StravaReadBody : StravaOverallBody);
        return limits;
    }

    private static string Usage(HttpResponseMessage response, string header = "X-RateLimit-Usage") => string.Join(",", response.Headers.GetValues(header));

    [Test]
    public async Task Windows_on_the_UTC_clock_reject_over_the_limit_and_reopen_at_the_quarter_hour_and_midnight([Values] Transport transport)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 8, 7, 0, TimeSpan.Zero));
        var emulator = new TestEmulator(clock);
        emulator.RateLimits = StravaLike(clock, shortLimit: 3, dailyLimit: 5);
        await using var connection = await EmulatorConnection.OpenAsync(emulator, transport);
        var client = connection.Client;

        var usages = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await client.GetAsync("api/items");
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(string.Join(",", ok.Headers.GetValues("X-RateLimit-Limit")), Is.EqualTo("3,5"));
            usages.Add(Usage(ok));
        }

        Assert.That(usages, Is.EqualTo(new[] { "1,1", "2,2", "3,3" }));

        using (var limited = await client.GetAsync("api/items"))
        {
            Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(await limited.Content.ReadAsStringAsync(), Is.EqualTo(StravaOverallBody));
            Assert.That(Usage(limited), Is.EqualTo("4,4"), "a rejected request still counts, toward the daily window too");
            Assert.That(limited.Headers.RetryAfter, Is.Null, "Strava sends no Retry-After");
        }

        Assert.That(emulator.RateLimits.GetWindow("overall-15min").GetStatus().ResetsAt, Is.EqualTo(new DateTimeOffset(2026, 1, 5, 8, 15, 0, TimeSpan.Zero)));

        clock.SetUtcNow(new DateTimeOffset(2026, 1, 5, 8, 14, 59, TimeSpan.Zero));
        Assert.That((await client.GetAsync("api/items")).StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));

        clock.SetUtcNow(new DateTimeOffset(2026, 1, 5, 8, 15, 0, TimeSpan.Zero));
        using (var dailyExhausted = await client.GetAsync("api/items"))
        {
            // The quarter hour reopened, but the day's 5 are spent (the rejected ones counted).
            Assert.That(dailyExhausted.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(Usage(dailyExhausted), Is.EqualTo("1,6"));
        }

        clock.SetUtcNow(new DateTimeOffset(2026, 1, 6, 0, 0, 0, TimeSpan.Zero));
        using (var nextDay = await client.GetAsync("api/items"))
        {
            Assert.That(nextDay.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Usage(nextDay), Is.EqualTo("1,1"));
        }

        var simulator = emulator.RateLimits;
        Assert.That(simulator.TotalRequests, Is.EqualTo(7));
        Assert.That(simulator.Responses429, Is.EqualTo(3));
        Assert.That(simulator.GetWindow("overall-15min").Rejections, Is.EqualTo(2));
        Assert.That(simulator.GetWindow("overall-daily").Rejections, Is.EqualTo(1));
        Assert.That(simulator.GetWindow("overall-daily").TotalCounted, Is.EqualTo(7));
        Assert.That(emulator.Requests.Where(r => r.RateLimited).Select(r => r.Sequence), Is.EqualTo(new long[] { 4, 5, 6 }));
    }

    [Test]
    public async Task A_window_counts_only_the_requests_its_predicate_accepts()
    {
        var clock = new FakeTimeProvider(FakeTimeDefaults.Start);
        var emulator = new TestEmulator(clock) { RateLimits = StravaLike(clock, shortLimit: 100, dailyLimit: 1000, readShortLimit: 2) };
        using var client = emulator.CreateClient();

        (await client.GetAsync("api/items")).Dispose();
        (await client.GetAsync("api/items")).Dispose();
        using var readLimited = await client.GetAsync("api/items");
        Assert.That(readLimited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(await readLimited.Content.ReadAsStringAsync(), Is.EqualTo(StravaReadBody));
        Assert.That(Usage(readLimited, "X-ReadRateLimit-Usage"), Is.EqualTo("3,3"));

        using var form = new MultipartFormDataContent { { new ByteArrayContent([1]), "file", "a.fit" } };
        using var upload = await client.PostAsync("api/upload", form);
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created), "uploads are outside the read window");
        Assert.That(Usage(upload), Is.EqualTo("4,4"));
        Assert.That(Usage(upload, "X-ReadRateLimit-Usage"), Is.EqualTo("3,3"));
    }

    [Test]
    public async Task A_window_can_start_at_the_first_request_with_Flask_Limiter_headers()
    {
        var clock = new FakeTimeProvider(FakeTimeDefaults.Start);
        clock.Advance(TimeSpan.FromMinutes(10)); // 08:10
        var emulator = new TestEmulator(clock) { RateLimits = new RateLimitSimulator(clock) };
        var window = emulator.RateLimits.AddWindow("hourly", 3, TimeSpan.FromHours(1), alignment: RateLimitWindowAlignment.FirstRequest);
        window.CountsRejectedRequests = false;
        emulator.RateLimits.HeaderWriter = RateLimitHeaderWriters.LimitRemainingReset("hourly");
        emulator.RateLimits.TooManyRequestsResponse = (_, _) => EmulatorResponses.Json(HttpStatusCode.TooManyRequests, """{"status":"error","message":"Too Many Requests"}""");
        using var client = emulator.CreateClient();
        var resetAt = new DateTimeOffset(2026, 1, 5, 9, 10, 0, TimeSpan.Zero);

        using (var first = await client.GetAsync("api/items"))
        {
            Assert.That(first.Headers.GetValues("X-RateLimit-Limit").Single(), Is.EqualTo("3"));
            Assert.That(first.Headers.GetValues("X-RateLimit-Remaining").Single(), Is.EqualTo("2"));
            Assert.That(first.Headers.GetValues("X-RateLimit-Reset").Single(), Is.EqualTo(resetAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        clock.Advance(TimeSpan.FromMinutes(20));
        (await client.GetAsync("api/items")).Dispose();
        (await client.GetAsync("api/items")).Dispose();
        using (var limited = await client.GetAsync("api/items"))
        {
            Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(limited.Headers.GetValues("X-RateLimit-Remaining").Single(), Is.EqualTo("0"));
            Assert.That(RetryAfter.GetDelay(limited, clock.GetUtcNow()), Is.EqualTo(TimeSpan.FromMinutes(40)));
        }

        Assert.That(window.GetStatus().Used, Is.EqualTo(3), "rejections do not count in this window");
        clock.SetUtcNow(resetAt);
        using var reopened = await client.GetAsync("api/items");
        Assert.That(reopened.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(window.GetStatus().ResetsAt, Is.EqualTo(resetAt.AddHours(1)));
    }

    [Test]
    public async Task Disabled_enforcement_still_counts_and_writes_headers_and_Reset_forgets_counts()
    {
        var clock = new FakeTimeProvider(FakeTimeDefaults.Start);
        var emulator = new TestEmulator(clock) { RateLimits = StravaLike(clock, shortLimit: 1, dailyLimit: 10) };
        emulator.RateLimits.Enabled = false;
        using var client = emulator.CreateClient();
        (await client.GetAsync("api/items")).Dispose();
        using var second = await client.GetAsync("api/items");
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Usage(second), Is.EqualTo("2,2"));

        var status = emulator.RateLimits.GetStatus();
        Assert.That(status.Windows.Select(w => w.Name), Is.EqualTo(new[] { "overall-15min", "overall-daily", "read-15min", "read-daily" }));
        Assert.That(status.Windows[0].Remaining, Is.Zero);
        Assert.That(status.CooldownUntil, Is.Null);

        emulator.RateLimits.Reset();
        Assert.That(emulator.RateLimits.TotalRequests, Is.Zero);
        Assert.That(emulator.RateLimits.GetStatus().Windows.Select(w => w.Used), Is.All.Zero);
    }

    [Test]
    public void Window_names_are_unique_and_lengths_positive()
    {
        var limits = new RateLimitSimulator(new FakeTimeProvider(FakeTimeDefaults.Start));
        limits.AddWindow("a", 1, TimeSpan.FromMinutes(1));
        Assert.That(() => limits.AddWindow("a", 1, TimeSpan.FromMinutes(1)), Throws.ArgumentException);
        Assert.That(() => limits.AddWindow("b", 1, TimeSpan.Zero), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => limits.GetWindow("zzz"), Throws.InstanceOf<KeyNotFoundException>());
    }
}

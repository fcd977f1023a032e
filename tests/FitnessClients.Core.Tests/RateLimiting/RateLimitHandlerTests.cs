using System.Net;
using System.Text;
using FitnessClients.Core.Http;
using FitnessClients.Core.RateLimiting;
using FitnessClients.Testing;
using RichardSzalay.MockHttp;
using static FitnessClients.Core.Tests.RateLimiting.RateLimitTestKit;

namespace FitnessClients.Core.Tests.RateLimiting;

public class RateLimitHandlerTests
{
    private const string Url = "https://api.example.test/api/v3/athlete/activities";

    private static FixedWindowRateLimitPolicy Policy(TimerTrackingTimeProvider clock, RateLimitExhaustionBehavior behavior, int limit = 100) =>
        new([RateLimitWindow.QuarterHour("15-minute", limit)], clock)
        {
            MaxJitter = TimeSpan.Zero,
            ExhaustionBehavior = behavior,
            UsageReaders = [new FlaskLimiterHeaderReader("15-minute")],
        };

    private static HttpClient Client(RateLimitPolicy policy, MockHttpMessageHandler mock, int maxResends = 3) =>
        new(new RateLimitHandler(policy) { InnerHandler = mock, MaxResendsAfterTooManyRequests = maxResends })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

    [Test]
    public async Task A_permit_is_taken_before_the_request_is_sent()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 7));
        var policy = Policy(clock, RateLimitExhaustionBehavior.Throw, limit: 1);
        var mock = new MockHttpMessageHandler();
        var sent = mock.When(Url).Respond(HttpStatusCode.OK);
        using var client = Client(policy, mock);

        using var first = await client.GetAsync(new Uri(Url));
        var ex = Assert.ThrowsAsync<RateLimitExceededException>(async () => await client.GetAsync(new Uri(Url)));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ex!.ResumeAt, Is.EqualTo(Utc(8, 15)));
        Assert.That(mock.GetMatchCount(sent), Is.EqualTo(1), "the refused request never reached the wire");
    }

    [Test]
    public async Task In_wait_mode_a_request_beyond_the_window_is_sent_when_the_window_reopens()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 14, 50));
        var policy = Policy(clock, RateLimitExhaustionBehavior.Wait, limit: 1);
        var mock = new MockHttpMessageHandler();
        var arrivals = new List<DateTimeOffset>();
        mock.When(Url).Respond(_ =>
        {
            arrivals.Add(clock.GetUtcNow());
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var client = Client(policy, mock);
        using var first = await client.GetAsync(new Uri(Url));

        var second = client.GetAsync(new Uri(Url));
        WaitForTimers(clock);
        Assert.That(arrivals, Has.Count.EqualTo(1));

        clock.SetUtcNow(Utc(8, 15));
        using var response = await Completes(second);
        Assert.That(arrivals, Is.EqualTo(new[] { Utc(8, 14, 50), Utc(8, 15) }));
    }

    [Test]
    public async Task In_wait_mode_a_429_is_waited_out_and_the_same_request_sent_again_after_retry_after()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 7));
        var policy = Policy(clock, RateLimitExhaustionBehavior.Wait);
        var mock = new MockHttpMessageHandler();
        var arrivals = new List<(DateTimeOffset At, string Body, string? ContentType, string? Custom)>();
        mock.When(HttpMethod.Post, Url).Respond(request =>
        {
            arrivals.Add((
                clock.GetUtcNow(),
                request.Content!.ReadAsStringAsync().GetAwaiter().GetResult(),
                request.Content.Headers.ContentType?.MediaType,
                request.Headers.TryGetValues("X-Custom", out var values) ? values.Single() : null));
            var response = new HttpResponseMessage(arrivals.Count == 1 ? HttpStatusCode.TooManyRequests : HttpStatusCode.Created);
            if (arrivals.Count == 1)
            {
                response.Headers.TryAddWithoutValidation("Retry-After", "30");
            }

            return response;
        });
        using var client = Client(policy, mock);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Url))
        {
            Content = new StringContent("{\"name\":\"Morning Ride\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Custom", "kept");

        var sending = client.SendAsync(request);
        WaitForTimers(clock);
        Assert.That(sending.IsCompleted, Is.False);
        Assert.That(arrivals, Has.Count.EqualTo(1));

        clock.SetUtcNow(Utc(8, 7, 29));
        Assert.That(arrivals, Has.Count.EqualTo(1), "nothing is re-sent before Retry-After has passed");

        clock.SetUtcNow(Utc(8, 7, 30));
        using var response = await Completes(sending);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.RequestMessage, Is.SameAs(request));
        Assert.That(arrivals.Select(a => a.At), Is.EqualTo(new[] { Utc(8, 7), Utc(8, 7, 30) }));
        Assert.That(arrivals[1].Body, Is.EqualTo("{\"name\":\"Morning Ride\"}"));
        Assert.That(arrivals[1].ContentType, Is.EqualTo("application/json"));
        Assert.That(arrivals[1].Custom, Is.EqualTo("kept"));
        Assert.That(policy.GetStatus().Windows.Single().Used, Is.EqualTo(2), "the re-send took a permit too");
    }

    [Test]
    public async Task In_wait_mode_the_last_429_is_returned_after_the_allowed_resends()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 7));
        var policy = Policy(clock, RateLimitExhaustionBehavior.Wait);
        var mock = new MockHttpMessageHandler();
        var calls = 0;
        mock.When(Url).Respond(_ =>
        {
            Interlocked.Increment(ref calls);
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            response.Headers.TryAddWithoutValidation("Retry-After", "10");
            return response;
        });
        using var client = Client(policy, mock, maxResends: 2);

        var sending = client.GetAsync(new Uri(Url));
        for (var resend = 1; resend <= 2; resend++)
        {
            var before = resend;
            WaitFor(() => clock.PendingTimerCount > 0 && Volatile.Read(ref calls) == before, $"waiting before re-send {resend}");
            clock.AdvanceToNextTimer();
        }

        using var response = await Completes(sending);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(calls, Is.EqualTo(3));
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Utc(8, 7, 20)));
    }

    [Test]
    public async Task In_throw_mode_a_429_is_returned_as_it_is_for_the_error_mapping_to_handle()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 7));
        var policy = Policy(clock, RateLimitExhaustionBehavior.Throw);
        var mock = new MockHttpMessageHandler();
        var sent = mock.When(Url).Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            response.Headers.TryAddWithoutValidation("Retry-After", "30");
            return response;
        });
        using var client = Client(policy, mock);

        using var response = await client.GetAsync(new Uri(Url));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(mock.GetMatchCount(sent), Is.EqualTo(1));
        Assert.That(policy.GetStatus().CooldownUntil, Is.EqualTo(Utc(8, 7, 30)), "the policy still learned from it");
    }

    [Test]
    public async Task Usage_headers_of_each_response_reach_the_policy()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 7));
        var policy = Policy(clock, RateLimitExhaustionBehavior.Wait);
        var mock = new MockHttpMessageHandler();
        mock.When(Url).Respond(HttpStatusCode.OK, [new("X-RateLimit-Limit", "100"), new("X-RateLimit-Remaining", "37")], "application/json", "[]");
        using var client = Client(policy, mock);

        using var response = await client.GetAsync(new Uri(Url));

        Assert.That(policy.GetStatus().Windows.Single().Used, Is.EqualTo(63));
    }

    [Test]
    public async Task Cancelling_while_waiting_for_a_permit_sends_nothing()
    {
        var clock = new TimerTrackingTimeProvider(Utc(8, 7));
        var policy = Policy(clock, RateLimitExhaustionBehavior.Wait, limit: 1);
        var mock = new MockHttpMessageHandler();
        var sent = mock.When(Url).Respond(HttpStatusCode.OK);
        using var client = Client(policy, mock);
        using var first = await client.GetAsync(new Uri(Url));
        using var cts = new CancellationTokenSource();

        var second = client.GetAsync(new Uri(Url), cts.Token);
        WaitForTimers(clock);
        await cts.CancelAsync();

        Assert.That(async () => await Completes(second), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(mock.GetMatchCount(sent), Is.EqualTo(1));
    }
}

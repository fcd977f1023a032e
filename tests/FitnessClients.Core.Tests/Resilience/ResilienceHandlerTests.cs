using System.Net;
using System.Text;
using FitnessClients.Core.Http;
using FitnessClients.Core.Resilience;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;
using RichardSzalay.MockHttp;
using FitnessClients.Tests.Shared;

namespace FitnessClients.Core.Tests.Resilience;

public class ResilienceHandlerTests
{
    private const string Url = "https://www.strava.com/api/v3/athlete/activities";

    private static HttpResponseMessage Status(HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent("{\"message\":\"x\"}", Encoding.UTF8, "application/json") };
        if (retryAfter is { } wait)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(wait);
        }

        return response;
    }

    [Test]
    public async Task A_503_then_200_is_retried_and_returns_the_200()
    {
        using var h = new PipelineHarness();
        h.Mock.Expect(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.ServiceUnavailable));
        h.Mock.Expect(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.OK));

        var call = h.Client.GetAsync(Url);
        await h.DriveAsync(call);
        using var response = await call;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(h.AttemptCount, Is.EqualTo(2));
        var attempts = h.Recorder.Attempts.ToArray();
        Assert.That(attempts[1].At - attempts[0].At, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromSeconds(30)), "a jittered backoff on the fake clock");
        h.Mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task A_429_with_Retry_After_7_delays_the_next_attempt_by_exactly_7_seconds()
    {
        using var h = new PipelineHarness();
        h.Mock.Expect(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(7)));
        h.Mock.Expect(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.OK));

        var call = h.Client.GetAsync(Url);
        await h.WaitForNextTimerAsync(h.Start + TimeSpan.FromSeconds(7));
        h.Clock.Advance(TimeSpan.FromSeconds(7) - TimeSpan.FromMilliseconds(1));

        Assert.That(h.AttemptCount, Is.EqualTo(1), "nothing is sent before +7 s");
        Assert.That(h.Clock.NextTimerDue, Is.EqualTo(h.Start + TimeSpan.FromSeconds(7)), "the delay is still waiting");
        Assert.That(call.IsCompleted, Is.False);

        h.Clock.Advance(TimeSpan.FromMilliseconds(1));
        using var response = await call.WaitAsync(PipelineHarness.WaitCap);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(h.Recorder.Attempts.Select(a => a.At), Is.EqualTo(new[] { h.Start, h.Start + TimeSpan.FromSeconds(7) }));
    }

    [Test]
    public void A_429_asking_for_longer_than_MaxRetryAfter_is_not_retried_but_reported_with_its_wait()
    {
        using var h = new PipelineHarness();
        h.Mock.Expect(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(61)));

        var ex = Assert.ThrowsAsync<RateLimitExceededException>(() => h.Client.GetAsync(Url));

        Assert.That(h.AttemptCount, Is.EqualTo(1));
        Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(61)));
        Assert.That(ex.ResumeAt, Is.EqualTo(h.Start + TimeSpan.FromSeconds(61)));
    }

    [Test]
    public void A_429_without_Retry_After_is_not_retried()
    {
        using var h = new PipelineHarness();
        h.Mock.Expect(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.TooManyRequests));

        var ex = Assert.ThrowsAsync<RateLimitExceededException>(() => h.Client.GetAsync(Url));

        Assert.That(h.AttemptCount, Is.EqualTo(1));
        Assert.That(ex!.ResumeAt, Is.EqualTo(h.Start + TimeSpan.FromSeconds(60)), "the documented default wait");
    }

    [Test]
    public void A_503_asking_for_longer_than_MaxRetryAfter_is_not_retried()
    {
        using var h = new PipelineHarness();
        h.Mock.Expect(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.ServiceUnavailable, TimeSpan.FromMinutes(10)));

        var ex = Assert.ThrowsAsync<ServiceUnavailableException>(() => h.Client.GetAsync(Url));

        Assert.That(h.AttemptCount, Is.EqualTo(1));
        Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromMinutes(10)));
    }

    [Test]
    public void A_POST_is_not_retried()
    {
        using var h = new PipelineHarness();
        h.Mock.When(HttpMethod.Post, Url).Respond(_ => Status(HttpStatusCode.ServiceUnavailable));

        var ex = Assert.ThrowsAsync<ServiceUnavailableException>(() => h.Client.PostAsync(Url, new StringContent("name=Run")));

        Assert.That(h.AttemptCount, Is.EqualTo(1));
        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(ex.RequestMethod, Is.EqualTo("POST"));
        Assert.That(h.Clock.PendingTimerCount, Is.Zero, "no retry delay is waiting");
    }

    [Test]
    public async Task An_opted_in_POST_is_retried_with_the_same_body()
    {
        using var h = new PipelineHarness();
        h.Mock.Expect(HttpMethod.Post, Url).Respond(_ => Status(HttpStatusCode.BadGateway));
        h.Mock.Expect(HttpMethod.Post, Url).Respond(_ => Status(HttpStatusCode.Created));
        const string body = "{\"name\":\"Morning Run\",\"sport_type\":\"Run\"}";
        using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new StreamContent(new ForwardOnlyStream(Encoding.UTF8.GetBytes(body))) };
        request.Options.Set(FitnessRequestOptions.AllowRetry, true);

        var call = h.Client.SendAsync(request);
        await h.DriveAsync(call);
        using var response = await call;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(h.Recorder.Attempts.Select(a => a.Body), Is.EqualTo(new[] { body, body }));
    }

    [Test]
    public async Task A_retried_PUT_resends_the_same_body_from_a_stream_that_can_be_read_once()
    {
        using var h = new PipelineHarness();
        h.Mock.Expect(HttpMethod.Put, Url + "/1").Respond(_ => Status(HttpStatusCode.ServiceUnavailable));
        h.Mock.Expect(HttpMethod.Put, Url + "/1").Respond(_ => Status(HttpStatusCode.OK));
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)('a' + (i % 26))).ToArray();

        var call = h.Client.PutAsync(Url + "/1", new StreamContent(new ForwardOnlyStream(bytes)));
        await h.DriveAsync(call);
        using var response = await call;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var expected = Encoding.UTF8.GetString(bytes);
        Assert.That(h.Recorder.Attempts.Select(a => a.Body), Is.EqualTo(new[] { expected, expected }));
    }

    [Test]
    public async Task RetryUnsafeMethods_retries_every_POST()
    {
        using var h = new PipelineHarness(new ResilienceOptions { RetryUnsafeMethods = true });
        h.Mock.Expect(HttpMethod.Post, Url).Respond(_ => Status(HttpStatusCode.ServiceUnavailable));
        h.Mock.Expect(HttpMethod.Post, Url).Respond(_ => Status(HttpStatusCode.OK));

        var call = h.Client.PostAsync(Url, new StringContent("x"));
        await h.DriveAsync(call);
        using var response = await call;

        Assert.That(h.AttemptCount, Is.EqualTo(2));
    }

    [TestCase(HttpStatusCode.BadRequest, typeof(FitnessApiException))]
    [TestCase(HttpStatusCode.Unauthorized, typeof(AuthenticationRequiredException))]
    [TestCase(HttpStatusCode.Forbidden, typeof(FitnessApiException))]
    [TestCase(HttpStatusCode.NotFound, typeof(ResourceNotFoundException))]
    [TestCase(HttpStatusCode.Conflict, typeof(FitnessApiException))]
    [TestCase(HttpStatusCode.UnprocessableEntity, typeof(FitnessApiException))]
    public void Client_errors_are_not_retried(HttpStatusCode status, Type expected)
    {
        using var h = new PipelineHarness();
        h.Mock.When(HttpMethod.Get, Url).Respond(_ => Status(status));

        var ex = Assert.CatchAsync<FitnessApiException>(() => h.Client.GetAsync(Url));

        Assert.That(ex, Is.TypeOf(expected));
        Assert.That(ex!.StatusCode, Is.EqualTo(status));
        Assert.That(h.AttemptCount, Is.EqualTo(1));
        Assert.That(h.Clock.PendingTimerCount, Is.Zero);
    }

    [Test]
    public async Task Network_errors_are_retried()
    {
        using var h = new PipelineHarness();
        h.Recorder.Faults.Enqueue(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        h.Recorder.Faults.Enqueue(new IOException("Connection reset by peer"));
        h.Mock.Expect(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.OK));

        var call = h.Client.GetAsync(Url);
        await h.DriveAsync(call);
        using var response = await call;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(h.AttemptCount, Is.EqualTo(3));
    }

    [Test]
    public async Task Attempt_timeouts_are_retried_then_reported_as_ServiceUnavailable()
    {
        using var h = new PipelineHarness(new ResilienceOptions { Retry = { MaxRetryAttempts = 2 } });
        h.Mock.When(HttpMethod.Get, Url).Respond(PipelineHarness.Hang);

        var call = h.Client.GetAsync(Url);
        await h.DriveHangingAsync(call, idleTimers: 1);
        var ex = Assert.ThrowsAsync<ServiceUnavailableException>(() => call);

        Assert.That(h.AttemptCount, Is.EqualTo(3));
        Assert.That(ex!.Message, Does.Contain("timed out: no response within 30 s"));
        Assert.That(ex.InnerException, Is.TypeOf<TimeoutRejectedException>());
        Assert.That(ex.Service, Is.EqualTo("strava"));
        var attempts = h.Recorder.Attempts.ToArray();
        Assert.That(attempts[1].At - attempts[0].At, Is.GreaterThan(TimeSpan.FromSeconds(30)), "the second attempt starts after the first timed out and a backoff");
        Assert.That(h.Clock.GetUtcNow() - h.Start, Is.LessThan(TimeSpan.FromMinutes(3)), "the total timeout did not fire");
    }

    [Test]
    public async Task A_per_request_attempt_timeout_replaces_the_default()
    {
        using var h = new PipelineHarness(new ResilienceOptions { Retry = { MaxRetryAttempts = 0 } });
        h.Mock.When(HttpMethod.Get, Url).Respond(PipelineHarness.Hang);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Options.Set(FitnessRequestOptions.AttemptTimeout, TimeSpan.FromMinutes(2));

        var call = h.Client.SendAsync(request);
        await PipelineHarness.WaitUntilAsync(() => h.AttemptCount == 1 && h.Clock.PendingTimerCount == 2, "the attempt is under way");

        Assert.That(h.Clock.NextTimerDue, Is.EqualTo(h.Start + TimeSpan.FromMinutes(2)));
        h.Clock.Advance(TimeSpan.FromSeconds(119));
        Assert.That(call.IsCompleted, Is.False, "the default 30 s does not apply");
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        var ex = Assert.ThrowsAsync<ServiceUnavailableException>(() => call.WaitAsync(PipelineHarness.WaitCap));
        Assert.That(ex!.Message, Does.Contain("no response within 2 min"));
    }

    [Test]
    public async Task The_callers_cancellation_surfaces_as_OperationCanceledException_and_is_not_retried()
    {
        using var h = new PipelineHarness();
        h.Mock.When(HttpMethod.Get, Url).Respond(PipelineHarness.Hang);
        using var cts = new CancellationTokenSource();

        var call = h.Client.GetAsync(Url, cts.Token);
        await PipelineHarness.WaitUntilAsync(() => h.AttemptCount == 1, "the attempt is under way");
        await cts.CancelAsync();

        Assert.CatchAsync<OperationCanceledException>(() => call.WaitAsync(PipelineHarness.WaitCap));
        Assert.That(h.AttemptCount, Is.EqualTo(1));
        Assert.That(h.Clock.PendingTimerCount, Is.Zero, "no retry is scheduled and the timeouts are gone");
    }

    [Test]
    public async Task Cancelling_during_a_retry_delay_ends_the_call_with_OperationCanceledException()
    {
        using var h = new PipelineHarness();
        h.Mock.When(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(20)));
        using var cts = new CancellationTokenSource();

        var call = h.Client.GetAsync(Url, cts.Token);
        await h.WaitForNextTimerAsync(h.Start + TimeSpan.FromSeconds(20));
        await cts.CancelAsync();

        Assert.CatchAsync<OperationCanceledException>(() => call.WaitAsync(PipelineHarness.WaitCap));
        Assert.That(h.AttemptCount, Is.EqualTo(1));
    }

    [Test]
    public async Task The_total_timeout_ends_the_call_with_ServiceUnavailable()
    {
        using var h = new PipelineHarness(new ResilienceOptions { TotalRequestTimeout = { Timeout = TimeSpan.FromSeconds(10) }, AttemptTimeout = { Timeout = Timeout.InfiniteTimeSpan } });
        h.Mock.When(HttpMethod.Get, Url).Respond(PipelineHarness.Hang);

        var call = h.Client.GetAsync(Url);
        await PipelineHarness.WaitUntilAsync(() => h.AttemptCount == 1, "the attempt is under way");
        Assert.That(h.Clock.PendingTimerCount, Is.EqualTo(1), "only the total timeout: the attempt timeout is off");
        h.Clock.Advance(TimeSpan.FromSeconds(10));

        var ex = Assert.ThrowsAsync<ServiceUnavailableException>(() => call.WaitAsync(PipelineHarness.WaitCap));
        Assert.That(ex!.Message, Does.Contain("timed out: no response within 10 s"));
        Assert.That(h.AttemptCount, Is.EqualTo(1), "a cancelled attempt is not retried after the total timeout");
    }

    [Test]
    public async Task The_total_timeout_bounds_retries_and_their_delays()
    {
        using var h = new PipelineHarness(new ResilienceOptions { TotalRequestTimeout = { Timeout = TimeSpan.FromSeconds(10) }, Retry = { MaxRetryAttempts = 10 } });
        h.Mock.When(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(4)));

        var call = h.Client.GetAsync(Url);
        await h.DriveAsync(call);

        Assert.ThrowsAsync<ServiceUnavailableException>(() => call);
        Assert.That(h.Recorder.Attempts.Select(a => a.At - h.Start), Is.EqualTo(new[] { TimeSpan.Zero, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8) }));
        Assert.That(h.Clock.GetUtcNow(), Is.EqualTo(h.Start + TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task The_circuit_breaker_opens_after_failures_and_fails_fast()
    {
        var options = new ResilienceOptions { Retry = { MaxRetryAttempts = 0 } };
        options.CircuitBreaker.MinimumThroughput = 2;
        using var h = new PipelineHarness(options);
        h.Mock.Expect(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.InternalServerError));
        h.Mock.Expect(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.ServiceUnavailable));
        h.Mock.Expect(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.OK));

        Assert.ThrowsAsync<ServiceUnavailableException>(() => h.Client.GetAsync(Url));
        Assert.ThrowsAsync<ServiceUnavailableException>(() => h.Client.GetAsync(Url));
        var ex = Assert.ThrowsAsync<ServiceUnavailableException>(() => h.Client.GetAsync(Url));

        Assert.That(h.AttemptCount, Is.EqualTo(2), "the third call never reached the service");
        Assert.That(ex!.Message, Does.Contain("circuit breaker is open"));
        Assert.That(ex.StatusCode, Is.Null);
        Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(15)));
        Assert.That(ex.InnerException, Is.InstanceOf<BrokenCircuitException>());

        h.Clock.Advance(TimeSpan.FromSeconds(15));
        using var response = await h.Client.GetAsync(Url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "after the break a trial request goes through");
        Assert.That(h.Logs.Entries.Select(e => e.EventId.Name), Does.Contain("CircuitOpened").And.Contain("CircuitClosed"));
    }

    [Test]
    public void The_circuit_breaker_ignores_429_and_client_errors()
    {
        var options = new ResilienceOptions { Retry = { MaxRetryAttempts = 0 } };
        options.CircuitBreaker.MinimumThroughput = 2;
        using var h = new PipelineHarness(options);
        h.Mock.When(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.TooManyRequests));
        h.Mock.When(HttpMethod.Get, Url + "/missing").Respond(_ => Status(HttpStatusCode.NotFound));

        for (var i = 0; i < 3; i++)
        {
            Assert.ThrowsAsync<RateLimitExceededException>(() => h.Client.GetAsync(Url));
            Assert.ThrowsAsync<ResourceNotFoundException>(() => h.Client.GetAsync(Url + "/missing"));
        }

        Assert.That(h.AttemptCount, Is.EqualTo(6));
    }

    [Test]
    public void Disabled_resilience_sends_once_without_timers()
    {
        using var h = new PipelineHarness(new ResilienceOptions { Enabled = false });
        h.Mock.When(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.ServiceUnavailable));

        Assert.ThrowsAsync<ServiceUnavailableException>(() => h.Client.GetAsync(Url));

        Assert.That(h.AttemptCount, Is.EqualTo(1));
        Assert.That(h.Clock.PendingTimerCount, Is.Zero);
    }

    [Test]
    public async Task Retries_are_logged_with_scrubbed_uris()
    {
        using var h = new PipelineHarness();
        const string secretUrl = "https://www.strava.com/oauth/token?client_id=42&refresh_token=S3cr3t9xQ&code=C0de9xQ";
        h.Mock.Expect(HttpMethod.Get, secretUrl).Respond(_ => Status(HttpStatusCode.BadGateway, TimeSpan.FromSeconds(2)));
        h.Mock.Expect(HttpMethod.Get, secretUrl).Respond(_ => Status(HttpStatusCode.OK));

        var call = h.Client.GetAsync(secretUrl);
        await h.DriveAsync(call);
        using var response = await call;

        var retry = h.Logs.Entries.Single(e => e.EventId.Name == "RetryScheduled");
        Assert.That(retry.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(retry.Message, Does.Contain("502 Bad Gateway").And.Contain("retry 1 of 3 in 2 s").And.Contain("refresh_token=***&code=***"));
        Assert.That(string.Join("\n", h.Logs.Entries.Select(e => e.Message + string.Join(",", e.Values))), Does.Not.Contain("S3cr3t9xQ").And.Not.Contain("C0de9xQ"));
    }

    [Test]
    public void Invalid_options_are_rejected_when_the_handler_is_built()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = ResiliencePipelineFactory.CreateHandlers(new ResilienceOptions { Retry = { MaxRetryAttempts = -1 } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = ResiliencePipelineFactory.CreateHandlers(new ResilienceOptions { AttemptTimeout = { Timeout = TimeSpan.Zero } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = ResiliencePipelineFactory.CreateHandlers(new ResilienceOptions { CircuitBreaker = { FailureRatio = 0 } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = ResiliencePipelineFactory.CreateHandlers(new ResilienceOptions { CircuitBreaker = { MinimumThroughput = 1 } }));
        Assert.DoesNotThrow(() => _ = ResiliencePipelineFactory.CreateHandlers(new ResilienceOptions { CircuitBreakerEnabled = false, CircuitBreaker = { MinimumThroughput = 0 } }));
    }

    [Test]
    public void The_defaults_are_the_documented_ones()
    {
        var options = new ResilienceOptions();

        Assert.Multiple(() =>
        {
            Assert.That(options.Enabled, Is.True);
            Assert.That(options.TotalRequestTimeout.Timeout, Is.EqualTo(TimeSpan.FromMinutes(3)));
            Assert.That(options.AttemptTimeout.Timeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(options.Retry.MaxRetryAttempts, Is.EqualTo(3));
            Assert.That(options.Retry.Delay, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(options.Retry.MaxDelay, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(options.Retry.BackoffType, Is.EqualTo(Polly.DelayBackoffType.Exponential));
            Assert.That(options.Retry.UseJitter, Is.True);
            Assert.That(options.Retry.ShouldRetryAfterHeader, Is.True);
            Assert.That(options.MaxRetryAfter, Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(options.RetryUnsafeMethods, Is.False);
            Assert.That(options.CircuitBreakerEnabled, Is.True);
            Assert.That(options.CircuitBreaker.FailureRatio, Is.EqualTo(0.5));
            Assert.That(options.CircuitBreaker.MinimumThroughput, Is.EqualTo(10));
            Assert.That(options.CircuitBreaker.SamplingDuration, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(options.CircuitBreaker.BreakDuration, Is.EqualTo(TimeSpan.FromSeconds(15)));
        });
    }
}

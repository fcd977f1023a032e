using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FitnessClients.Core.DependencyInjection;
using FitnessClients.Core.Http;
using FitnessClients.Core.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using RichardSzalay.MockHttp;

namespace FitnessClients.Core.Tests.Resilience;

/// <summary>The package's option types configure the pipeline as they do <c>AddStandardResilienceHandler</c>, with the SDK's rules on top.</summary>
public class ResiliencePackageOptionsTests
{
    private const string Url = "https://www.strava.com/api/v3/athlete/activities";

    private static HttpResponseMessage Status(HttpStatusCode status) =>
        new(status) { Content = new StringContent("{\"message\":\"x\"}", Encoding.UTF8, "application/json") };

    [Test]
    public async Task A_Retry_After_date_is_read_on_the_clients_clock()
    {
        using var h = new PipelineHarness();
        h.Mock.Expect(HttpMethod.Get, Url).Respond(_ =>
        {
            var response = Status(HttpStatusCode.ServiceUnavailable);
            response.Headers.RetryAfter = new RetryConditionHeaderValue(h.Start + TimeSpan.FromSeconds(20));
            return response;
        });
        h.Mock.Expect(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.OK));

        var call = h.Client.GetAsync(Url);
        await h.WaitForNextTimerAsync(h.Start + TimeSpan.FromSeconds(20));
        h.Clock.Advance(TimeSpan.FromSeconds(20));
        using var response = await call.WaitAsync(PipelineHarness.WaitCap);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(h.Recorder.Attempts.Select(a => a.At), Is.EqualTo(new[] { h.Start, h.Start + TimeSpan.FromSeconds(20) }));
    }

    [Test]
    public async Task Without_ShouldRetryAfterHeader_the_configured_backoff_applies()
    {
        var options = new ResilienceOptions { Retry = { ShouldRetryAfterHeader = false, BackoffType = DelayBackoffType.Constant, UseJitter = false, Delay = TimeSpan.FromSeconds(2) } };
        using var h = new PipelineHarness(options);
        h.Mock.Expect(HttpMethod.Get, Url).Respond(_ =>
        {
            var response = Status(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            return response;
        });
        h.Mock.Expect(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.OK));

        var call = h.Client.GetAsync(Url);
        await h.DriveAsync(call);
        using var response = await call;

        Assert.That(h.Recorder.Attempts.Select(a => a.At), Is.EqualTo(new[] { h.Start, h.Start + TimeSpan.FromSeconds(2) }));
    }

    [Test]
    public async Task A_DelayGenerator_of_your_own_decides_the_delay()
    {
        var options = new ResilienceOptions { Retry = { DelayGenerator = _ => new ValueTask<TimeSpan?>(TimeSpan.FromSeconds(5)) } };
        using var h = new PipelineHarness(options);
        h.Mock.Expect(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.BadGateway));
        h.Mock.Expect(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.OK));

        var call = h.Client.GetAsync(Url);
        await h.DriveAsync(call);
        using var response = await call;

        Assert.That(h.Recorder.Attempts.Select(a => a.At), Is.EqualTo(new[] { h.Start, h.Start + TimeSpan.FromSeconds(5) }));
    }

    [Test]
    public async Task The_users_OnRetry_runs_and_the_SDK_still_logs_the_retry()
    {
        var seen = new List<int>();
        var options = new ResilienceOptions
        {
            Retry =
            {
                OnRetry = args =>
                {
                    seen.Add(args.AttemptNumber);
                    return default;
                },
            },
        };
        using var h = new PipelineHarness(options);
        h.Mock.Expect(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.ServiceUnavailable));
        h.Mock.Expect(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.OK));

        var call = h.Client.GetAsync(Url);
        await h.DriveAsync(call);
        using var response = await call;

        Assert.That(seen, Is.EqualTo(new[] { 0 }));
        Assert.That(h.Logs.Entries.Count(e => e.EventId.Name == "RetryScheduled"), Is.EqualTo(1));
    }

    [Test]
    public void DisableFor_from_the_package_stops_retries_of_a_method()
    {
        var options = new ResilienceOptions();
        options.Retry.DisableFor(HttpMethod.Put);
        using var h = new PipelineHarness(options);
        h.Mock.When(HttpMethod.Put, Url + "/1").Respond(_ => Status(HttpStatusCode.ServiceUnavailable));

        Assert.ThrowsAsync<ServiceUnavailableException>(() => h.Client.PutAsync(Url + "/1", new StringContent("{}")));

        Assert.That(h.AttemptCount, Is.EqualTo(1));
    }

    [Test]
    public void A_ShouldHandle_of_your_own_does_not_make_a_POST_retryable()
    {
        var options = new ResilienceOptions { Retry = { ShouldHandle = _ => new ValueTask<bool>(true) } };
        using var h = new PipelineHarness(options);
        h.Mock.When(HttpMethod.Post, Url).Respond(_ => Status(HttpStatusCode.Conflict));

        Assert.CatchAsync<FitnessApiException>(() => h.Client.PostAsync(Url, new StringContent("{}")));

        Assert.That(h.AttemptCount, Is.EqualTo(1), "the method rule stands in front of ShouldHandle");
    }

    [Test]
    public async Task A_ShouldHandle_of_your_own_decides_what_is_transient()
    {
        var options = new ResilienceOptions { Retry = { MaxRetryAttempts = 1, ShouldHandle = args => new ValueTask<bool>(args.Outcome.Result?.StatusCode == HttpStatusCode.Conflict) } };
        using var h = new PipelineHarness(options);
        h.Mock.When(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.Conflict));
        h.Mock.When(HttpMethod.Get, Url + "/down").Respond(_ => Status(HttpStatusCode.ServiceUnavailable));

        var conflict = h.Client.GetAsync(Url);
        await h.DriveAsync(conflict);
        Assert.CatchAsync<FitnessApiException>(() => conflict);
        Assert.That(h.AttemptCount, Is.EqualTo(2), "409 retried once");

        Assert.ThrowsAsync<ServiceUnavailableException>(() => h.Client.GetAsync(Url + "/down"));
        Assert.That(h.AttemptCount, Is.EqualTo(3), "503 no longer transient");
    }

    [Test]
    public void Turning_the_circuit_breaker_off_lets_every_call_through()
    {
        var options = new ResilienceOptions { CircuitBreakerEnabled = false, Retry = { MaxRetryAttempts = 0 }, CircuitBreaker = { MinimumThroughput = 2 } };
        using var h = new PipelineHarness(options);
        h.Mock.When(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.InternalServerError));

        for (var i = 0; i < 4; i++)
        {
            var ex = Assert.ThrowsAsync<ServiceUnavailableException>(() => h.Client.GetAsync(Url));
            Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        }

        Assert.That(h.AttemptCount, Is.EqualTo(4));
    }

    [Test]
    public async Task Infinite_timeouts_schedule_no_timer()
    {
        var options = new ResilienceOptions { TotalRequestTimeout = { Timeout = Timeout.InfiniteTimeSpan }, AttemptTimeout = { Timeout = Timeout.InfiniteTimeSpan } };
        using var h = new PipelineHarness(options);
        h.Mock.When(HttpMethod.Get, Url).Respond(PipelineHarness.Hang);
        using var cts = new CancellationTokenSource();

        var call = h.Client.GetAsync(Url, cts.Token);
        await PipelineHarness.WaitUntilAsync(() => h.AttemptCount == 1, "the attempt is under way");

        Assert.That(h.Clock.PendingTimerCount, Is.Zero);
        await cts.CancelAsync();
        Assert.CatchAsync<OperationCanceledException>(() => call.WaitAsync(PipelineHarness.WaitCap));
    }

    [Test]
    public async Task A_per_request_infinite_attempt_timeout_lifts_the_default()
    {
        using var h = new PipelineHarness(new ResilienceOptions { TotalRequestTimeout = { Timeout = Timeout.InfiniteTimeSpan } });
        h.Mock.When(HttpMethod.Get, Url).Respond(PipelineHarness.Hang);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Options.Set(FitnessRequestOptions.AttemptTimeout, Timeout.InfiniteTimeSpan);
        using var cts = new CancellationTokenSource();

        var call = h.Client.SendAsync(request, cts.Token);
        await PipelineHarness.WaitUntilAsync(() => h.AttemptCount == 1, "the attempt is under way");

        Assert.That(h.Clock.PendingTimerCount, Is.Zero, "neither the default 30 s nor a total timeout");
        await cts.CancelAsync();
        Assert.CatchAsync<OperationCanceledException>(() => call.WaitAsync(PipelineHarness.WaitCap));
    }

    [Test]
    public void Invalid_values_are_reported_with_the_settings_path()
    {
        var delay = Assert.Throws<ArgumentOutOfRangeException>(() => ResiliencePipelineFactory.CreateHandlers(new ResilienceOptions { Retry = { Delay = TimeSpan.FromDays(2) } }));
        Assert.That(delay!.ParamName, Is.EqualTo("Retry.Delay"));
        Assert.That(delay.Message, Does.Contain("Retry.Delay must be between"));

        var breakDuration = Assert.Throws<ArgumentOutOfRangeException>(() => ResiliencePipelineFactory.CreateHandlers(new ResilienceOptions { CircuitBreaker = { BreakDuration = TimeSpan.FromMilliseconds(100) } }));
        Assert.That(breakDuration!.ParamName, Is.EqualTo("CircuitBreaker.BreakDuration"));

        var total = Assert.Throws<ArgumentOutOfRangeException>(() => ResiliencePipelineFactory.CreateHandlers(new ResilienceOptions { TotalRequestTimeout = { Timeout = TimeSpan.FromMilliseconds(5) } }));
        Assert.That(total!.ParamName, Is.EqualTo("TotalRequestTimeout.Timeout"));

        var missing = Assert.Throws<ArgumentException>(() => ResiliencePipelineFactory.CreateHandlers(new ResilienceOptions { Retry = null! }));
        Assert.That(missing!.Message, Does.Contain("Retry must not be null"));

        Assert.That(ResiliencePipelineFactory.CreateHandlers(new ResilienceOptions { Enabled = false, Retry = null! }), Is.Empty, "nothing is validated or built when off");
    }

    [Test]
    public void Building_the_pipeline_leaves_the_options_unchanged()
    {
        var options = new ResilienceOptions();
        var shouldHandle = options.Retry.ShouldHandle;
        var delayGenerator = options.Retry.DelayGenerator;
        var timeoutGenerator = options.AttemptTimeout.TimeoutGenerator;

        _ = ResiliencePipelineFactory.Create(options);
        _ = ResiliencePipelineFactory.Create(options);

        Assert.That(options.Retry.ShouldHandle, Is.SameAs(shouldHandle));
        Assert.That(options.Retry.DelayGenerator, Is.SameAs(delayGenerator));
        Assert.That(options.AttemptTimeout.TimeoutGenerator, Is.SameAs(timeoutGenerator));
    }

    [Test]
    public async Task RemoveAllResilienceHandlers_takes_the_SDKs_resilience_out_of_a_DI_client()
    {
        using var withRetries = new MockHttpMessageHandler();
        withRetries.Expect(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.ServiceUnavailable));
        withRetries.Expect(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.OK));
        using var withoutRetries = new MockHttpMessageHandler();
        withoutRetries.Expect(HttpMethod.Get, Url).Respond(_ => Status(HttpStatusCode.ServiceUnavailable));
        var settings = new FitnessPipelineSettings { ServiceName = "strava", Resilience = new ResilienceOptions { Retry = { Delay = TimeSpan.Zero } } };
        var services = new ServiceCollection();
        services.AddHttpClient("kept").ConfigurePrimaryHttpMessageHandler(() => withRetries).AddFitnessPipeline(_ => settings);
#pragma warning disable EXTEXP0001 // Experimental in the package; the documented behaviour is that it also removes the SDK's handler.
        services.AddHttpClient("removed").ConfigurePrimaryHttpMessageHandler(() => withoutRetries).AddFitnessPipeline(_ => settings).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();

        using var kept = await factory.CreateClient("kept").GetAsync(Url);
        Assert.ThrowsAsync<ServiceUnavailableException>(() => factory.CreateClient("removed").GetAsync(Url));

        Assert.That(kept.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        withRetries.VerifyNoOutstandingExpectation();
        withoutRetries.VerifyNoOutstandingExpectation();
    }
}

using FitnessClients.Core.Http;
using FitnessClients.Core.Resilience;
using FitnessClients.Core.Tests.Diagnostics;
using FitnessClients.Testing;
using Microsoft.Extensions.Logging;
using RichardSzalay.MockHttp;

namespace FitnessClients.Core.Tests.Resilience;

/// <summary>
/// The error mapping and resilience handlers over a recording MockHttp backend, on a fake clock:
/// HttpClient → ErrorMappingHandler → the resilience handlers → RecordingHandler → MockHttpMessageHandler.
/// </summary>
internal sealed class PipelineHarness : IDisposable
{
    public static readonly TimeSpan WaitCap = TimeSpan.FromSeconds(10);

    public PipelineHarness(ResilienceOptions? options = null, string service = "strava")
    {
        Recorder = new RecordingHandler(Clock) { InnerHandler = Mock };
        var logger = Logs.CreateLogger("FitnessClients.Resilience");
        HttpMessageHandler inner = Recorder;
        foreach (var resilience in ResiliencePipelineFactory.CreateHandlers(options ?? new ResilienceOptions(), Clock, logger).Reverse())
        {
            resilience.InnerHandler = inner;
            inner = resilience;
        }

        var handler = new ErrorMappingHandler(new ErrorMappingOptions { ServiceName = service }, Clock) { InnerHandler = inner };
        Client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public TimerTrackingTimeProvider Clock { get; } = new();

    public DateTimeOffset Start => FakeTimeDefaults.Start;

    public MockHttpMessageHandler Mock { get; } = new();

    public RecordingHandler Recorder { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public HttpClient Client { get; }

    public int AttemptCount => Recorder.Attempts.Count;

    /// <summary>A response that never comes unless the request is cancelled.</summary>
    public static Task<HttpResponseMessage> Hang() => new TaskCompletionSource<HttpResponseMessage>().Task;

    /// <summary>Polls (bounded, real time) until <paramref name="condition"/> holds: a background call reached a state.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + WaitCap;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(2);
        }
    }

    /// <summary>Waits until the next pending timer is due at <paramref name="due"/>.</summary>
    public Task WaitForNextTimerAsync(DateTimeOffset due) =>
        WaitUntilAsync(() => Clock.NextTimerDue == due, $"the next timer is due at {due:O}");

    /// <summary>
    /// Moves the fake clock from retry delay to retry delay until <paramref name="call"/> ends, for backends that
    /// answer at once. It advances only when no attempt is in flight and the next timer is due sooner than an
    /// attempt timeout started now (so a just-finished attempt's timer that is about to be disposed is never fired).
    /// </summary>
    public Task DriveAsync(Task call, TimeSpan? attemptTimeout = null) =>
        DriveCoreAsync(call, () =>
        {
            var limit = Clock.GetUtcNow() + (attemptTimeout ?? TimeSpan.FromSeconds(30));
            return Recorder.InFlight == 0 && Clock.NextTimerDue is { } due && due < limit;
        });

    /// <summary>
    /// Moves the fake clock from timer to timer until <paramref name="call"/> ends, for backends that never answer:
    /// each time the pipeline has scheduled more timers than <paramref name="idleTimers"/> (those always pending,
    /// e.g. the total timeout), the next one fires.
    /// </summary>
    public Task DriveHangingAsync(Task call, int idleTimers) =>
        DriveCoreAsync(call, () => Clock.PendingTimerCount > idleTimers);

    public void Dispose()
    {
        Client.Dispose();
        Logs.Dispose();
    }

    private async Task DriveCoreAsync(Task call, Func<bool> readyToAdvance)
    {
        var deadline = DateTime.UtcNow + WaitCap;
        while (!call.IsCompleted)
        {
            await WaitUntilAsync(() => call.IsCompleted || readyToAdvance(), "the call schedules a timer or ends");
            if (!call.IsCompleted)
            {
                Clock.AdvanceToNextTimer();
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("The call did not end.");
            }
        }
    }
}

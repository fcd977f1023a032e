using System.Net;
using FitnessClients.Testing;

namespace FitnessClients.Core.Tests.RateLimiting;

/// <summary>Requests, responses and bounded waits shared by the rate-limiting tests.</summary>
internal static class RateLimitTestKit
{
    public static readonly TimeSpan RealWaitCap = TimeSpan.FromSeconds(10);

    public static DateTimeOffset Utc(int hour, int minute, int second = 0, int day = 5) =>
        new(2026, 1, day, hour, minute, second, TimeSpan.Zero);

    public static HttpRequestMessage Get(string path = "/api/v3/athlete/activities") =>
        new(HttpMethod.Get, new Uri("https://api.example.test" + path));

    public static HttpRequestMessage Upload() => new(HttpMethod.Post, new Uri("https://api.example.test/api/v3/uploads"));

    public static bool IsUpload(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/uploads", StringComparison.Ordinal);

    public static HttpResponseMessage Response(HttpStatusCode status = HttpStatusCode.OK, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent("{}") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    /// <summary>Waits (really, but bounded) until a background waiter has scheduled its delay on the fake clock.</summary>
    public static void WaitForTimers(TimerTrackingTimeProvider clock, int count = 1)
    {
        var reached = SpinWait.SpinUntil(() => clock.PendingTimerCount >= count, RealWaitCap);
        Assert.That(reached, Is.True, $"expected {count} pending timer(s) on the fake clock, saw {clock.PendingTimerCount}");
    }

    /// <summary>Waits (really, but bounded) for a condition that background continuations make true.</summary>
    public static void WaitFor(Func<bool> condition, string what)
    {
        Assert.That(SpinWait.SpinUntil(condition, RealWaitCap), Is.True, what);
    }

    public static async Task Completes(Task task) => await task.WaitAsync(RealWaitCap);

    public static async Task<T> Completes<T>(Task<T> task) => await task.WaitAsync(RealWaitCap);
}

using System.Globalization;
using System.Net;

namespace FitnessClients.Testing;

/// <summary>Ready-made <see cref="RateLimitSimulator.HeaderWriter"/>s for the header styles the emulated services use.</summary>
public static class RateLimitHeaderWriters
{
    /// <summary>
    /// Strava's style: one header with the limits and one with the usage of several windows, comma-separated in the order
    /// given (e.g. <c>X-RateLimit-Limit: 200,2000</c> and <c>X-RateLimit-Usage: 12,120</c>).
    /// </summary>
    /// <param name="limitHeader">The limit header's name.</param>
    /// <param name="usageHeader">The usage header's name.</param>
    /// <param name="windowNames">The windows, short ones first.</param>
    public static Action<HttpResponseMessage, RateLimitDecision> CommaSeparatedPairs(string limitHeader, string usageHeader, params string[] windowNames)
    {
        ArgumentException.ThrowIfNullOrEmpty(limitHeader);
        ArgumentException.ThrowIfNullOrEmpty(usageHeader);
        ArgumentNullException.ThrowIfNull(windowNames);
        return (response, decision) =>
        {
            var windows = windowNames.Select(decision.GetWindow).ToList();
            response.WithHeader(limitHeader, string.Join(',', windows.Select(w => w.Limit.ToString(CultureInfo.InvariantCulture))));
            response.WithHeader(usageHeader, string.Join(',', windows.Select(w => w.Used.ToString(CultureInfo.InvariantCulture))));
        };
    }

    /// <summary>
    /// Flask-Limiter's style for one window: <c>X-RateLimit-Limit</c>, <c>X-RateLimit-Remaining</c>, <c>X-RateLimit-Reset</c>
    /// (Unix seconds) on every response, and <c>Retry-After</c> (seconds) on a 429.
    /// </summary>
    /// <param name="windowName">The window reported.</param>
    /// <param name="prefix">The header name prefix.</param>
    public static Action<HttpResponseMessage, RateLimitDecision> LimitRemainingReset(string windowName, string prefix = "X-RateLimit-")
    {
        ArgumentException.ThrowIfNullOrEmpty(windowName);
        return (response, decision) =>
        {
            var window = decision.GetWindow(windowName);
            response.WithHeader(prefix + "Limit", window.Limit.ToString(CultureInfo.InvariantCulture));
            response.WithHeader(prefix + "Remaining", window.Remaining.ToString(CultureInfo.InvariantCulture));
            response.WithHeader(prefix + "Reset", window.ResetsAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            if (response.StatusCode == HttpStatusCode.TooManyRequests && decision.RetryAfter is { } wait && response.Headers.RetryAfter is null)
            {
                response.WithRetryAfter(wait);
            }
        };
    }

    /// <summary>Runs several writers in turn (e.g. Strava's overall and read header pairs).</summary>
    /// <param name="writers">The writers.</param>
    public static Action<HttpResponseMessage, RateLimitDecision> Combine(params Action<HttpResponseMessage, RateLimitDecision>[] writers)
    {
        ArgumentNullException.ThrowIfNull(writers);
        return (response, decision) =>
        {
            foreach (var writer in writers)
            {
                writer(response, decision);
            }
        };
    }
}

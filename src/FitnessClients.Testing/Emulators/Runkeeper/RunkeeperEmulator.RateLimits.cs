using System.Globalization;
using System.Net;

namespace FitnessClients.Testing;

// Runkeeper's limits: a quarter-hour and a daily budget, 429 with a "reason" and no Retry-After or usage headers.
public sealed partial class RunkeeperEmulator
{
    /// <summary>The quarter-hour window's name in <see cref="ServiceEmulator.RateLimits"/>.</summary>
    public const string QuarterHourWindow = "15-minute";

    /// <summary>The daily window's name.</summary>
    public const string DailyWindow = "daily";

    private RateLimitSimulator? CreateRateLimits()
    {
        if (_options.RequestsPerQuarterHour is null && _options.RequestsPerDay is null)
        {
            return null;
        }

        var limits = new RateLimitSimulator(TimeProvider);
        if (_options.RequestsPerQuarterHour is { } quarter)
        {
            limits.AddWindow(QuarterHourWindow, quarter, TimeSpan.FromMinutes(15), IsApi).CountsRejectedRequests = false;
        }

        if (_options.RequestsPerDay is { } day)
        {
            limits.AddWindow(DailyWindow, day, TimeSpan.FromDays(1), IsApi);
        }

        limits.TooManyRequestsResponse = (_, decision) => Reason(
            HttpStatusCode.TooManyRequests,
            decision.ExceededWindow?.Name == DailyWindow
                ? string.Create(CultureInfo.InvariantCulture, $"Rate-limit exceeded. rate limit is {_options.RequestsPerDay} calls per days1")
                : string.Create(CultureInfo.InvariantCulture, $"Rate-limit exceeded. rate limit is {_options.RequestsPerQuarterHour} calls per 15 minutes"));
        return limits;
    }

    private static bool IsApi(EmulatorRequest request) => !request.Path.StartsWith("/apps/", StringComparison.Ordinal);
}

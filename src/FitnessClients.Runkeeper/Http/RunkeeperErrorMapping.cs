using System.Globalization;
using System.Text.Json;
using FitnessClients.Core;
using FitnessClients.Runkeeper.Models;
using FitnessClients.Runkeeper.RateLimits;

namespace FitnessClients.Runkeeper.Http;

/// <summary>
/// Runkeeper's errors: a 429 carries <c>{"reason": "Rate-limit exceeded. rate limit is 5000 calls per 15 minutes"}</c>
/// (or <c>... per days1</c> for the daily per-application limit) and no <c>Retry-After</c>, so the time to resume is the
/// next quarter hour or the next UTC midnight, read from the reason.
/// </summary>
internal static class RunkeeperErrorMapping
{
    public const string ServiceName = "runkeeper";

    public static ErrorMappingOptions CreateOptions() => new() { ServiceName = ServiceName, CustomMapper = MapRateLimit };

    public static FitnessApiException? MapRateLimit(ErrorResponseInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if ((int)info.StatusCode != 429)
        {
            return null;
        }

        var reason = ReadReason(info.Body);
        var daily = reason?.Contains("day", StringComparison.OrdinalIgnoreCase) == true;
        var resumeAt = info.RetryAfter is { } wait ? info.Now + wait : daily ? NextUtcMidnight(info.Now) : NextQuarterHour(info.Now);
        var window = daily ? "daily" : RunkeeperRateLimits.QuarterHourWindow;
        var message = $"Runkeeper's {window} rate limit is spent ({info.ResponseExcerpt ?? "429 Too Many Requests"}); requests resume at {resumeAt.ToString("u", CultureInfo.InvariantCulture)}.";
        return new RateLimitExceededException(message, resumeAt)
        {
            Service = info.Service ?? ServiceName,
            StatusCode = info.StatusCode,
            RequestMethod = info.RequestMethod,
            RequestUri = info.RequestUri,
            ResponseExcerpt = info.ResponseExcerpt,
            RetryAfter = resumeAt - info.Now,
            Window = window,
        };
    }

    public static DateTimeOffset NextQuarterHour(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute / 15 * 15, 0, TimeSpan.Zero).AddMinutes(15);
    }

    public static DateTimeOffset NextUtcMidnight(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero).AddDays(1);
    }

    private static string? ReadReason(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body, RunkeeperJson.DocumentOptions);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("reason", out var reason)
                && reason.ValueKind == JsonValueKind.String
                ? reason.GetString()
                : null;
        }
        catch (JsonException)
        {
            return body.Length > 200 ? null : body;
        }
    }
}

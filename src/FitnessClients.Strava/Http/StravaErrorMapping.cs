using System.Globalization;
using System.Text.Json;
using FitnessClients.Core;
using FitnessClients.Strava.Models;
using FitnessClients.Strava.RateLimits;

namespace FitnessClients.Strava.Http;

/// <summary>
/// Strava's error mapping: a 429 names the spent budget in its body (<c>errors[0].field</c>: <c>read rate limit</c>,
/// <c>overall rate limit</c> or <c>rate limit</c>) and sends no Retry-After, so the window and the time to resume come
/// from the body and the usage headers.
/// </summary>
internal static class StravaErrorMapping
{
    public const string ServiceName = "strava";

    public static ErrorMappingOptions CreateOptions()
    {
        var options = new ErrorMappingOptions { ServiceName = ServiceName, CustomMapper = MapRateLimit };
        return options;
    }

    public static FitnessApiException? MapRateLimit(ErrorResponseInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if ((int)info.StatusCode != 429)
        {
            return null;
        }

        var field = ReadField(info.Body);
        var isRead = field?.Contains("read", StringComparison.OrdinalIgnoreCase) == true;
        var isOverall = field?.Contains("overall", StringComparison.OrdinalIgnoreCase) == true;
        var read = ReadPair(info, "X-ReadRateLimit-Limit", "X-ReadRateLimit-Usage");
        var overall = ReadPair(info, "X-RateLimit-Limit", "X-RateLimit-Usage");

        // Which pair: the one the body names, else the one the headers show as spent, else overall.
        var useRead = isRead || (!isOverall && read is { } r && (r.Spent15 || r.SpentDaily) && overall is not { SpentDaily: true });
        var pair = useRead ? read : overall;
        var daily = pair?.SpentDaily == true;
        var window = (useRead, daily) switch
        {
            (true, true) => StravaRateLimits.ReadDaily,
            (true, false) => StravaRateLimits.Read15Minutes,
            (false, true) => StravaRateLimits.OverallDaily,
            _ => StravaRateLimits.Overall15Minutes,
        };
        var resumeAt = daily ? NextUtcMidnight(info.Now) : NextQuarterHour(info.Now);
        var message = $"Strava's {window} rate limit is spent ({field ?? "rate limit"}); requests resume at {resumeAt.ToString("u", CultureInfo.InvariantCulture)}.";
        return new RateLimitExceededException(message, resumeAt)
        {
            Service = info.Service ?? ServiceName,
            StatusCode = info.StatusCode,
            RequestMethod = info.RequestMethod,
            RequestUri = info.RequestUri,
            ResponseExcerpt = info.ResponseExcerpt,
            ErrorCode = field,
            RetryAfter = resumeAt - info.Now,
            Window = window,
            Limit = daily ? pair?.LimitDaily : pair?.Limit15,
            Usage = daily ? pair?.UsageDaily : pair?.Usage15,
        };
    }

    public static DateTimeOffset NextQuarterHour(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var start = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute / 15 * 15, 0, TimeSpan.Zero);
        return start.AddMinutes(15);
    }

    public static DateTimeOffset NextUtcMidnight(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero).AddDays(1);
    }

    private static string? ReadField(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            var fault = JsonSerializer.Deserialize(body, StravaJson.Info<StravaFault>());
            return fault?.Errors?.Select(e => e.Field).FirstOrDefault(f => !string.IsNullOrEmpty(f));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static UsagePair? ReadPair(ErrorResponseInfo info, string limitHeader, string usageHeader)
    {
        if (info.Headers is null
            || !info.Headers.TryGetValues(limitHeader, out var limits)
            || !info.Headers.TryGetValues(usageHeader, out var usages))
        {
            return null;
        }

        var l = ParseInts(string.Join(',', limits));
        var u = ParseInts(string.Join(',', usages));
        return l.Length >= 2 && u.Length >= 2 ? new UsagePair(l[0], l[1], u[0], u[1]) : null;
    }

    private static int[] ParseInts(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : -1)];

    private readonly record struct UsagePair(int Limit15, int LimitDaily, int Usage15, int UsageDaily)
    {
        public bool Spent15 => Limit15 >= 0 && Usage15 >= Limit15;

        public bool SpentDaily => LimitDaily >= 0 && UsageDaily >= LimitDaily;
    }
}

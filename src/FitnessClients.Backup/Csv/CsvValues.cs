using System.Globalization;
using System.Text.Json;
using FitnessClients.Backup.Manifest;

namespace FitnessClients.Backup.Csv;

/// <summary>The value of a template key for one activity; units as documented in docs/backup.md.</summary>
internal static class CsvValues
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Get(string key, ManifestActivity a) => key switch
    {
        "startTimeIso" => a.StartTime.ToString("yyyy-MM-dd HH:mm:sszzz", Invariant),
        "endTimeIso" => a.ElapsedTimeSeconds is { } e ? a.StartTime.AddSeconds(e).ToString("yyyy-MM-dd HH:mm:sszzz", Invariant) : "",
        "startTimeUtc" => a.StartTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant),
        "startTimeMillis" => a.StartTime.ToUnixTimeMilliseconds().ToString(Invariant),
        "id" => Text(a.Id),
        "service" => "",
        "activityName" => Text(a.Name),
        "tzOffset" => a.StartTime.ToString("zzz", Invariant),
        "activityType" or "activityTypeKey" => a.Sport is { } sport ? Text(sport) : RawText(a, "activityType.typeKey"),
        "activityTypeId" => RawText(a, "activityType.typeId"),
        "parentTypeId" => RawText(a, "activityType.parentTypeId"),
        "eventType" or "eventTypeKey" => RawText(a, "eventType.typeKey"),
        "privacy" => RawText(a, "privacy.typeKey"),
        "duration" => Hms(RawNumber(a, "duration") ?? a.ElapsedTimeSeconds),
        "elapsedDuration" => Hms(a.ElapsedTimeSeconds),
        "movingDuration" => Hms(a.MovingTimeSeconds),
        "durationSeconds" => Number(RawNumber(a, "duration") ?? a.ElapsedTimeSeconds, "0.###"),
        "elapsedDurationSeconds" => Number(a.ElapsedTimeSeconds, "0.###"),
        "movingDurationSeconds" => Number(a.MovingTimeSeconds, "0.###"),
        "distanceRaw" => Number(a.DistanceMeters / 1000, "0.#####"),
        "distanceMeters" => Number(a.DistanceMeters, "0.##"),
        "averageSpeedRaw" => Number(RawNumber(a, "averageSpeed") * 3.6, "0.###"),
        "averageMovingSpeedRaw" => Number(RawNumber(a, "averageMovingSpeed") * 3.6, "0.###"),
        "maxSpeedRaw" => Number(RawNumber(a, "maxSpeed") * 3.6, "0.###"),
        "averageSpeedMps" => Number(RawNumber(a, "averageSpeed"), "0.####"),
        "maxSpeedMps" => Number(RawNumber(a, "maxSpeed"), "0.####"),
        "averageSpeedPace" => SpeedOrPace(a, RawNumber(a, "averageSpeed")),
        "averageMovingSpeedPace" => SpeedOrPace(a, RawNumber(a, "averageMovingSpeed")),
        "maxSpeedPace" => SpeedOrPace(a, RawNumber(a, "maxSpeed")),
        "elevationGain" or "elevationLoss" or "minElevation" or "maxElevation" or "averageTemperature" or "minTemperature" or "maxTemperature"
            => Number(RawNumber(a, key), "0.#"),
        "maxHR" or "averageHR" or "calories" or "steps" or "avgPower" or "maxPower" or "normPower" => Number(RawNumber(a, key), "0"),
        "vo2max" => Number(RawNumber(a, "vO2MaxValue"), "0.#"),
        "aerobicEffect" => Number(RawNumber(a, "aerobicTrainingEffect"), "0.0"),
        "anaerobicEffect" => Number(RawNumber(a, "anaerobicTrainingEffect"), "0.0"),
        "trainingLoad" => Number(RawNumber(a, "activityTrainingLoad"), "0.#"),
        "averageRunCadence" => Number(RawNumber(a, "averageRunningCadenceInStepsPerMinute"), "0.#"),
        "maxRunCadence" => Number(RawNumber(a, "maxRunningCadenceInStepsPerMinute"), "0.#"),
        "averageCadence" => Number(RawNumber(a, "averageBikingCadenceInRevPerMinute"), "0.#"),
        "maxCadence" => Number(RawNumber(a, "maxBikingCadenceInRevPerMinute"), "0.#"),
        "strideLength" => Number(RawNumber(a, "avgStrideLength"), "0.##"),
        "hasGpsTrack" => a.HasGpsTrack ? "true" : "false",
        "files" => Text(string.Join(';', a.Formats.Values.SelectMany(f => f.Parts is { } parts ? parts.Select(p => p.Path) : [f.Path]).Where(p => p is not null).Distinct(StringComparer.Ordinal))),
        "notAvailable" => Text(string.Join(';', a.Formats.Where(f => f.Value.NotAvailable is not null).Select(f => f.Key))),
        _ => RawText(a, key),
    };

    /// <summary>Pace (min/km, <c>m:ss</c>) for running, hiking and walking, as garmin-connect-export does; km/h otherwise.</summary>
    internal static string SpeedOrPace(ManifestActivity a, double? metresPerSecond)
    {
        if (metresPerSecond is not { } speed || speed <= 0)
        {
            return "";
        }

        if (!UsesPace(a))
        {
            return Number(speed * 3.6, "0.###");
        }

        var secondsPerKm = (int)Math.Round(1000 / speed);
        return string.Create(Invariant, $"{secondsPerKm / 60}:{secondsPerKm % 60:00}");
    }

    internal static bool UsesPace(ManifestActivity a)
    {
        int[] paced = [1, 3, 9];
        if (RawNumber(a, "activityType.typeId") is { } typeId)
        {
            return paced.Contains((int)typeId) || (RawNumber(a, "activityType.parentTypeId") is { } parent && paced.Contains((int)parent));
        }

        var sport = (a.Sport ?? "").ToUpperInvariant();
        return sport.Contains("RUN", StringComparison.Ordinal) || sport.Contains("WALK", StringComparison.Ordinal) || sport.Contains("HIK", StringComparison.Ordinal);
    }

    private static string Hms(double? seconds)
    {
        // A value no TimeSpan can hold (a service's garbage, 1e308) is left blank rather than failing the whole CSV.
        if (seconds is not { } s || !double.IsFinite(s) || Math.Abs(s) >= TimeSpan.MaxValue.TotalSeconds - 1)
        {
            return "";
        }

        var time = TimeSpan.FromSeconds(Math.Round(s));
        return string.Create(Invariant, $"{(int)time.TotalHours}:{time.Minutes:00}:{time.Seconds:00}");
    }

    /// <summary>
    /// A text cell, neutralised against formula injection as OWASP recommends: a cell a spreadsheet would read as a
    /// formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return) gets a leading
    /// <c>'</c>. Only text from the service passes here; the numbers, dates and durations this class formats itself
    /// stay as they are so that a negative elevation or temperature is still a number.
    /// </summary>
    internal static string Text(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value ?? "";

    private static string Number(double? value, string format) => value?.ToString(format, Invariant) ?? "";

    private static double? RawNumber(ManifestActivity a, string path) =>
        Find(a, path) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;

    private static string RawText(ManifestActivity a, string path) => Find(a, path) switch
    {
        { ValueKind: JsonValueKind.String } value => Text(value.GetString()),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } value => value.GetRawText(),
        _ => "",
    };

    private static JsonElement? Find(ManifestActivity a, string path)
    {
        if (a.Raw is not { ValueKind: JsonValueKind.Object } current)
        {
            return null;
        }

        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                // The summary JSON calls the list's activityType "activityTypeDTO".
                return null;
            }
        }

        return current;
    }
}

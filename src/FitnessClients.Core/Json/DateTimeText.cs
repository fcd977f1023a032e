using System.Globalization;
using System.Text.RegularExpressions;

namespace FitnessClients.Core.Json;

/// <summary>
/// Parses the date-time spellings the services use into a wall-clock time plus, when the text has one, its UTC
/// offset. Whether a missing offset is an error, UTC, or a local time is the caller's decision.
/// </summary>
internal static partial class DateTimeText
{
    /// <summary>Every text form the converters accept, for error messages.</summary>
    public const string AcceptedForms =
        "ISO 8601 like 2024-05-01T07:30:00Z, 2024-05-01T07:30:00.123+02:00 or 2024-05-01 07:30:00 (1 to 9 fraction digits), " +
        "RFC 1123 like Wed, 1 May 2024 07:30:00 (GMT), or epoch seconds or milliseconds";

    private const decimal AutoMillisecondsThreshold = 100_000_000_000m;

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">The text, surrounding white space allowed.</param>
    /// <param name="clock">The date and time as written, with <see cref="DateTimeKind.Unspecified"/>.</param>
    /// <param name="offset">The offset written in the text, or <see langword="null"/> when there was none.</param>
    /// <returns>Whether the text is one of the accepted forms and a real date.</returns>
    public static bool TryParse(string text, out DateTime clock, out TimeSpan? offset)
    {
        clock = default;
        offset = null;
        var trimmed = text.Trim();
        var match = IsoPattern().Match(trimmed);
        if (match.Success)
        {
            return TryBuildIso(match, out clock, out offset);
        }

        if (DateTime.TryParseExact(trimmed, ["ddd, d MMM yyyy HH:mm:ss", "ddd, d MMM yyyy HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var rfcLocal))
        {
            clock = DateTime.SpecifyKind(rfcLocal, DateTimeKind.Unspecified);
            return true;
        }

        if (DateTime.TryParseExact(trimmed, ["ddd, d MMM yyyy HH:mm:ss 'GMT'", "ddd, d MMM yyyy HH:mm:ss 'UTC'"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var rfcUtc))
        {
            clock = DateTime.SpecifyKind(rfcUtc, DateTimeKind.Unspecified);
            offset = TimeSpan.Zero;
            return true;
        }

        return false;
    }

    /// <summary>Whether <paramref name="text"/> is a plain (optionally signed, optionally fractional) number, i.e. an epoch value sent as a string.</summary>
    public static bool TryParseEpochText(string text, out decimal value)
    {
        value = 0;
        var trimmed = text.Trim();
        return EpochTextPattern().IsMatch(trimmed)
            && decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Converts an epoch number to a UTC moment.</summary>
    /// <returns><see langword="false"/> when the moment is outside the range of <see cref="DateTimeOffset"/>.</returns>
    public static bool TryFromEpoch(decimal value, EpochUnit unit, out DateTimeOffset result)
    {
        result = default;
        var milliseconds = unit switch
        {
            EpochUnit.Milliseconds => true,
            EpochUnit.Seconds => false,
            _ => Math.Abs(value) >= AutoMillisecondsThreshold,
        };
        var ticksPerUnit = milliseconds ? TimeSpan.TicksPerMillisecond : TimeSpan.TicksPerSecond;
        var maxUnits = (DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (decimal)ticksPerUnit;
        var minUnits = (DateTimeOffset.MinValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (decimal)ticksPerUnit;
        if (value > maxUnits || value < minUnits)
        {
            return false;
        }

        var ticks = (long)decimal.Round(value * ticksPerUnit, MidpointRounding.ToZero);
        result = DateTimeOffset.UnixEpoch.AddTicks(ticks);
        return true;
    }

    /// <summary>Formats an instant as ISO 8601 with the shortest exact fraction; UTC is written with <c>Z</c>.</summary>
    public static string FormatInstant(DateTimeOffset value) =>
        value.Offset == TimeSpan.Zero
            ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>Formats a wall-clock time as ISO 8601 without an offset.</summary>
    public static string FormatClock(DateTime value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static bool TryBuildIso(Match match, out DateTime clock, out TimeSpan? offset)
    {
        clock = default;
        offset = null;
        var year = Int(match, "y");
        var month = Int(match, "mo");
        var day = Int(match, "d");
        var hour = Int(match, "h");
        var minute = Int(match, "mi");
        var second = match.Groups["s"].Success ? Int(match, "s") : 0;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59 || year < 1)
        {
            return false;
        }

        var ticks = 0L;
        if (match.Groups["f"].Success)
        {
            // Up to 9 digits are accepted (Go and JavaScript write nanoseconds); a tick is 100 ns, so keep 7.
            var digits = match.Groups["f"].Value.PadRight(7, '0')[..7];
            ticks = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        clock = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);

        var zone = match.Groups["z"];
        if (zone.Success)
        {
            if (zone.Value is "Z" or "z")
            {
                offset = TimeSpan.Zero;
            }
            else
            {
                var sign = zone.Value[0] == '-' ? -1 : 1;
                var digits = zone.Value[1..].Replace(":", string.Empty, StringComparison.Ordinal);
                var hours = int.Parse(digits.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture);
                var minutes = digits.Length > 2 ? int.Parse(digits.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture) : 0;
                if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0))
                {
                    return false;
                }

                offset = sign * new TimeSpan(hours, minutes, 0);
            }
        }

        return true;
    }

    private static int Int(Match match, string group) =>
        int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex("""^(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})[Tt ](?<h>[0-9]{2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2})(?:[.,](?<f>[0-9]{1,9}))?)?(?<z>[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?$""", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();

    [GeneratedRegex("""^[+-]?[0-9]+(?:\.[0-9]+)?$""", RegexOptions.CultureInvariant)]
    private static partial Regex EpochTextPattern();
}

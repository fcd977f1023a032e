using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace FitnessClients.Runkeeper.Export;

/// <summary>
/// Reads <c>cardioActivities.csv</c>: columns found by header name (units follow the account setting: <c>Distance (km)</c>
/// or <c>Distance (mi)</c>, <c>Climb (m)</c> or <c>Climb (ft)</c>), quoted notes with commas and line breaks, a BOM.
/// </summary>
internal static class RunkeeperCsvReader
{
    private const double MetresPerMile = 1609.344;
    private const double MetresPerFoot = 0.3048;
    private static readonly string[] DateFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "M/d/yyyy H:mm:ss", "M/d/yyyy H:mm"];

    public static List<RunkeeperExportRow> Read(Stream csvStream, string fileName)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            MissingFieldFound = null,
            HeaderValidated = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.Trim,
        };
        using var text = new StreamReader(csvStream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024, leaveOpen: true);
        using var csv = new CsvReader(text, config);
        var rows = new List<RunkeeperExportRow>();
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } headers)
            {
                return rows;
            }

            var dateColumn = Find(headers, "Date") ?? throw new InvalidDataException($"{fileName} has no 'Date' column; is it Runkeeper's cardioActivities.csv? Columns: {string.Join(", ", headers)}.");
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                var columns = new List<KeyValuePair<string, string>>(headers.Length);
                for (var i = 0; i < headers.Length; i++)
                {
                    columns.Add(new(headers[i], csv.TryGetField<string>(i, out var value) ? value ?? string.Empty : string.Empty));
                }

                string? Get(int? index) => index is { } i && !string.IsNullOrWhiteSpace(columns[i].Value) ? columns[i].Value.Trim() : null;
                if (Get(dateColumn) is not { } dateText)
                {
                    if (columns.All(c => string.IsNullOrWhiteSpace(c.Value)))
                    {
                        continue; // a blank line at the end
                    }

                    throw new InvalidDataException($"{fileName} line {line}: the Date is empty.");
                }

                if (!DateTime.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw new InvalidDataException($"{fileName} line {line}: the Date '{dateText}' is not yyyy-MM-dd HH:mm:ss.");
                }

                var id = Get(Find(headers, "Activity Id")) ?? string.Create(CultureInfo.InvariantCulture, $"{date:yyyyMMdd'T'HHmmss}");
                if (!seen.Add(id))
                {
                    continue; // the same activity twice: keep the first row
                }

                var miles = Find(headers, "Distance (mi)") is not null;
                var feet = Find(headers, "Climb (ft)") is not null;
                var mph = Find(headers, "Average Speed (mph)") is not null;
                rows.Add(new RunkeeperExportRow
                {
                    LineNumber = line,
                    Id = id,
                    LocalDate = DateTime.SpecifyKind(date, DateTimeKind.Unspecified),
                    Columns = columns,
                    Type = Get(Find(headers, "Type")),
                    RouteName = Get(Find(headers, "Route Name")),
                    DistanceMeters = Number(Get(Find(headers, "Distance (km)") ?? Find(headers, "Distance (mi)"))) * (miles ? MetresPerMile : 1000),
                    Duration = Duration(Get(Find(headers, "Duration"))),
                    AveragePace = Get(Find(headers, "Average Pace")),
                    AverageSpeedKmh = Number(Get(Find(headers, "Average Speed (km/h)") ?? Find(headers, "Average Speed (mph)"))) * (mph ? MetresPerMile / 1000 : 1),
                    Calories = Number(Get(Find(headers, "Calories Burned"))),
                    ClimbMeters = Number(Get(Find(headers, "Climb (m)") ?? Find(headers, "Climb (ft)"))) * (feet ? MetresPerFoot : 1),
                    AverageHeartRate = Number(Get(Find(headers, "Average Heart Rate (bpm)"))),
                    Notes = Get(Find(headers, "Notes")),
                    GpxFile = Get(Find(headers, "GPX File")),
                });
            }
        }
        catch (CsvHelperException ex)
        {
            throw new InvalidDataException($"{fileName} line {csv.Parser.RawRow}: not readable as CSV ({ex.GetType().Name}).", ex);
        }

        return rows;
    }

    private static int? Find(string[] headers, string name)
    {
        for (var i = 0; i < headers.Length; i++)
        {
            if (string.Equals(headers[i]?.Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }

    private static double? Number(string? text) =>
        text is not null && double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : null;

    /// <summary><c>mm:ss</c>, <c>h:mm:ss</c>, or plain seconds.</summary>
    internal static TimeSpan? Duration(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(':');
        if (parts.Length is < 1 or > 3)
        {
            return null;
        }

        double seconds = 0;
        foreach (var part in parts)
        {
            if (!double.TryParse(part.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || !double.IsFinite(value))
            {
                return null;
            }

            seconds = (seconds * 60) + value;
        }

        return TimeSpan.FromSeconds(seconds);
    }
}

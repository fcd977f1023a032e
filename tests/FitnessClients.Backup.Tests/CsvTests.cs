using FitnessClients.Backup.Tests.Support;
using FitnessClients.Core.Activities;

namespace FitnessClients.Backup.Tests;

/// <summary>activities.csv: template columns, values and units, pace by sport, no duplicate rows.</summary>
public class CsvTests
{
    [Test]
    public void Parses_properties_templates()
    {
        var template = CsvTemplate.Parse("# comment\n! also a comment\r\n\nstartTimeIso=Start Time\nid = Activity ID\nmaxTemperature=Max. Temp (\\u00b0C)\nraw.key:Title: with colon\n");

        Assert.That(template.Columns, Is.EqualTo(new[]
        {
            new CsvColumn("startTimeIso", "Start Time"),
            new CsvColumn("id", "Activity ID"),
            new CsvColumn("maxTemperature", "Max. Temp (°C)"),
            new CsvColumn("raw.key", "Title: with colon"),
        }));
        Assert.Throws<FormatException>(() => CsvTemplate.Parse("no separator"));
    }

    [Test]
    public void The_shipped_templates_start_like_garmin_connect_export()
    {
        Assert.That(CsvTemplate.Default.Columns.Take(3).Select(c => c.Title), Is.EqualTo(new[] { "Start Time", "End Time", "Activity ID" }));
        Assert.That(CsvTemplate.All.Columns.Select(c => c.Key), Is.SupersetOf(CsvTemplate.Default.Columns.Select(c => c.Key)));
        Assert.That(CsvTemplate.All.Columns.Select(c => c.Key), Is.Unique);
    }

    [Test]
    public async Task Rows_come_from_the_manifest_with_pace_for_running_and_speed_for_cycling_and_never_duplicate()
    {
        using var folder = new TempFolder();
        var source = new FakeActivitySource();
        source.Add(1, new DateTimeOffset(2025, 3, 1, 7, 0, 0, TimeSpan.FromHours(-6)), "running", "Run, \"quoted\"");
        source.Add(2, new DateTimeOffset(2025, 3, 2, 7, 0, 0, TimeSpan.FromHours(1)), "road_biking", "Ride", typeId: 10, parentTypeId: 2);
        var template = CsvTemplate.Parse("startTimeIso=Start\nendTimeIso=End\nid=ID\nactivityName=Name\ndistanceRaw=Distance (km)\naverageSpeedPace=Pace\nmaxSpeedRaw=Max (km/h)\nmovingDuration=Moving\naverageHR=HR\nfiles=Files\nactivityType.parentTypeId=Parent");
        var options = new BackupOptions { BackupDirectory = folder.Path, Formats = [ActivityFormat.Gpx], CsvTemplate = template };

        await new BackupEngine(source).RunAsync(options);
        await new BackupEngine(source).RunAsync(options with { FullScan = true });

        var lines = File.ReadAllLines(folder[BackupEngine.CsvFileName]);
        Assert.That(lines, Is.EqualTo(new[]
        {
            "\"Start\",\"End\",\"ID\",\"Name\",\"Distance (km)\",\"Pace\",\"Max (km/h)\",\"Moving\",\"HR\",\"Files\",\"Parent\"",
            "\"2025-03-01 07:00:00-06:00\",\"2025-03-01 07:31:41-06:00\",\"1\",\"Run, \"\"quoted\"\"\",\"5.001\",\"6:40\",\"14.4\",\"0:30:01\",\"140\",\"2025-03-01T13-00-00Z_1.gpx\",\"17\"",
            "\"2025-03-02 07:00:00+01:00\",\"2025-03-02 07:31:42+01:00\",\"2\",\"Ride\",\"5.002\",\"9\",\"14.4\",\"0:30:02\",\"140\",\"2025-03-02T06-00-00Z_2.gpx\",\"2\"",
        }));
    }

    [Test]
    public async Task The_all_template_writes_every_column()
    {
        using var folder = new TempFolder();
        var source = new FakeActivitySource();
        source.Add(7, new DateTimeOffset(2025, 3, 1, 7, 0, 0, TimeSpan.Zero));

        await new BackupEngine(source).RunAsync(new BackupOptions { BackupDirectory = folder.Path, Formats = [ActivityFormat.Gpx], CsvTemplate = CsvTemplate.All });

        var lines = File.ReadAllLines(folder[BackupEngine.CsvFileName]);
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[1], Does.Contain("\"fake\"").And.Contain("\"2025-03-01T07:00:00Z\"").And.Contain("\"1740812400000\""));
    }

    [Test]
    public async Task Text_cells_that_a_spreadsheet_would_run_as_formulas_are_prefixed_with_a_quote()
    {
        using var folder = new TempFolder();
        var source = new FakeActivitySource();
        string[] names = ["=HYPERLINK(\"http://x\")", "+1+2", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\tTab", "\rReturn", "Plain - run", "'quoted"];
        for (var i = 0; i < names.Length; i++)
        {
            source.Add(i + 1, new DateTimeOffset(2025, 3, 1 + i, 7, 0, 0, TimeSpan.FromHours(-6)), "running", names[i], description: "=1+1");
        }

        var template = CsvTemplate.Parse("tzOffset=Offset\nactivityName=Name\ndescription=Description");
        await new BackupEngine(source).RunAsync(new BackupOptions { BackupDirectory = folder.Path, Formats = [ActivityFormat.Gpx], CsvTemplate = template });

        var text = await File.ReadAllTextAsync(folder[BackupEngine.CsvFileName]);
        Assert.That(text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            "\"Offset\",\"Name\",\"Description\"",
            "\"-06:00\",\"'=HYPERLINK(\"\"http://x\"\")\",\"'=1+1\"",
            "\"-06:00\",\"'+1+2\",\"'=1+1\"",
            "\"-06:00\",\"'-2+3+cmd|' /C calc'!A0\",\"'=1+1\"",
            "\"-06:00\",\"'@SUM(A1)\",\"'=1+1\"",
            "\"-06:00\",\"'\tTab\",\"'=1+1\"",
            "\"-06:00\",\"'",
            "Return\",\"'=1+1\"",
            "\"-06:00\",\"Plain - run\",\"'=1+1\"",
            "\"-06:00\",\"'quoted\",\"'=1+1\"",
        }));
    }

    [Test]
    public void Numbers_stay_numbers_even_when_negative_and_only_text_from_the_service_is_neutralised()
    {
        var activity = new Manifest.ManifestActivity
        {
            Id = "-5",
            StartTime = new DateTimeOffset(2025, 1, 1, 7, 0, 0, TimeSpan.FromHours(-3)),
            Sport = "-sport",
            Raw = System.Text.Json.JsonSerializer.SerializeToElement(new Dictionary<string, object>
            {
                ["minElevation"] = -12.3,
                ["minTemperature"] = -4.0,
                ["custom"] = new Dictionary<string, object> { ["number"] = -7.5, ["text"] = "-text", ["flag"] = true },
                ["privacy"] = new Dictionary<string, object> { ["typeKey"] = "@private" },
            }),
        };

        Assert.Multiple(() =>
        {
            Assert.That(Csv.CsvValues.Get("minElevation", activity), Is.EqualTo("-12.3"));
            Assert.That(Csv.CsvValues.Get("minTemperature", activity), Is.EqualTo("-4"));
            Assert.That(Csv.CsvValues.Get("tzOffset", activity), Is.EqualTo("-03:00"));
            Assert.That(Csv.CsvValues.Get("custom.number", activity), Is.EqualTo("-7.5"));
            Assert.That(Csv.CsvValues.Get("custom.flag", activity), Is.EqualTo("true"));
            Assert.That(Csv.CsvValues.Get("custom.text", activity), Is.EqualTo("'-text"));
            Assert.That(Csv.CsvValues.Get("privacy", activity), Is.EqualTo("'@private"));
            Assert.That(Csv.CsvValues.Get("activityType", activity), Is.EqualTo("'-sport"));
            Assert.That(Csv.CsvValues.Get("id", activity), Is.EqualTo("'-5"));
        });
    }
}

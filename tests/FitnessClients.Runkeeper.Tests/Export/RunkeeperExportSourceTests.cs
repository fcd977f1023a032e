using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using FitnessClients.Backup;
using FitnessClients.Core.Activities;
using FitnessClients.Testing;

namespace FitnessClients.Runkeeper.Tests.Export;

/// <summary>Reading a data export ZIP: rows, offsets from the GPX, byte-identical GPX, malicious entries, bad input.</summary>
public class RunkeeperExportSourceTests
{
    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("rk-export-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(_folder, name);

    private static async Task<List<ActivitySummary>> ListAllAsync(IActivitySource source, ActivityListOptions? options = null)
    {
        var list = new List<ActivitySummary>();
        await foreach (var activity in source.ListActivitiesAsync(options))
        {
            list.Add(activity);
        }

        return list;
    }

    private static async Task<byte[]> ReadAsync(ActivityContent content)
    {
        using var buffer = new MemoryStream();
        await content.Stream!.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static string WriteZip(string path, params (string Name, string Text)[] entries)
    {
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        foreach (var (name, text) in entries)
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(Encoding.UTF8.GetBytes(text));
        }

        return path;
    }

    private const string Header = "Activity Id,Date,Type,Route Name,Distance (km),Duration,Average Pace,Average Speed (km/h),Calories Burned,Climb (m),Average Heart Rate (bpm),Friend's Tagged,Notes,GPX File\n";

    private static string GpxAt(string utc) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="Runkeeper - http://www.runkeeper.com" xmlns="http://www.topografix.com/GPX/1/1"><trk><name><![CDATA[Running]]></name><time>{utc}</time><trkseg><trkpt lat="1" lon="2"><time>{utc}</time></trkpt></trkseg></trk></gpx>""";

    [Test]
    public async Task A_synthetic_export_lists_every_row_newest_first_with_offsets_from_the_gpx()
    {
        var options = new RunkeeperEmulatorOptions { ActivityCount = 40, ManualShare = 0.2 };
        var emulator = new RunkeeperEmulator(new FakeTimeProvider(FakeTimeDefaults.Start), options);
        var zip = Path("export.zip");
        using (var file = File.Create(zip))
        {
            emulator.WriteExportZip(file);
        }

        var listed = await ListAllAsync(new RunkeeperExportSource(zip));

        var expected = emulator.Activities;
        Assert.That(listed.Select(a => a.Id), Is.EquivalentTo(expected.Select(a => a.ExportId.ToString())));
        Assert.That(listed.Select(a => a.StartTime), Is.Ordered.Descending);
        foreach (var activity in expected)
        {
            var summary = listed.Single(a => a.Id == activity.ExportId.ToString());
            Assert.That(summary.StartTime.DateTime, Is.EqualTo(activity.StartLocal.DateTime), "the CSV's local time is kept");
            Assert.That(summary.HasGpsTrack, Is.EqualTo(!activity.IsManual));
            Assert.That(summary.Sport, Is.EqualTo(activity.Type));
            Assert.That(summary.DistanceMeters, Is.EqualTo(activity.Distance).Within(5.1));
            if (activity.IsManual)
            {
                Assert.That(summary.StartTime.Offset, Is.EqualTo(TimeSpan.Zero));
                Assert.That(summary.Raw!.Value.GetProperty("start_time_source").GetString(), Is.EqualTo("local_time_only"));
            }
            else
            {
                Assert.That(summary.StartTime, Is.EqualTo(activity.StartUtc));
                Assert.That(summary.StartTime.Offset, Is.EqualTo(activity.StartLocal.Offset));
                Assert.That(summary.Raw!.Value.GetProperty("start_time_source").GetString(), Is.EqualTo("gpx"));
            }
        }
    }

    [Test]
    public async Task Imperial_columns_are_converted_and_quoted_notes_survive()
    {
        var options = new RunkeeperEmulatorOptions { ActivityCount = 30 };
        var zip = Path("imperial.zip");
        using (var file = File.Create(zip))
        {
            RunkeeperExportZip.Write(file, options, imperialUnits: true);
        }

        var expected = new RunkeeperEmulator(new FakeTimeProvider(FakeTimeDefaults.Start), options).Activities;
        var listed = await ListAllAsync(new RunkeeperExportSource(zip));

        foreach (var activity in expected)
        {
            var summary = listed.Single(a => a.Id == activity.ExportId.ToString());
            Assert.That(summary.DistanceMeters, Is.EqualTo(activity.Distance).Within(8.1), "miles with two decimals");
            Assert.That(summary.ElapsedTime!.Value.TotalSeconds, Is.EqualTo(Math.Round(activity.Duration)).Within(0.5));
            var notes = summary.Raw!.Value.TryGetProperty("notes", out var n) ? n.GetString() : null;
            Assert.That(notes, Is.EqualTo(activity.Notes));
        }

        Assert.That(expected.Any(a => a.Notes?.Contains('\n', StringComparison.Ordinal) == true), Is.True, "the seed has a note with a line break");
    }

    [Test]
    public async Task Gpx_is_the_file_from_the_zip_byte_for_byte_and_manual_rows_have_none()
    {
        var zip = Path("export.zip");
        RunkeeperExportZip.WriteFile(zip, new RunkeeperEmulatorOptions { ActivityCount = 20, ManualShare = 0.3 });
        var source = new RunkeeperExportSource(zip);
        var listed = await ListAllAsync(source);
        var gps = listed.First(a => a.HasGpsTrack);
        var manual = listed.First(a => !a.HasGpsTrack);
        var name = gps.Raw!.Value.GetProperty("gpx_file").GetString()!;
        byte[] original;
        using (var archive = ZipFile.OpenRead(zip))
        {
            using var entry = archive.GetEntry(name)!.Open();
            using var copy = new MemoryStream();
            entry.CopyTo(copy);
            original = copy.ToArray();
        }

        await using var gpx = await source.OpenAsync(gps, RunkeeperActivityFormats.Gpx);
        await using var none = await source.OpenAsync(manual, RunkeeperActivityFormats.Gpx);
        await using var summary = await source.OpenAsync(gps, RunkeeperActivityFormats.SummaryJson);

        Assert.That(await ReadAsync(gpx), Is.EqualTo(original));
        Assert.That(none.IsAvailable, Is.False);
        Assert.That(none.UnavailableReason, Does.Contain("entered by hand"));
        using var json = JsonDocument.Parse(await ReadAsync(summary));
        Assert.That(json.RootElement.GetProperty("csv").GetProperty("Activity Id").GetString(), Is.EqualTo(gps.Id));
    }

    [Test]
    public async Task Entries_and_gpx_values_that_leave_the_archive_tree_are_never_used()
    {
        var csv = Header
            + "id-1,2020-05-02 15:16:17,Running,,5.00,25:00,5:00,12.00,300,10,,,,../evil.gpx\n"
            + "id-2,2020-05-01 15:16:17,Running,,5.00,25:00,5:00,12.00,300,10,,,,/etc/passwd\n"
            + "id-3,2020-04-30 15:16:17,Running,,5.00,25:00,5:00,12.00,300,10,,,,C:\\x.gpx\n"
            + "id-4,2020-04-29 15:16:17,Running,,5.00,25:00,5:00,12.00,300,10,,,,good.gpx\n";
        var zip = WriteZip(
            Path("evil.zip"),
            ("../evil.gpx", GpxAt("2020-05-02T13:16:17Z")),
            ("/etc/passwd", "root:x:0:0"),
            ("../cardioActivities.csv", Header + "id-9,2020-01-01 00:00:00,Running,,1,1:00,,,,,,,,\n"),
            ("data/cardioActivities.csv", csv),
            ("data/good.gpx", GpxAt("2020-04-29T13:16:17Z")));
        var source = new RunkeeperExportSource(zip);

        var listed = await ListAllAsync(source);

        Assert.That(listed.Select(a => a.Id), Is.EqualTo(new[] { "id-1", "id-2", "id-3", "id-4" }), "the CSV outside the tree was not used");
        foreach (var id in new[] { "id-1", "id-2", "id-3" })
        {
            var activity = listed.Single(a => a.Id == id);
            Assert.That(activity.HasGpsTrack, Is.False);
            await using var content = await source.OpenAsync(activity, RunkeeperActivityFormats.Gpx);
            Assert.That(content.IsAvailable, Is.False);
            Assert.That(content.UnavailableReason, Does.Contain("not followed"));
        }

        var good = listed.Single(a => a.Id == "id-4");
        Assert.That(good.StartTime, Is.EqualTo(new DateTimeOffset(2020, 4, 29, 15, 16, 17, TimeSpan.FromHours(2))));
    }

    [Test]
    public void An_archive_whose_only_csv_is_outside_the_tree_is_not_an_export()
    {
        var zip = WriteZip(Path("outside.zip"), ("../cardioActivities.csv", Header));

        var error = Assert.ThrowsAsync<InvalidDataException>(() => ListAllAsync(new RunkeeperExportSource(zip)));

        Assert.That(error!.Message, Does.Contain("no cardioActivities.csv"));
    }

    [Test]
    public void A_bad_date_names_the_file_and_line()
    {
        var zip = WriteZip(Path("bad.zip"), ("cardioActivities.csv", Header + "id-1,2020-05-02 15:16:17,Running,,5,25:00,,,,,,,,\nid-2,yesterday,Running,,5,25:00,,,,,,,,\n"));

        var error = Assert.ThrowsAsync<InvalidDataException>(() => ListAllAsync(new RunkeeperExportSource(zip)));

        Assert.That(error!.Message, Does.Contain("cardioActivities.csv line 3").And.Contain("yesterday"));
    }

    [Test]
    public void A_file_that_is_not_a_zip_is_a_clear_error()
    {
        var path = Path("not.zip");
        File.WriteAllText(path, "hello");

        var error = Assert.ThrowsAsync<InvalidDataException>(() => ListAllAsync(new RunkeeperExportSource(path)));

        Assert.That(error!.Message, Does.Contain("not a readable ZIP"));
        Assert.Throws<FileNotFoundException>(() => _ = new RunkeeperExportSource(Path("missing.zip")));
    }

    [Test]
    public async Task Entries_larger_than_the_limit_are_refused()
    {
        var big = GpxAt("2020-05-02T13:16:17Z") + new string(' ', 5000);
        var zip = WriteZip(Path("big.zip"), ("cardioActivities.csv", Header + "id-1,2020-05-02 15:16:17,Running,,5,25:00,,,,,,,,big.gpx\n"), ("big.gpx", big));
        var source = new RunkeeperExportSource(zip, new RunkeeperExportOptions { MaxEntryBytes = 4096 });

        var listed = await ListAllAsync(source);
        await using var content = await source.OpenAsync(listed[0], RunkeeperActivityFormats.Gpx);

        Assert.That(content.IsAvailable, Is.False);
        Assert.That(content.UnavailableReason, Does.Contain("larger than 4096"));
        Assert.ThrowsAsync<InvalidDataException>(() => ListAllAsync(new RunkeeperExportSource(zip, new RunkeeperExportOptions { MaxEntryBytes = 100 })));
    }

    [Test]
    public async Task Manual_rows_use_the_assumed_time_zone_when_one_is_given()
    {
        var zip = WriteZip(Path("manual.zip"), ("cardioActivities.csv", Header + "id-1,2020-07-02 18:00:00,Yoga,,0,45:00,,,,,,,,\n"));
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test/Plus9", TimeSpan.FromHours(9), "Test", "Test");

        var listed = await ListAllAsync(new RunkeeperExportSource(zip, new RunkeeperExportOptions { AssumedTimeZone = zone }));

        Assert.That(listed.Single().StartTime, Is.EqualTo(new DateTimeOffset(2020, 7, 2, 18, 0, 0, TimeSpan.FromHours(9))));
        Assert.That(listed.Single().Raw!.Value.GetProperty("start_time_source").GetString(), Is.EqualTo("assumed_time_zone"));
    }

    [Test]
    public async Task A_backup_of_an_export_keeps_the_gpx_files_unchanged_and_a_rerun_adds_nothing()
    {
        var zip = Path("export.zip");
        RunkeeperExportZip.WriteFile(zip, new RunkeeperEmulatorOptions { ActivityCount = 15 });
        var backup = Path("backup");
        var options = new BackupOptions { BackupDirectory = backup, Formats = RunkeeperActivityFormats.Export };

        var first = await new BackupEngine(new RunkeeperExportSource(zip)).RunAsync(options);
        var second = await new BackupEngine(new RunkeeperExportSource(zip)).RunAsync(options);

        Assert.That(first.Failed, Is.Zero);
        Assert.That(first.Listed, Is.EqualTo(15));
        Assert.That(second.Downloaded, Is.Zero);
        var gpxFiles = Directory.GetFiles(backup, "*.gpx", SearchOption.AllDirectories);
        Assert.That(gpxFiles, Is.Not.Empty);
        using var archive = ZipFile.OpenRead(zip);
        var originals = archive.Entries.Where(e => e.Name.EndsWith(".gpx", StringComparison.Ordinal)).Select(e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return Convert.ToHexString(copy.ToArray());
        }).ToHashSet();
        Assert.That(gpxFiles.Select(f => Convert.ToHexString(File.ReadAllBytes(f))), Is.All.Matches<string>(originals.Contains));
    }
}

using System.Globalization;
using System.Text;
using FitnessClients.Testing;

namespace FitnessClients.GarminConnect.Tests.Emulator;

/// <summary>Downloads and uploads against the Garmin emulator.</summary>
public class EmulatorDownloadTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("garmin-emulated-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task A_large_original_is_streamed_to_disk_and_unpacked()
    {
        const long size = 24 * 1024 * 1024;
        using var h = new EmulatorHarness(new GarminConnectEmulatorOptions { ActivityCount = 20, LargeOriginalSize = size });
        await h.SeedTokensAsync();
        var client = h.CreateClient();
        var id = h.Emulator.ListedActivities.First(a => a.OriginalFormat == GarminOriginalFormat.Fit).Id;

        await using (var content = await client.Downloads.OpenAsync(id, GarminDownloadFormat.Original))
        {
            Assert.That(h.Emulator.LargeOriginalBytesProduced, Is.LessThan(size / 2), "the call returns before the body is made");
        }

        var result = await client.Downloads.DownloadToFileAsync(id, GarminDownloadFormat.Original, _folder, new GarminDownloadOptions { UnpackOriginal = true });

        Assert.That(result.FilePath, Is.EqualTo(Path.Combine(_folder, $"{id}_ACTIVITY.fit")));
        Assert.That(new FileInfo(result.FilePath!).Length, Is.EqualTo(size));
        Assert.That(result.Length, Is.EqualTo(size));
        await using var fit = File.OpenRead(result.FilePath!);
        var header = new byte[12];
        await fit.ReadExactlyAsync(header);
        Assert.That(Encoding.ASCII.GetString(header, 8, 4), Is.EqualTo(".FIT"));
        Assert.That(Directory.GetFiles(_folder), Has.Length.EqualTo(1), "no temp files left");
    }

    [Test]
    public async Task Every_format_of_a_device_activity_is_written_to_disk()
    {
        using var h = new EmulatorHarness();
        await h.SeedTokensAsync();
        var client = h.CreateClient();
        var activity = h.Emulator.ListedActivities.First(a => a.OriginalFormat == GarminOriginalFormat.Fit && a.HasGps && !a.IsMultisportParent);

        foreach (var format in Enum.GetValues<GarminDownloadFormat>())
        {
            var result = await client.Downloads.DownloadToFileAsync(activity.Id, format, _folder);
            Assert.That(result.IsAvailable, Is.True, format.ToString());
            Assert.That(new FileInfo(result.FilePath!).Length, Is.GreaterThan(0), format.ToString());
        }

        Assert.That(
            Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal),
            Is.EqualTo(new[] { "csv", "gpx", "kml", "tcx", "zip" }.Select(e => $"{activity.Id}.{e}")));
        Assert.That(File.ReadAllText(Path.Combine(_folder, $"{activity.Id}.gpx")), Does.Contain("<gpx"));
    }

    [Test]
    public async Task Manual_activities_GPX_imports_and_indoor_activities_are_not_available_where_Garmin_has_nothing()
    {
        using var h = new EmulatorHarness(new GarminConnectEmulatorOptions { ActivityCount = 120, ManualShare = 0.1, GpxUploadShare = 0.1 });
        await h.SeedTokensAsync();
        var client = h.CreateClient();
        var manual = h.Emulator.ListedActivities.First(a => a.IsManual);
        var gpxImport = h.Emulator.ListedActivities.First(a => a.OriginalFormat == GarminOriginalFormat.Gpx);

        await using var manualOriginal = await client.Downloads.OpenAsync(manual.Id, GarminDownloadFormat.Original);
        await using var manualGpx = await client.Downloads.OpenAsync(manual.Id, GarminDownloadFormat.Gpx);
        h.Emulator.Requests.Clear();
        await using var importTcx = await client.Downloads.OpenAsync(gpxImport.Id, GarminDownloadFormat.Tcx);
        await using var importOriginal = await client.Downloads.OpenOriginalFileAsync(gpxImport.Id);

        Assert.Multiple(() =>
        {
            Assert.That(manualOriginal.IsAvailable, Is.False);
            Assert.That(manualOriginal.UnavailableReason, Does.Contain("404"));
            Assert.That(manualGpx.IsAvailable, Is.False);
            Assert.That(importTcx.IsAvailable, Is.False);
            Assert.That(importTcx.UnavailableReason, Does.Contain("GPX upload"));
            Assert.That(h.Emulator.Requests.Count(HttpMethod.Get, $"/download-service/export/tcx/activity/{gpxImport.Id}"), Is.EqualTo(1), "no retries of the TCX 500");
            Assert.That(importOriginal.IsAvailable, Is.True);
            Assert.That(importOriginal.FileExtension, Is.EqualTo("gpx"));
        });
    }

    [Test]
    public async Task The_activity_source_opens_every_format_of_every_kind_of_activity()
    {
        using var h = new EmulatorHarness(new GarminConnectEmulatorOptions { ActivityCount = 40, ManualShare = 0.15, GpxUploadShare = 0.15, MultisportShare = 0.1 });
        await h.SeedTokensAsync();
        var source = new GarminActivitySource(h.CreateClient(o => o.ExpandMultisport = true));

        var opened = 0;
        var unavailable = 0;
        await foreach (var activity in source.ListActivitiesAsync())
        {
            var emulated = h.Emulator.FindActivity(long.Parse(activity.Id, CultureInfo.InvariantCulture))!;
            Assert.That(activity.StartTime, Is.EqualTo(emulated.Start));
            Assert.That(activity.HasGpsTrack, Is.EqualTo(emulated.HasGps), activity.Id);
            foreach (var format in source.SupportedFormats)
            {
                await using var content = await source.OpenAsync(activity, format);
                if (!content.IsAvailable)
                {
                    unavailable++;
                    Assert.That(content.UnavailableReason, Is.Not.Empty);
                    continue;
                }

                opened++;
                using var sink = new MemoryStream();
                await content.Stream!.CopyToAsync(sink);
                Assert.That(sink.Length, Is.GreaterThan(0), $"{activity.Id} {format}");
            }
        }

        Assert.That(opened, Is.GreaterThan(0));
        Assert.That(unavailable, Is.GreaterThan(0));
    }

    [Test]
    public async Task An_upload_creates_an_activity_and_the_same_file_again_is_a_duplicate()
    {
        using var h = new EmulatorHarness(new GarminConnectEmulatorOptions { ActivityCount = 10 });
        await h.SeedTokensAsync();
        var client = h.CreateClient();
        var gpx = Gpx(new DateTime(2024, 6, 1, 6, 0, 0, DateTimeKind.Utc));

        var created = await client.Uploads.UploadAsync(new MemoryStream(gpx), "morning.gpx");
        var again = await client.Uploads.UploadAsync(new MemoryStream(gpx), "again.gpx");

        Assert.That(created.Status, Is.EqualTo(GarminUploadStatus.Created));
        Assert.That(h.Emulator.FindActivity(created.ActivityId!.Value)?.OriginalFormat, Is.EqualTo(GarminOriginalFormat.Gpx));
        Assert.That(again.Status, Is.EqualTo(GarminUploadStatus.Duplicate));
        Assert.That(again.ActivityId, Is.EqualTo(created.ActivityId));
        Assert.That(h.Emulator.Uploads, Is.EqualTo(1));
    }

    [Test]
    public async Task Uploading_a_recording_Garmin_already_has_is_a_duplicate_of_it()
    {
        using var h = new EmulatorHarness(new GarminConnectEmulatorOptions { ActivityCount = 10 });
        await h.SeedTokensAsync();
        var client = h.CreateClient();
        var existing = h.Emulator.ListedActivities.First(a => a.OriginalFormat == GarminOriginalFormat.Fit && !a.IsMultisportParent);
        await using var fit = await client.Downloads.OpenOriginalFileAsync(existing.Id);
        using var copy = new MemoryStream();
        await fit.Stream!.CopyToAsync(copy);
        copy.Position = 0;

        var result = await client.Uploads.UploadAsync(copy, $"{existing.Id}_ACTIVITY.fit");

        Assert.That(result.IsDuplicate, Is.True);
        Assert.That(result.ActivityId, Is.EqualTo(existing.Id));
    }

    private static byte[] Gpx(DateTime start)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Imported run</name><type>running</type><trkseg>""");
        for (var i = 0; i <= 60; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""<trkpt lat="{39.7 + (i * 0.0001)}" lon="-105.0"><ele>1600</ele><time>{start.AddSeconds(i * 10):yyyy-MM-ddTHH:mm:ssZ}</time></trkpt>""");
        }

        return Encoding.UTF8.GetBytes(xml.Append("</trkseg></trk></gpx>").ToString());
    }
}

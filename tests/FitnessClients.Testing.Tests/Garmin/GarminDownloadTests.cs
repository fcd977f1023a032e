using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests.Garmin;

public class GarminDownloadTests
{
    private static readonly XNamespace Gpx = "http://www.topografix.com/GPX/1/1";
    private static readonly XNamespace Tcx = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2";

    [Test]
    public async Task Original_is_a_zip_holding_the_activity_fit()
    {
        var emulator = GarminTestSupport.Create(60);
        using var http = GarminTestSupport.AuthorizedClient(emulator);
        var activity = emulator.ListedActivities.First(a => a.OriginalFormat == GarminOriginalFormat.Fit && a.HasGps && !a.IsMultisportParent);

        using var response = await http.GetAsync($"download-service/files/activity/{activity.Id}");
        var zip = await response.Content.ReadAsByteArrayAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/x-zip-compressed"));
        Assert.That(response.Content.Headers.ContentDisposition!.FileName?.Trim('"'), Is.EqualTo($"{activity.Id}.zip"));
        var fit = ReadSingleEntry(zip, $"{activity.Id}_ACTIVITY.fit");
        FitFileAssert.IsValid(fit);
        var info = GarminFitReader.TryRead(fit)!;
        Assert.That(info.StartUtc, Is.EqualTo(activity.StartUtc.UtcDateTime));
        Assert.That(info.SerialNumber, Is.EqualTo((uint)activity.DeviceId!.Value));
        Assert.That(info.HasPosition, Is.True);
        Assert.That(info.Distance, Is.EqualTo(activity.Distance).Within(0.01));
    }

    [Test]
    public void Our_fit_crc_agrees_with_a_real_garmin_file()
    {
        var path = GarminReferenceFixtures.Require("garth__tests__12129115726_ACTIVITY.fit");

        FitFileAssert.IsValid(File.ReadAllBytes(path));
    }

    [Test]
    public async Task A_multisport_leg_downloads_the_parents_combined_file()
    {
        var emulator = GarminTestSupport.Create(60);
        using var http = GarminTestSupport.AuthorizedClient(emulator);
        var parent = emulator.ListedActivities.First(a => a.IsMultisportParent);

        var parentZip = await http.GetByteArrayAsync($"download-service/files/activity/{parent.Id}");
        var childZip = await http.GetByteArrayAsync($"download-service/files/activity/{parent.ChildIds[2]}");

        Assert.That(childZip, Is.EqualTo(parentZip));
        var fit = ReadSingleEntry(parentZip, $"{parent.Id}_ACTIVITY.fit");
        FitFileAssert.IsValid(fit);
        Assert.That(GarminFitReader.TryRead(fit)!.ElapsedSeconds, Is.EqualTo(emulator.FindActivity(parent.ChildIds[0])!.ElapsedDuration.TotalSeconds).Within(0.001), "the first session is the first leg");
    }

    [Test]
    public async Task Gpx_export_is_gpx_11_with_timed_trackpoints()
    {
        var emulator = GarminTestSupport.Create(60);
        using var http = GarminTestSupport.AuthorizedClient(emulator);
        var activity = emulator.ListedActivities.First(a => a.HasGps && a.AverageHeartRate is not null && !a.IsMultisportParent);

        using var response = await http.GetAsync($"download-service/export/gpx/activity/{activity.Id}");
        var gpx = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/gpx+xml"));
        Assert.That(gpx.Root!.Name, Is.EqualTo(Gpx + "gpx"));
        Assert.That(gpx.Root.Attribute("version")!.Value, Is.EqualTo("1.1"));
        var points = gpx.Descendants(Gpx + "trkpt").ToList();
        Assert.That(points, Has.Count.GreaterThan(100));
        var times = points.Select(p => DateTimeOffset.Parse(p.Element(Gpx + "time")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(times[0], Is.EqualTo(activity.StartUtc));
        Assert.That(times, Is.Ordered.Ascending);
        Assert.That(double.Parse(points[0].Attribute("lat")!.Value, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(activity.StartLatitude!.Value).Within(1e-6));
        Assert.That(gpx.Descendants(Gpx + "name").Single().Value, Is.EqualTo(activity.Name ?? string.Empty));
        Assert.That(points[0].Descendants().Where(e => e.Name.LocalName == "hr"), Is.Not.Empty);
    }

    [Test]
    public async Task Tcx_kml_and_csv_exports()
    {
        var emulator = GarminTestSupport.Create(60);
        using var http = GarminTestSupport.AuthorizedClient(emulator);
        var activity = emulator.ListedActivities.First(a => a.HasGps && a.TypeKey == "running");

        var tcx = XDocument.Parse(await http.GetStringAsync($"download-service/export/tcx/activity/{activity.Id}"));
        var kml = XDocument.Parse(await http.GetStringAsync($"download-service/export/kml/activity/{activity.Id}"));
        var csv = (await http.GetStringAsync($"download-service/export/csv/activity/{activity.Id}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var tcxActivity = tcx.Descendants(Tcx + "Activity").Single();
        Assert.That(tcxActivity.Attribute("Sport")!.Value, Is.EqualTo("Running"));
        Assert.That(tcxActivity.Descendants(Tcx + "Trackpoint"), Is.Not.Empty);
        Assert.That(tcxActivity.Elements(Tcx + "Lap").Sum(l => double.Parse(l.Element(Tcx + "DistanceMeters")!.Value, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(activity.Distance).Within(1));
        Assert.That(kml.Descendants().Single(e => e.Name.LocalName == "coordinates").Value.Split(' '), Has.Length.GreaterThan(100));
        Assert.That(csv[0], Does.StartWith("Laps,Time"));
        Assert.That(csv[^1], Does.StartWith("Summary,"));
    }

    [Test]
    public async Task Not_available_cases_answer_404_204_and_500()
    {
        var emulator = GarminTestSupport.Create(60);
        using var http = GarminTestSupport.AuthorizedClient(emulator);
        var manual = emulator.ListedActivities.First(a => a.IsManual);
        var indoor = emulator.ListedActivities.First(a => !a.HasGps && a.OriginalFormat == GarminOriginalFormat.Fit);
        var gpxImport = emulator.ListedActivities.First(a => a.OriginalFormat == GarminOriginalFormat.Gpx);
        var tcxImport = emulator.ListedActivities.First(a => a.OriginalFormat == GarminOriginalFormat.Tcx);

        Assert.That(await Status(http, $"download-service/files/activity/{manual.Id}"), Is.EqualTo(HttpStatusCode.NotFound));
        foreach (var format in new[] { "gpx", "tcx", "kml", "csv" })
        {
            Assert.That(await Status(http, $"download-service/export/{format}/activity/{manual.Id}"), Is.EqualTo(HttpStatusCode.NoContent), format);
        }

        Assert.That(await Status(http, $"download-service/files/activity/{indoor.Id}"), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await Status(http, $"download-service/export/gpx/activity/{indoor.Id}"), Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await Status(http, $"download-service/export/tcx/activity/{indoor.Id}"), Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await Status(http, $"download-service/export/csv/activity/{indoor.Id}"), Is.EqualTo(HttpStatusCode.OK));

        Assert.That(await Status(http, $"download-service/export/tcx/activity/{gpxImport.Id}"), Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await Status(http, $"download-service/export/gpx/activity/{gpxImport.Id}"), Is.EqualTo(HttpStatusCode.OK));
        var gpxOriginal = ReadSingleEntry(await http.GetByteArrayAsync($"download-service/files/activity/{gpxImport.Id}"), $"{gpxImport.Id}_ACTIVITY.gpx");
        Assert.That(XDocument.Parse(System.Text.Encoding.UTF8.GetString(gpxOriginal)).Descendants(Gpx + "trkpt"), Is.Not.Empty);
        var tcxOriginal = ReadSingleEntry(await http.GetByteArrayAsync($"download-service/files/activity/{tcxImport.Id}"), $"{tcxImport.Id}_ACTIVITY.tcx");
        Assert.That(XDocument.Parse(System.Text.Encoding.UTF8.GetString(tcxOriginal)).Root!.Name.LocalName, Is.EqualTo("TrainingCenterDatabase"));
        Assert.That(await Status(http, $"download-service/export/tcx/activity/{tcxImport.Id}"), Is.EqualTo(HttpStatusCode.OK));

        Assert.That(await Status(http, "download-service/files/activity/123"), Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await Status(http, "download-service/export/gpx/activity/123"), Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await Status(http, $"download-service/export/fit/activity/{indoor.Id}"), Is.EqualTo(HttpStatusCode.NotFound));
    }

    internal static byte[] ReadSingleEntry(byte[] zip, string expectedName)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        Assert.That(archive.Entries.Select(e => e.FullName), Is.EqualTo(new[] { expectedName }));
        using var stream = archive.Entries[0].Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static async Task<HttpStatusCode> Status(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return response.StatusCode;
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests.Garmin;

public class GarminUploadTests
{
    [Test]
    public async Task Upload_creates_an_activity_and_the_same_file_again_is_a_409_duplicate()
    {
        var emulator = GarminTestSupport.Create(10);
        using var http = GarminTestSupport.AuthorizedClient(emulator);
        var gpx = Gpx(new DateTime(2024, 6, 1, 6, 0, 0, DateTimeKind.Utc), "Imported morning run", "running");

        using var created = await http.PostAsync("upload-service/upload", File(gpx, "morning.gpx"));
        var result = (await created.Content.ReadFromJsonAsync<JsonObject>())!["detailedImportResult"]!;
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(created.Headers.Location!.ToString(), Does.StartWith("https://connectapi.garmin.com/activity-service/activity/status/"));
        Assert.That(result["failures"]!.AsArray(), Is.Empty);
        var id = result["successes"]![0]!["internalId"]!.GetValue<long>();
        Assert.That(result["fileName"]!.GetValue<string>(), Is.EqualTo("morning.gpx"));

        var activity = emulator.FindActivity(id)!;
        Assert.That(activity.IsUploaded, Is.True);
        Assert.That(activity.OriginalFormat, Is.EqualTo(GarminOriginalFormat.Gpx));
        Assert.That(activity.StartUtc, Is.EqualTo(new DateTimeOffset(2024, 6, 1, 6, 0, 0, TimeSpan.Zero)));
        Assert.That(activity.Name, Is.EqualTo("Imported morning run"));
        Assert.That(activity.TypeKey, Is.EqualTo("running"));
        Assert.That(activity.Duration, Is.EqualTo(TimeSpan.FromMinutes(10)));
        var summary = await http.GetFromJsonAsync<JsonObject>($"activity-service/activity/{id}");
        Assert.That(summary!["activityName"]!.GetValue<string>(), Is.EqualTo("Imported morning run"));
        var original = GarminDownloadTests.ReadSingleEntry(await http.GetByteArrayAsync($"download-service/files/activity/{id}"), $"{id}_ACTIVITY.gpx");
        Assert.That(original, Is.EqualTo(gpx), "the original is the uploaded file");
        using var tcx = await http.GetAsync($"download-service/export/tcx/activity/{id}");
        Assert.That(tcx.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));

        using var again = await http.PostAsync("upload-service/upload", File(gpx, "again.gpx"));
        var duplicate = (await again.Content.ReadFromJsonAsync<JsonObject>())!["detailedImportResult"]!;
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(duplicate["successes"]!.AsArray(), Is.Empty);
        Assert.That(duplicate["failures"]![0]!["internalId"]!.GetValue<long>(), Is.EqualTo(id));
        Assert.That(duplicate["failures"]![0]!["messages"]![0]!["content"]!.GetValue<string>(), Is.EqualTo("Duplicate Activity."));
        Assert.That(emulator.Uploads, Is.EqualTo(1));
        Assert.That(emulator.ListedActivities.Count, Is.EqualTo(11));
    }

    [Test]
    public async Task A_downloaded_original_fit_uploaded_again_is_recognised_as_the_same_recording()
    {
        var emulator = GarminTestSupport.Create(30);
        using var http = GarminTestSupport.AuthorizedClient(emulator);
        var activity = emulator.ListedActivities.First(a => a.OriginalFormat == GarminOriginalFormat.Fit && !a.IsMultisportParent && a.DeviceId is not null);
        var fit = GarminDownloadTests.ReadSingleEntry(await http.GetByteArrayAsync($"download-service/files/activity/{activity.Id}"), $"{activity.Id}_ACTIVITY.fit");

        using var response = await http.PostAsync("upload-service/upload/.fit", File(fit, $"{activity.Id}_ACTIVITY.fit"));
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!["detailedImportResult"]!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(result["failures"]![0]!["internalId"]!.GetValue<long>(), Is.EqualTo(activity.Id));
    }

    [Test]
    public async Task A_new_fit_file_becomes_an_activity_with_its_start_and_sport()
    {
        var source = GarminTestSupport.Create(30, configure: o => o.Seed = 99);
        var target = GarminTestSupport.Create(10);
        var run = source.ListedActivities.First(a => a.TypeKey == "running" && a.HasGps && a.DeviceId is not null);
        using var sourceHttp = GarminTestSupport.AuthorizedClient(source);
        using var http = GarminTestSupport.AuthorizedClient(target);
        var fit = GarminDownloadTests.ReadSingleEntry(await sourceHttp.GetByteArrayAsync($"download-service/files/activity/{run.Id}"), $"{run.Id}_ACTIVITY.fit");

        using var response = await http.PostAsync("upload-service/upload", File(fit, "watch.fit"));
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["detailedImportResult"]!["successes"]![0]!["internalId"]!.GetValue<long>();

        var created = target.FindActivity(id)!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(created.StartUtc, Is.EqualTo(run.StartUtc));
        Assert.That(created.TypeKey, Is.EqualTo("running"));
        Assert.That(created.ElapsedDuration.TotalSeconds, Is.EqualTo(run.ElapsedDuration.TotalSeconds).Within(0.001));
        Assert.That(created.Distance, Is.EqualTo(run.Distance).Within(0.01));
        Assert.That(created.DeviceId, Is.EqualTo(run.DeviceId));
        Assert.That(GarminDownloadTests.ReadSingleEntry(await http.GetByteArrayAsync($"download-service/files/activity/{id}"), $"{id}_ACTIVITY.fit"), Is.EqualTo(fit));
    }

    [Test]
    public async Task Upload_without_a_file_part_or_with_an_unknown_type_is_refused()
    {
        var emulator = GarminTestSupport.Create(5);
        using var http = GarminTestSupport.AuthorizedClient(emulator);
        var wrongField = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "data", "a.fit" } };

        using var missing = await http.PostAsync("upload-service/upload", wrongField);
        using var notMultipart = await http.PostAsync("upload-service/upload", new StringContent("x"));
        using var unknown = await http.PostAsync("upload-service/upload", File([1, 2, 3], "notes.txt"));

        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(notMultipart.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(emulator.Uploads, Is.Zero);
    }

    private static MultipartFormDataContent File(byte[] bytes, string name)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { part, "file", name } };
    }

    private static byte[] Gpx(DateTime start, string name, string type)
    {
        var xml = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>{name}</name><type>{type}</type><trkseg>""");
        for (var i = 0; i <= 60; i++)
        {
            xml.Append(System.Globalization.CultureInfo.InvariantCulture, $"""<trkpt lat="{39.7 + (i * 0.0001)}" lon="-105.0"><ele>1600</ele><time>{start.AddSeconds(i * 10):yyyy-MM-ddTHH:mm:ssZ}</time></trkpt>""");
        }

        return Encoding.UTF8.GetBytes(xml.Append("</trkseg></trk></gpx>").ToString());
    }
}

using System.Net;
using FitnessClients.Core;
using FitnessClients.GarminConnect.Tests.Support;
using FitnessClients.Testing;

namespace FitnessClients.GarminConnect.Tests;

/// <summary>Downloads: streamed, written atomically, unpacked, and "not available" as an answer.</summary>
public class DownloadTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("garmin-downloads-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task OpenAsync_returns_while_the_body_is_still_on_the_wire()
    {
        using var h = await GarminHarness.CreateAsync();
        var head = TestStreams.Bytes(1000, seed: 1);
        var tail = TestStreams.Bytes(5000, seed: 2);
        var body = new GatedStream(head, tail);
        h.On("download-service/export/gpx/activity/1", _ => TestStreams.Respond(body));

        var open = h.Client.Downloads.OpenAsync(1, GarminDownloadFormat.Gpx);
        var finished = await Task.WhenAny(open, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.That(finished, Is.SameAs(open), "the call must not wait for the whole body");
        await using var content = await open;
        Assert.That(body.HeadServed, Is.False, "nothing was read ahead");

        var first = new byte[1000];
        await content.Stream!.ReadExactlyAsync(first);
        body.Release();
        using var rest = new MemoryStream();
        await content.Stream.CopyToAsync(rest);

        Assert.That(first, Is.EqualTo(head));
        Assert.That(rest.ToArray(), Is.EqualTo(tail));
    }

    [Test]
    public async Task DownloadToFileAsync_writes_id_dot_extension_into_a_folder_and_leaves_no_temp_file()
    {
        using var h = await GarminHarness.CreateAsync();
        var gpx = TestStreams.Bytes(300_000);
        h.On("download-service/export/gpx/activity/21482825013", _ => GarminHarness.Bytes(gpx, "application/gpx+xml"));

        var result = await h.Client.Downloads.DownloadToFileAsync(21482825013, GarminDownloadFormat.Gpx, _folder);

        Assert.That(result.IsAvailable, Is.True);
        Assert.That(result.FilePath, Is.EqualTo(Path.Combine(_folder, "21482825013.gpx")));
        Assert.That(result.Length, Is.EqualTo(gpx.Length));
        Assert.That(await File.ReadAllBytesAsync(result.FilePath!), Is.EqualTo(gpx));
        Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { result.FilePath }));
    }

    [Test]
    public async Task A_connection_lost_mid_body_leaves_the_previous_file_and_no_temp_file()
    {
        using var h = await GarminHarness.CreateAsync();
        var target = Path.Combine(_folder, "run.fit.zip");
        await File.WriteAllTextAsync(target, "previous complete download");
        h.On("download-service/files/activity/5", _ => TestStreams.Respond(new BreakingStream(TestStreams.Bytes(200_000)), "application/x-zip-compressed", 400_000));

        var error = Assert.ThrowsAsync<ServiceUnavailableException>(() => h.Client.Downloads.DownloadToFileAsync(5, GarminDownloadFormat.Original, target));

        Assert.That(error!.Message, Does.Contain("download-service/files/activity/5"));
        Assert.That(await File.ReadAllTextAsync(target), Is.EqualTo("previous complete download"));
        Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { target }), "the temp file is gone");
    }

    [Test]
    public async Task A_new_file_never_appears_under_its_name_when_the_body_breaks()
    {
        using var h = await GarminHarness.CreateAsync();
        h.On("download-service/export/tcx/activity/5", _ => TestStreams.Respond(new BreakingStream(TestStreams.Bytes(100_000))));

        Assert.ThrowsAsync<ServiceUnavailableException>(() => h.Client.Downloads.DownloadToFileAsync(5, GarminDownloadFormat.Tcx, _folder + Path.DirectorySeparatorChar));

        Assert.That(Directory.GetFiles(_folder), Is.Empty);
    }

    [Test]
    public async Task Overwrite_off_refuses_an_existing_file_before_downloading()
    {
        using var h = await GarminHarness.CreateAsync();
        var target = Path.Combine(_folder, "5.gpx");
        await File.WriteAllTextAsync(target, "old");

        Assert.ThrowsAsync<IOException>(() => h.Client.Downloads.DownloadToFileAsync(5, GarminDownloadFormat.Gpx, _folder, new GarminDownloadOptions { Overwrite = false }));

        Assert.That(h.Requests, Is.Empty);
        Assert.That(await File.ReadAllTextAsync(target), Is.EqualTo("old"));
    }

    [Test]
    public async Task The_original_is_unpacked_to_its_activity_entry()
    {
        using var h = await GarminHarness.CreateAsync();
        var fit = TestStreams.Bytes(4000);
        var zip = TestStreams.Zip(("11998957007_ACTIVITY.fit", fit));
        h.On("download-service/files/activity/11998957007", _ => GarminHarness.Bytes(zip, "application/x-zip-compressed"));

        var result = await h.Client.Downloads.DownloadToFileAsync(11998957007, GarminDownloadFormat.Original, _folder, new GarminDownloadOptions { UnpackOriginal = true });

        Assert.That(result.FilePath, Is.EqualTo(Path.Combine(_folder, "11998957007_ACTIVITY.fit")));
        Assert.That(result.FileExtension, Is.EqualTo("fit"));
        Assert.That(await File.ReadAllBytesAsync(result.FilePath!), Is.EqualTo(fit));
        Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { result.FilePath }), "the ZIP's temp file is gone");
    }

    [Test]
    public async Task A_GPX_upload_unpacks_to_its_gpx_entry_under_the_name_given()
    {
        using var h = await GarminHarness.CreateAsync();
        var gpx = "<gpx/>"u8.ToArray();
        h.On("download-service/files/activity/154105348", _ => GarminHarness.Bytes(TestStreams.Zip(("154105348_ACTIVITY.gpx", gpx))));
        var target = Path.Combine(_folder, "nested", "ski.gpx");

        var result = await h.Client.Downloads.DownloadToFileAsync(154105348, GarminDownloadFormat.Original, target, new GarminDownloadOptions { UnpackOriginal = true });

        Assert.That(result.FilePath, Is.EqualTo(target));
        Assert.That(result.FileExtension, Is.EqualTo("gpx"));
        Assert.That(await File.ReadAllBytesAsync(target), Is.EqualTo(gpx));
    }

    [Test]
    public async Task OpenOriginalFileAsync_streams_the_entry_and_removes_its_temp_file_on_dispose()
    {
        using var h = await GarminHarness.CreateAsync();
        const long id = 987654321012;
        var fit = TestStreams.Bytes(70_000);
        h.On($"download-service/files/activity/{id}", _ => GarminHarness.Bytes(TestStreams.Zip(("readme.txt", [1]), ($"{id}_ACTIVITY.fit", fit))));

        var content = await h.Client.Downloads.OpenOriginalFileAsync(id);
        using (var copy = new MemoryStream())
        {
            await content.Stream!.CopyToAsync(copy);
            Assert.That(copy.ToArray(), Is.EqualTo(fit));
        }

        Assert.That(content.FileExtension, Is.EqualTo("fit"));
        Assert.That(content.Length, Is.EqualTo(fit.Length));
        Assert.That(Directory.GetFiles(Path.GetTempPath(), $".fitnessclients-garmin-{id}.zip.*"), Is.Not.Empty, "the ZIP waits in a temp file while the entry is read");
        await content.DisposeAsync();
        Assert.That(Directory.GetFiles(Path.GetTempPath(), $".fitnessclients-garmin-{id}.zip.*"), Is.Empty);
    }

    [Test]
    public async Task No_GPS_is_not_available_for_a_204()
    {
        using var h = await GarminHarness.CreateAsync();
        h.On("download-service/export/gpx/activity/8", _ => new HttpResponseMessage(HttpStatusCode.NoContent));

        var content = await h.Client.Downloads.OpenAsync(8, GarminDownloadFormat.Gpx);
        var file = await h.Client.Downloads.DownloadToFileAsync(8, GarminDownloadFormat.Gpx, _folder);

        Assert.That(content.IsAvailable, Is.False);
        Assert.That(content.UnavailableReason, Does.Contain("204").And.Contain("GPS"));
        Assert.That(file.IsAvailable, Is.False);
        Assert.That(file.UnavailableReason, Does.Contain("204"));
        Assert.That(Directory.GetFiles(_folder), Is.Empty);
    }

    [Test]
    public async Task A_manual_activity_has_no_original_for_a_404()
    {
        using var h = await GarminHarness.CreateAsync();
        h.OnJson("download-service/files/activity/8", """{"message":"HTTP 404 Not Found","error":"NotFoundException"}""", HttpStatusCode.NotFound);

        var content = await h.Client.Downloads.OpenAsync(8, GarminDownloadFormat.Original);
        var unpacked = await h.Client.Downloads.OpenOriginalFileAsync(8);

        Assert.That(content.IsAvailable, Is.False);
        Assert.That(content.UnavailableReason, Does.Contain("404").And.Contain("manual"));
        Assert.That(unpacked.IsAvailable, Is.False);
    }

    [Test]
    public async Task An_empty_200_is_not_available()
    {
        using var h = await GarminHarness.CreateAsync();
        h.On("download-service/files/activity/8", _ => GarminHarness.Bytes([]));

        var content = await h.Client.Downloads.OpenAsync(8, GarminDownloadFormat.Original);

        Assert.That(content.IsAvailable, Is.False);
    }

    [Test]
    public async Task A_500_on_a_TCX_export_is_not_available_at_once_without_retries()
    {
        using var h = await GarminHarness.CreateAsync();
        h.On("download-service/export/tcx/activity/154105348", _ => GarminHarness.Json("""{"message":"NullPointerException"}""", HttpStatusCode.InternalServerError));

        var content = await h.Client.Downloads.OpenAsync(154105348, GarminDownloadFormat.Tcx);

        Assert.That(content.IsAvailable, Is.False);
        Assert.That(content.UnavailableReason, Does.Contain("TCX").And.Contain("GPX upload"));
        Assert.That(h.Requests, Has.Count.EqualTo(1), "Garmin's answer for GPX uploads is final: no retries, nothing for the circuit breaker");
    }

    [Test]
    public async Task Many_TCX_500s_in_a_row_do_not_open_the_circuit_breaker()
    {
        using var h = await GarminHarness.CreateAsync();
        h.On("download-service/export/tcx/activity/1", _ => new HttpResponseMessage(HttpStatusCode.InternalServerError));
        h.OnJson("userprofile-service/socialProfile", """{"displayName":"a"}""");

        for (var i = 0; i < 25; i++)
        {
            await using var content = await h.Client.Downloads.OpenAsync(1, GarminDownloadFormat.Tcx);
            Assert.That(content.IsAvailable, Is.False);
        }

        Assert.That((await h.Client.Profile.GetSocialProfileAsync()).DisplayName, Is.EqualTo("a"));
    }

    [Test]
    public async Task A_500_on_a_GPX_export_stays_an_error()
    {
        using var h = await GarminHarness.CreateAsync(o => o.Resilience.Retry.MaxRetryAttempts = 0);
        h.On("download-service/export/gpx/activity/5", _ => new HttpResponseMessage(HttpStatusCode.InternalServerError));

        var error = Assert.ThrowsAsync<ServiceUnavailableException>(() => h.Client.Downloads.OpenAsync(5, GarminDownloadFormat.Gpx));

        Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
    }

    [Test]
    public async Task A_504_on_a_long_export_is_retried_and_then_served()
    {
        using var h = await GarminHarness.CreateAsync();
        var calls = 0;
        h.On("download-service/export/gpx/activity/5", _ => Interlocked.Increment(ref calls) == 1
            ? new HttpResponseMessage(HttpStatusCode.GatewayTimeout)
            : GarminHarness.Bytes([7, 7]));

        // Retry back-offs are seconds away; the attempt and total timeouts minutes: never skip to those.
        var content = await h.Clock.RunUntilCompletedAsync(h.Client.Downloads.OpenAsync(5, GarminDownloadFormat.Gpx), maxAdvance: TimeSpan.FromMinutes(1));

        Assert.That(content.IsAvailable, Is.True);
        Assert.That(calls, Is.EqualTo(2));
        await content.DisposeAsync();
    }

    [Test]
    public async Task Transfers_get_the_longer_attempt_timeout_and_JSON_calls_keep_the_short_one()
    {
        var seen = new List<(string Path, TimeSpan? Timeout)>();
        using var h = await GarminHarness.CreateAsync(o => o.DownloadAttemptTimeout = TimeSpan.FromMinutes(7));
        h.Mock.Fallback.Respond(request =>
        {
            seen.Add((request.RequestUri!.AbsolutePath, request.Options.TryGetValue(Core.Http.FitnessRequestOptions.AttemptTimeout, out var t) ? t : null));
            return Task.FromResult(GarminHarness.Json("""{"displayName":"x"}"""));
        });

        await (await h.Client.Downloads.OpenAsync(1, GarminDownloadFormat.Kml)).DisposeAsync();
        await h.Client.Profile.GetSocialProfileAsync();

        Assert.That(seen, Is.EqualTo(new (string, TimeSpan?)[]
        {
            ("/download-service/export/kml/activity/1", TimeSpan.FromMinutes(7)),
            ("/userprofile-service/socialProfile", null),
        }));
    }

    [Test]
    public async Task The_raw_summary_and_details_are_streamed_as_Garmin_sent_them()
    {
        using var h = await GarminHarness.CreateAsync();
        const string summary = """{"activityId":5,  "odd": [1,2]}""";
        h.OnJson("activity-service/activity/5", summary);
        h.OnJson("activity-service/activity/5/details?maxChartSize=2000&maxPolylineSize=4000", """{"metricsCount":0}""");

        await using var s = await h.Client.Downloads.OpenSummaryJsonAsync(5);
        await using var d = await h.Client.Downloads.OpenDetailsJsonAsync(5);

        Assert.That(await new StreamReader(s.Stream!).ReadToEndAsync(), Is.EqualTo(summary));
        Assert.That(await new StreamReader(d.Stream!).ReadToEndAsync(), Is.EqualTo("""{"metricsCount":0}"""));
        Assert.That(h.Single("activity-service/activity/5").Header("Accept"), Is.EqualTo("application/json"));
    }
}

using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using FitnessClients.Testing;
using static FitnessClients.Testing.Tests.FitTrackee.FitTrackeeTestSupport;

namespace FitnessClients.Testing.Tests.FitTrackee;

public class FitTrackeeUploadTests
{
    private static readonly DateTimeOffset Start = new(2026, 4, 18, 6, 30, 0, TimeSpan.Zero);

    [Test]
    public async Task A_gpx_upload_creates_a_workout_and_round_trips_byte_for_byte()
    {
        var emulator = Create(0);
        using var http = AuthorizedClient(emulator);
        var gpx = Gpx(Start);

        using var response = await PostUploadAsync(http, gpx, "morning.gpx", """{"sport_id": 5, "notes": "Uploaded by a test ✅", "workout_visibility": "followers_only"}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var json = await JsonAsync(response);
        Assert.That(json["status"]!.GetValue<string>(), Is.EqualTo("created"));
        var workout = json["data"]!["workouts"]![0]!;
        Assert.That(workout["title"]!.GetValue<string>(), Is.EqualTo("Test run 🏃"), "the track name");
        Assert.That(workout["notes"]!.GetValue<string>(), Is.EqualTo("Uploaded by a test ✅"));
        Assert.That(workout["workout_date"]!.GetValue<string>(), Is.EqualTo("Sat, 18 Apr 2026 06:30:00 GMT"));
        Assert.That(workout["source"]!.GetValue<string>(), Is.EqualTo("UnitTest"));
        Assert.That(workout["workout_visibility"]!.GetValue<string>(), Is.EqualTo("followers_only"));
        Assert.That(workout["duration"]!.GetValue<string>(), Is.EqualTo("0:04:50"));
        Assert.That(workout["original_file"]!.GetValue<string>(), Is.EqualTo("gpx"));

        var id = workout["id"]!.GetValue<string>();
        var uploaded = emulator.UploadedFiles.Single();
        Assert.That((uploaded.WorkoutId, uploaded.FileName, uploaded.Extension), Is.EqualTo((id, "morning.gpx", "gpx")));
        Assert.That(uploaded.Content.ToArray(), Is.EqualTo(gpx));
        Assert.That(uploaded.Data, Does.Contain("\"sport_id\": 5"));

        using var original = await http.GetAsync(new Uri($"api/workouts/{id}/original/download", UriKind.Relative));
        Assert.That(original.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await original.Content.ReadAsByteArrayAsync(), Is.EqualTo(gpx));
        Assert.That(original.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/gpx+xml"));
        Assert.That(original.Content.Headers.ContentDisposition!.DispositionType, Is.EqualTo("attachment"));
        Assert.That(original.Content.Headers.ContentDisposition.FileName, Does.EndWith(".gpx").And.StartWith("2026-04-18_06-30-00_5_"));
        using var asGpx = await http.GetAsync(new Uri($"api/workouts/{id}/gpx/download", UriKind.Relative));
        Assert.That(await asGpx.Content.ReadAsByteArrayAsync(), Is.EqualTo(gpx), "a GPX original is sent as is");
    }

    [Test]
    public async Task Data_title_and_description_override_the_track_and_a_nameless_track_gets_fittrackees_default_title()
    {
        var emulator = Create(0, configure: o => o.Timezone = "Europe/Paris");
        using var http = AuthorizedClient(emulator);

        using var titled = await PostUploadAsync(http, Gpx(Start), "a.gpx", """{"sport_id": 5, "title": "Given", "description": "Desc"}""");
        var workout = (await JsonAsync(titled))["data"]!["workouts"]![0]!;
        Assert.That((workout["title"]!.GetValue<string>(), workout["description"]!.GetValue<string>()), Is.EqualTo(("Given", "Desc")));

        var nameless = Encoding.UTF8.GetString(Gpx(Start.AddDays(1))).Replace("<name>Test run 🏃</name>", string.Empty, StringComparison.Ordinal);
        using var untitled = await PostUploadAsync(http, Encoding.UTF8.GetBytes(nameless), "b.gpx");
        Assert.That((await JsonAsync(untitled))["data"]!["workouts"]![0]!["title"]!.GetValue<string>(), Is.EqualTo("Running - 2026-04-19 08:30:00"));
    }

    [Test]
    public async Task File_part_problems_are_400_fail()
    {
        var emulator = Create(0);
        using var http = AuthorizedClient(emulator);

        using var noFile = await http.PostAsync(new Uri("api/workouts", UriKind.Relative), new MultipartFormDataContent { { new StringContent("""{"sport_id":5}"""), "data" } });
        Assert.That(noFile.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await noFile.Content.ReadAsStringAsync(), Is.EqualTo(Body("fail", "no file part")));

        using var notMultipart = await http.PostAsJsonAsync(new Uri("api/workouts", UriKind.Relative), new { sport_id = 5 });
        Assert.That(await notMultipart.Content.ReadAsStringAsync(), Is.EqualTo(Body("fail", "no file part")));

        using var text = await PostUploadAsync(http, Gpx(Start), "run.txt");
        Assert.That(await text.Content.ReadAsStringAsync(), Is.EqualTo(Body("fail", "file extension not allowed")));

        using var noExtension = await PostUploadAsync(http, Gpx(Start), "run");
        Assert.That(await noExtension.Content.ReadAsStringAsync(), Is.EqualTo(Body("fail", "file extension not allowed")));

        using var upper = await PostUploadAsync(http, Gpx(Start), "RUN.GPX");
        Assert.That(upper.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the extension is compared in lower case");
    }

    [Test]
    public async Task Formats_follow_the_emulated_version()
    {
        var old = Create(0, configure: o => o.Version = "0.9.0");
        using var oldHttp = AuthorizedClient(old);
        using var tcxOnOld = await PostUploadAsync(oldHttp, Fixture("tcx_with_one_lap_and_one_track.tcx"), "ride.tcx");
        Assert.That(await tcxOnOld.Content.ReadAsStringAsync(), Is.EqualTo(Body("fail", "file extension not allowed")));
        var gpxOnOld = await PostUploadAsync(oldHttp, Gpx(Start), "run.gpx");
        var id = (await JsonAsync(gpxOnOld))["data"]!["workouts"]![0]!["id"]!.GetValue<string>();
        gpxOnOld.Dispose();
        using var noOriginalRoute = await oldHttp.GetAsync(new Uri($"api/workouts/{id}/original/download", UriKind.Relative));
        Assert.That(noOriginalRoute.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"), "before 0.12.0 the path falls to the web app");

        var current = Create(0);
        using var http = AuthorizedClient(current);
        foreach (var name in new[] { "tcx_with_one_lap_and_one_track.tcx", "kml_2_2_with_one_track.kml", "example.kmz" })
        {
            using var response = await PostUploadAsync(http, Fixture(name), name, """{"sport_id": 1}""");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), name + ": " + await response.Content.ReadAsStringAsync());
        }

        var tcx = current.UploadedFiles.First(f => f.Extension == "tcx");
        using var generated = await http.GetAsync(new Uri($"api/workouts/{tcx.WorkoutId}/gpx/download", UriKind.Relative));
        var text = await generated.Content.ReadAsStringAsync();
        Assert.That(text, Does.StartWith("<?xml").And.Contain("<trkpt"));
        Assert.That(generated.Content.Headers.ContentDisposition!.FileName, Does.EndWith(".gpx"));
        using var original = await http.GetAsync(new Uri($"api/workouts/{tcx.WorkoutId}/original/download", UriKind.Relative));
        Assert.That(await original.Content.ReadAsByteArrayAsync(), Is.EqualTo(tcx.Content.ToArray()));
        Assert.That(original.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/vnd.garmin.tcx+xml"));
    }

    [Test]
    public async Task Size_is_checked_against_the_whole_request_so_multipart_overhead_counts()
    {
        var gpx = Gpx(Start);
        var emulator = Create(0, configure: o => o.MaxSingleFileSize = gpx.Length + 50);
        using var http = AuthorizedClient(emulator);

        using var response = await PostUploadAsync(http, gpx, "run.gpx");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        var json = await JsonAsync(response);
        Assert.That(json["status"]!.GetValue<string>(), Is.EqualTo("fail"));
        Assert.That(json["message"]!.GetValue<string>(), Does.Match(@"^Error during workout upload, file size \(\d+\.\dKB\) exceeds \d+\.\dKB\.$"));
        Assert.That(emulator.Workouts, Is.Empty);

        var exact = Create(0, configure: o => o.MaxSingleFileSize = 1_048_576);
        using var exactHttp = AuthorizedClient(exact);
        using var big = await PostUploadAsync(exactHttp, new byte[1_048_576], "big.gpx");
        Assert.That(await big.Content.ReadAsStringAsync(), Does.EndWith("exceeds 1.0MB.\"}"));

        var zipLimit = Create(0, configure: o => o.MaxZipFileSize = 4096);
        using var zipHttp = AuthorizedClient(zipLimit);
        using var archive = await PostUploadAsync(zipHttp, new byte[5000], "many.zip");
        Assert.That(archive.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await archive.Content.ReadAsStringAsync(), Does.EndWith("exceeds 4.0KB.\"}"));
    }

    [Test]
    public async Task A_chunked_upload_has_no_content_length_so_only_the_archive_limit_applies()
    {
        var gpx = Gpx(Start);
        var emulator = Create(0, configure: o => (o.MaxSingleFileSize, o.MaxZipFileSize) = (100, gpx.Length + 2000));
        await using var connection = await EmulatorConnection.OpenAsync(emulator, Transport.Loopback); // SocketsHttpHandler sends it chunked
        var http = connection.Client;
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", emulator.IssueTokens().AccessToken);
        MultipartFormDataContent Chunked(byte[] file)
        {
            var content = new MultipartFormDataContent();
            content.Add(new StreamContent(new NonSeekableStream(file)), "file", "run.gpx");
            content.Add(new StringContent("""{"sport_id": 5}"""), "data");
            return content;
        }

        using var accepted = await http.PostAsync(new Uri("api/workouts", UriKind.Relative), Chunked(gpx));
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Created), "Werkzeug's content_length is None, FitTrackee skips its check");

        using var refused = await http.PostAsync(new Uri("api/workouts", UriKind.Relative), Chunked(gpx.Concat(new byte[3000]).ToArray()));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("file size exceeds "));
        Assert.That(emulator.Requests.Last!.GetHeader("Transfer-Encoding"), Is.EqualTo("chunked"));
    }

    [Test]
    public async Task A_file_without_xml_declaration_is_an_invalid_file_while_libmagic_is_installed()
    {
        var withoutDeclaration = Gpx(Start, declaration: false);
        var emulator = Create(0);
        using var http = AuthorizedClient(emulator);

        using var refused = await PostUploadAsync(http, withoutDeclaration, "run.gpx");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await refused.Content.ReadAsStringAsync(), Is.EqualTo(Body("error", "invalid file")));

        using var fixture = await PostUploadAsync(http, Fixture("gpx_file_with_gpxtpx_extensions.gpx"), "hr.gpx");
        Assert.That(await fixture.Content.ReadAsStringAsync(), Is.EqualTo(Body("error", "invalid file")));

        var bom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Gpx(Start)).ToArray();
        using var withBom = await PostUploadAsync(http, bom, "bom.gpx");
        Assert.That(withBom.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var lenient = Create(0, configure: o => o.CheckMimeType = false);
        using var lenientHttp = AuthorizedClient(lenient);
        using var accepted = await PostUploadAsync(lenientHttp, Fixture("gpx_file_with_gpxtpx_extensions.gpx"), "hr.gpx");
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await JsonAsync(accepted))["data"]!["workouts"]![0]!["max_hr"], Is.Not.Null);
    }

    [Test]
    public async Task Data_field_rules_follow_post_workout()
    {
        var emulator = Create(0);
        using var http = AuthorizedClient(emulator);
        var gpx = Gpx(Start);

        using var missing = await PostUploadAsync(http, gpx, "run.gpx", data: null);
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(missing.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"), "request.form['data'] raises KeyError");

        using var notJson = await PostUploadAsync(http, gpx, "run.gpx", "{sport_id: 5}");
        Assert.That(await notJson.Content.ReadAsStringAsync(), Is.EqualTo(Body("error", "invalid payload")));
        using var empty = await PostUploadAsync(http, gpx, "run.gpx", "{}");
        Assert.That(await empty.Content.ReadAsStringAsync(), Is.EqualTo(Body("error", "invalid payload")));
        using var noSport = await PostUploadAsync(http, gpx, "run.gpx", """{"title": "x"}""");
        Assert.That(await noSport.Content.ReadAsStringAsync(), Is.EqualTo(Body("error", "invalid payload")));
        using var zero = await PostUploadAsync(http, gpx, "run.gpx", """{"sport_id": 0}""");
        Assert.That(await zero.Content.ReadAsStringAsync(), Is.EqualTo(Body("invalid", "no sport id provided")));
        using var unknownSport = await PostUploadAsync(http, gpx, "run.gpx", """{"sport_id": 99}""");
        Assert.That(unknownSport.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await unknownSport.Content.ReadAsStringAsync(), Is.EqualTo(Body("invalid", "Sport id: 99 does not exist")));

        using var extraKey = await PostUploadAsync(http, gpx, "run.gpx", """{"sport_id": 5, "distance": 10}""");
        Assert.That(extraKey.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await extraKey.Content.ReadAsStringAsync(), Does.Contain("<h1>Internal Server Error</h1>"), "WorkoutsData(**data) raises TypeError");

        using var equipment = await PostUploadAsync(http, gpx, "run.gpx", """{"sport_id": 5, "equipment_ids": ["2UkrViYShoAkg8qSUKHXDd"]}""");
        Assert.That(await equipment.Content.ReadAsStringAsync(), Is.EqualTo("""{"status": "not_found", "equipment_id": "2UkrViYShoAkg8qSUKHXDd", "message": "equipment with id 2UkrViYShoAkg8qSUKHXDd does not exist"}"""));

        using var allKeys = await PostUploadAsync(http, gpx, "run.gpx", """{"sport_id": "5", "title": "", "notes": "", "description": "", "workout_visibility": "private", "analysis_visibility": "private", "map_visibility": "private", "equipment_ids": []}""");
        Assert.That(allKeys.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(emulator.Workouts, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Track_problems_come_back_as_fittrackees_json_500s()
    {
        var emulator = Create(0);
        using var http = AuthorizedClient(emulator);

        using var noTime = await PostUploadAsync(http, Gpx(Start, times: false), "run.gpx");
        Assert.That(noTime.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await noTime.Content.ReadAsStringAsync(), Is.EqualTo(Body("error", "<time> is missing in gpx file")));

        using var noTrack = await PostUploadAsync(http, Fixture("gpx_file_wo_track.gpx"), "run.gpx");
        Assert.That(await noTrack.Content.ReadAsStringAsync(), Is.EqualTo(Body("error", "no tracks in gpx file")));

        using var fixtureNoTime = await PostUploadAsync(http, Fixture("gpx_file_without_time.gpx"), "run.gpx");
        Assert.That(await fixtureNoTime.Content.ReadAsStringAsync(), Is.EqualTo(Body("error", "<time> is missing in gpx file")));

        using var onePoint = await PostUploadAsync(http, Gpx(Start, points: 1), "run.gpx");
        Assert.That(await onePoint.Content.ReadAsStringAsync(), Is.EqualTo(Body("error", "no valid segments in file")));

        using var broken = await PostUploadAsync(http, Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><gpx><trk>"), "run.gpx");
        Assert.That(await broken.Content.ReadAsStringAsync(), Is.EqualTo(Body("error", "error when parsing gpx file")));

        Assert.That(emulator.Workouts, Is.Empty);
        Assert.That(emulator.UploadedFiles, Is.Empty);
    }

    [Test]
    public async Task Reference_gpx_fixtures_are_accepted_with_their_segments()
    {
        var emulator = Create(0);
        using var http = AuthorizedClient(emulator);

        foreach (var name in new[] { "gpx_file.gpx", "gpx_file_with_segments.gpx", "gpx_file_without_elevation.gpx", "e2e_test.gpx" })
        {
            using var response = await PostUploadAsync(http, Fixture(name), name, """{"sport_id": 1}""");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), name + ": " + await response.Content.ReadAsStringAsync());
        }

        var segmented = emulator.Workouts.Single(w => emulator.UploadedFiles.Single(f => f.WorkoutId == w.Id).FileName == "gpx_file_with_segments.gpx");
        Assert.That(segmented.SegmentCount, Is.EqualTo(2));
        Assert.That(segmented.Pauses, Is.GreaterThan(TimeSpan.Zero));
    }

    [Test]
    public async Task Archives_create_one_workout_per_file_report_errored_files_and_respect_the_file_limit()
    {
        var emulator = Create(0);
        using var http = AuthorizedClient(emulator);

        using var fixture = await PostUploadAsync(http, Fixture("gpx_test.zip"), "gpx_test.zip", """{"sport_id": 1}""");
        Assert.That(fixture.StatusCode, Is.EqualTo(HttpStatusCode.Created), await fixture.Content.ReadAsStringAsync());
        Assert.That((await JsonAsync(fixture))["data"]!["workouts"]!.AsArray(), Has.Count.EqualTo(3));
        Assert.That(emulator.UploadedFiles.Select(f => (f.FileName, f.ArchiveFileName)), Is.EquivalentTo(new[] { ("test_1.gpx", "gpx_test.zip"), ("test_2.gpx", "gpx_test.zip"), ("test_3.gpx", "gpx_test.zip") }));

        using var mixed = await PostUploadAsync(http, Zip(("good.gpx", Gpx(Start)), ("bad.gpx", Gpx(Start, times: false))), "mixed.zip");
        Assert.That(mixed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await mixed.Content.ReadAsStringAsync(), Is.EqualTo("""{"errored_workouts":{"bad.gpx":"<time> is missing in gpx file"},"new_workouts":1,"status":"fail"}"""), "a dict returned by the view: Flask sorts and compacts it");

        using var tooMany = await PostUploadAsync(http, Zip([.. Enumerable.Range(0, 11).Select(i => ($"{i}.gpx", Gpx(Start.AddDays(i))))]), "many.zip");
        Assert.That(await tooMany.Content.ReadAsStringAsync(), Is.EqualTo(Body("fail", "the number of files in the archive exceeds the limit")));

        using var none = await PostUploadAsync(http, Zip(("readme.txt", [1, 2, 3])), "none.zip");
        Assert.That(await none.Content.ReadAsStringAsync(), Is.EqualTo(Body("fail", "archive does not contain valid workout files")));
    }

    [Test]
    public async Task Archives_above_the_sync_limit_answer_in_progress_with_a_task()
    {
        var emulator = Create(0, configure: o => (o.FileSyncLimitImport, o.FileLimitImport) = (2, 10));
        using var http = AuthorizedClient(emulator);

        using var response = await PostUploadAsync(http, Zip([.. Enumerable.Range(0, 3).Select(i => ($"{i}.gpx", Gpx(Start.AddDays(i))))]), "three.zip");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var json = await JsonAsync(response);
        Assert.That(json["status"]!.GetValue<string>(), Is.EqualTo("in_progress"));
        var task = await GetJsonAsync(http, $"api/workouts/upload-tasks/{json["data"]!["task_id"]!.GetValue<string>()}");
        Assert.That(task["task"]!["files_count"]!.GetValue<int>(), Is.EqualTo(3));
        var tasks = await GetJsonAsync(http, "api/workouts/upload-tasks");
        Assert.That(tasks["data"]!["tasks"]!.AsArray().Single()!["id"]!.GetValue<string>(), Is.EqualTo(json["data"]!["task_id"]!.GetValue<string>()));
        Assert.That(tasks["pagination"]!["total"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(emulator.Workouts, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Manual_workouts_take_the_date_in_the_users_timezone()
    {
        var emulator = Create(0, configure: o => o.Timezone = "Europe/Paris");
        using var http = AuthorizedClient(emulator);

        using var response = await http.PostAsJsonAsync(new Uri("api/workouts/no_gpx", UriKind.Relative), new
        {
            sport_id = 5, workout_date = "2026-01-15 18:45", duration = 1994, distance = 6.117, title = "Tapis 🏃", notes = "indoor", ascent = 12.0, descent = 12.0, calories = 559,
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var workout = (await JsonAsync(response))["data"]!["workouts"]![0]!;
        Assert.That(workout["workout_date"]!.GetValue<string>(), Is.EqualTo("Thu, 15 Jan 2026 17:45:00 GMT"));
        Assert.That(workout["duration"]!.GetValue<string>(), Is.EqualTo("0:33:14"));
        Assert.That(workout["with_file"]!.GetValue<bool>(), Is.False);
        Assert.That(workout["calories"]!.GetValue<int>(), Is.EqualTo(559));
        Assert.That(workout["ave_pace"]!.GetValue<string>(), Is.EqualTo("0:05:26"));
        var id = workout["id"]!.GetValue<string>();
        using var download = await http.GetAsync(new Uri($"api/workouts/{id}/gpx/download", UriKind.Relative));
        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await download.Content.ReadAsStringAsync(), Is.EqualTo($$"""{"status": "not found", "data": {"original_file": []}, "message": "no original file for workout (id: {{id}})"}"""));
    }

    [Test]
    public async Task Manual_workout_validation_follows_post_workout_no_gpx()
    {
        var emulator = Create(0);
        using var http = AuthorizedClient(emulator);
        Task<HttpResponseMessage> PostAsync(object body) => http.PostAsJsonAsync(new Uri("api/workouts/no_gpx", UriKind.Relative), body);

        using var zeroDuration = await PostAsync(new { sport_id = 5, workout_date = "2026-01-15 18:45", duration = 0, distance = 5 });
        Assert.That(await zeroDuration.Content.ReadAsStringAsync(), Is.EqualTo(Body("error", "invalid payload")));
        using var seconds = await PostAsync(new { sport_id = 5, workout_date = "2026-01-15 18:45:10", duration = 60, distance = 5 });
        Assert.That(seconds.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await seconds.Content.ReadAsStringAsync(), Is.EqualTo(Body("error", "invalid format for workout date")));
        using var oneSided = await PostAsync(new { sport_id = 5, workout_date = "2026-01-15 18:45", duration = 60, distance = 5, ascent = 10 });
        Assert.That(await oneSided.Content.ReadAsStringAsync(), Is.EqualTo(Body("invalid", "invalid ascent or descent")));
        using var unknownSport = await PostAsync(new { sport_id = 77, workout_date = "2026-01-15 18:45", duration = 60, distance = 5 });
        Assert.That(await unknownSport.Content.ReadAsStringAsync(), Is.EqualTo(Body("invalid", "Sport id: 77 does not exist")));
        using var far = await PostAsync(new { sport_id = 5, workout_date = "2026-01-15 18:45", duration = 60, distance = 1000 });
        Assert.That(await far.Content.ReadAsStringAsync(), Is.EqualTo(Body("error", "one or more values, entered or calculated, exceed the limits")));
        using var extra = await PostAsync(new { sport_id = 5, workout_date = "2026-01-15 18:45", duration = 60, distance = 5, source = "x" });
        Assert.That(extra.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(extra.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        using var form = await http.PostAsync(new Uri("api/workouts/no_gpx", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["sport_id"] = "5" }));
        Assert.That(form.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(emulator.Workouts, Is.Empty);
    }

    [Test]
    public void Seeding_from_a_file_uses_the_upload_rules()
    {
        var emulator = Create(0);

        var workout = emulator.AddWorkoutFromFile("seed.gpx", Gpx(Start), 5, notes: "seeded");

        Assert.That(emulator.FindWorkout(workout.Id)!.Notes, Is.EqualTo("seeded"));
        Assert.That(emulator.GetOriginalFile(workout.Id)!.Value.ToArray(), Is.EqualTo(Gpx(Start)));
        var refused = Assert.Throws<ArgumentException>(() => emulator.AddWorkoutFromFile("seed.gpx", Gpx(Start, times: false), 5));
        Assert.That(refused!.Message, Does.StartWith("<time> is missing in gpx file"));
    }

    /// <summary>A stream without a length, so HttpClient sends the upload chunked.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    private static byte[] Zip(params (string Name, byte[] Bytes)[] files)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(bytes);
            }
        }

        return buffer.ToArray();
    }
}

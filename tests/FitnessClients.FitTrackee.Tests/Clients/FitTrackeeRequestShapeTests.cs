using System.Net;
using System.Text;
using System.Text.Json;
using FitnessClients.Core;
using FitnessClients.FitTrackee.Models;
using FitTrackeeWorkout = FitnessClients.FitTrackee.Models.FitTrackeeWorkout;
using RichardSzalay.MockHttp;
using static FitnessClients.FitTrackee.Tests.Clients.FitTrackeeJsonBodies;
using static FitnessClients.FitTrackee.Tests.Clients.FitTrackeeTestClient;

namespace FitnessClients.FitTrackee.Tests.Clients;

public class FitTrackeeRequestShapeTests
{
    private const string Json = "application/json";

    private static readonly DateTimeOffset Start = new(2024, 5, 1, 6, 30, 0, TimeSpan.Zero);

    private MockHttpMessageHandler _mock = null!;
    private FakeTimeProvider _clock = null!;

    [SetUp]
    public void SetUp()
    {
        _mock = new MockHttpMessageHandler();
        _clock = new FakeTimeProvider(Testing.FakeTimeDefaults.Start);
    }

    [TearDown]
    public void TearDown() => _mock.Dispose();

    [Test]
    public async Task Every_call_carries_the_bearer_token_and_reads_config_profile_and_sports()
    {
        _mock.Expect(HttpMethod.Get, Root + "api/config").WithHeaders("Authorization", "Bearer " + AccessToken).Respond(Json, Config("1.2.2", 2_000_000));
        _mock.Expect(HttpMethod.Get, Root + "api/auth/profile").WithHeaders("Authorization", "Bearer " + AccessToken).Respond(Json, Profile("Europe/Paris"));
        _mock.Expect(HttpMethod.Get, Root + "api/sports").Respond(Json, Sports);
        using var client = await CreateAsync(_mock, _clock);

        var config = await client.Config.GetAsync();
        var again = await client.Config.GetAsync();
        var profile = await client.Profile.GetAsync();
        var sports = await client.Sports.ListAsync();

        Assert.That(config.Version, Is.EqualTo("1.2.2"));
        Assert.That(config.MaxSingleFileSize, Is.EqualTo(2_000_000));
        Assert.That(again, Is.SameAs(config), "the configuration is cached");
        Assert.That(config.UploadExtensions, Is.EquivalentTo(new[] { "gpx", "kml", "kmz", "fit", "tcx", "zip" }));
        Assert.That(profile.TimeZoneInfo.Id, Is.EqualTo("Europe/Paris"));
        Assert.That(sports.Select(s => s.Label), Is.EqualTo(new[] { "Cycling (Sport)", "Running", "Walking" }));
        _mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task Sports_are_resolved_by_label_ignoring_case_never_by_a_fixed_id()
    {
        _mock.Expect(HttpMethod.Get, Root + "api/sports").Respond(Json, Sports);
        using var client = await CreateAsync(_mock, _clock);

        Assert.That((await client.Sports.ResolveAsync("  cycling (SPORT) ")).Id, Is.EqualTo(11));
        Assert.That((await client.Sports.ResolveAsync("running")).Id, Is.EqualTo(15));
        var unknown = Assert.ThrowsAsync<ArgumentException>(() => client.Sports.ResolveAsync("Swimming"));
        Assert.That(unknown!.Message, Does.Contain("Swimming").And.Contain("Running").And.Contain("Cycling (Sport)"));
        var off = Assert.ThrowsAsync<ArgumentException>(() => client.Sports.ResolveAsync("walking"));
        Assert.That(off!.Message, Does.Contain("switched off"));
        _mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task The_list_sends_every_filter_in_fittrackees_spelling()
    {
        _mock.Expect(HttpMethod.Get, Root + "api/workouts")
            .WithExactQueryString(new Dictionary<string, string>
            {
                ["page"] = "2", ["per_page"] = "50", ["order"] = "asc", ["order_by"] = "distance", ["sport_id"] = "15",
                ["from"] = "2024-01-01", ["to"] = "2024-12-31", ["title"] = "park", ["notes"] = "source: strava:1", ["description"] = "rain",
                ["distance_from"] = "5", ["distance_to"] = "42.195", ["duration_from"] = "0:30", ["duration_to"] = "26:05",
                ["ave_speed_from"] = "8.5", ["ave_speed_to"] = "12", ["max_speed_from"] = "10", ["max_speed_to"] = "30",
                ["ave_pace_from"] = "4:30", ["ave_pace_to"] = "6:05", ["max_pace_from"] = "3:00", ["max_pace_to"] = "5:00",
                ["equipment_id"] = "none", ["workout_visibility"] = "private", ["coordinates"] = "48.85,2.35", ["radius"] = "5",
                ["return_equipments"] = "true", ["with_statistics"] = "true",
            })
            .Respond(Json, Page([Workout("a1", Start)], 2, 3, 101));
        using var client = await CreateAsync(_mock, _clock);

        var page = await client.Workouts.ListPageAsync(
            new FitTrackeeWorkoutQuery
            {
                PerPage = 50, Order = "asc", OrderBy = "distance", SportId = 15, From = new DateOnly(2024, 1, 1), To = new DateOnly(2024, 12, 31),
                Title = "park", Notes = "source: strava:1", Description = "rain", DistanceFrom = 5, DistanceTo = 42.195,
                DurationFrom = TimeSpan.FromMinutes(30), DurationTo = new TimeSpan(1, 2, 5, 0), AveSpeedFrom = 8.5, AveSpeedTo = 12,
                MaxSpeedFrom = 10, MaxSpeedTo = 30, AvePaceFrom = new TimeSpan(0, 4, 30), AvePaceTo = new TimeSpan(0, 6, 5),
                MaxPaceFrom = TimeSpan.FromMinutes(3), MaxPaceTo = TimeSpan.FromMinutes(5), EquipmentId = "none",
                WorkoutVisibility = FitTrackeeVisibility.Private, Coordinates = (48.85, 2.35), RadiusKm = 5,
                ReturnEquipments = true, WithStatistics = true,
            },
            page: 2);

        Assert.That(page.Pagination, Is.EqualTo(new FitTrackeePagination { HasNext = true, HasPrev = true, Page = 2, Pages = 3, Total = 101 }));
        var workout = page.Workouts.Single();
        Assert.That(workout.WorkoutDate, Is.EqualTo(Start));
        Assert.That(workout.DurationTime, Is.EqualTo(new TimeSpan(1, 2, 3)));
        Assert.That(workout.MovingTime, Is.EqualTo(TimeSpan.FromMinutes(58)));
        Assert.That(workout.Raw!.Value.GetProperty("records")[0].GetProperty("value").GetString(), Is.EqualTo("1:01:00"));
        _mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task Listing_everything_asks_for_pages_of_100_until_has_next_is_false()
    {
        for (var page = 1; page <= 3; page++)
        {
            var ids = Enumerable.Range(0, page < 3 ? 100 : 7).Select(i => Workout($"p{page}w{i}", Start.AddHours(-i - (page * 1000))));
            _mock.Expect(HttpMethod.Get, Root + "api/workouts")
                .WithExactQueryString(new Dictionary<string, string> { ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture), ["per_page"] = "100" })
                .Respond(Json, Page(ids, page, 3, 207));
        }

        using var client = await CreateAsync(_mock, _clock);
        var all = new List<FitTrackeeWorkout>();
        await foreach (var workout in client.Workouts.ListAsync())
        {
            all.Add(workout);
        }

        Assert.That(all, Has.Count.EqualTo(207));
        Assert.That(all.Select(w => w.Id).Distinct().Count(), Is.EqualTo(207));
        _mock.VerifyNoOutstandingExpectation();
    }

    [TestCase(0)]
    [TestCase(101)]
    public async Task A_page_size_outside_1_to_100_is_refused_before_any_request(int perPage)
    {
        var any = _mock.When("*").Respond(HttpStatusCode.InternalServerError);
        using var client = await CreateAsync(_mock, _clock);
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Workouts.ListPageAsync(new FitTrackeeWorkoutQuery { PerPage = perPage }));
        Assert.That(_mock.GetMatchCount(any), Is.Zero);
    }

    [Test]
    public async Task Get_reads_the_single_workout_envelope_and_a_missing_one_is_not_found()
    {
        _mock.Expect(HttpMethod.Get, Root + "api/workouts/kjxavSTUrJvoAh2wvCeGEF").Respond(Json, Single(Workout("kjxavSTUrJvoAh2wvCeGEF", Start, "source: strava:9\nhello")));
        _mock.Expect(HttpMethod.Get, Root + "api/workouts/missing").Respond(HttpStatusCode.NotFound, Json, """{"status":"not found","data":{"workouts":[]}}""");
        using var client = await CreateAsync(_mock, _clock);

        var workout = await client.Workouts.GetAsync("kjxavSTUrJvoAh2wvCeGEF");
        Assert.That(workout.Notes, Is.EqualTo("source: strava:9\nhello"));
        var ex = Assert.ThrowsAsync<ResourceNotFoundException>(() => client.Workouts.GetAsync("missing"));
        Assert.That(ex!.Service, Is.EqualTo("fittrackee"));
    }

    [Test]
    public async Task Gpx_and_original_downloads_are_streams_with_the_servers_extension()
    {
        _mock.Expect(HttpMethod.Get, Root + "api/workouts/w1/gpx/download").Respond(_ => FileResponse("<gpx/>", "application/gpx+xml", "w1.gpx"));
        _mock.Expect(HttpMethod.Get, Root + "api/config").Respond(Json, Config());
        _mock.Expect(HttpMethod.Get, Root + "api/workouts/w1/original/download").Respond(_ => FileResponse("FIT-BYTES", "application/octet-stream", "morning.FIT"));
        using var client = await CreateAsync(_mock, _clock);

        await using (var gpx = await client.Workouts.DownloadGpxAsync("w1"))
        {
            Assert.That(gpx.Extension, Is.EqualTo("gpx"));
            Assert.That(await new StreamReader(gpx.Content).ReadToEndAsync(), Is.EqualTo("<gpx/>"));
        }

        await using var original = await client.Workouts.DownloadOriginalAsync("w1");
        Assert.That(original.Extension, Is.EqualTo("fit"));
        Assert.That(original.FileName, Is.EqualTo("morning.FIT"));
        Assert.That(await new StreamReader(original.Content).ReadToEndAsync(), Is.EqualTo("FIT-BYTES"));
    }

    [Test]
    public async Task Original_download_is_refused_on_an_instance_older_than_0_12()
    {
        _mock.Expect(HttpMethod.Get, Root + "api/config").Respond(Json, Config("0.11.2"));
        using var client = await CreateAsync(_mock, _clock);
        var ex = Assert.ThrowsAsync<NotSupportedException>(() => client.Workouts.DownloadOriginalAsync("w1"));
        Assert.That(ex!.Message, Does.Contain("0.12.0"));
    }

    [Test]
    public async Task Upload_sends_a_named_file_part_and_data_with_only_the_allowed_keys()
    {
        string? fileName = null, dataJson = null, fileText = null;
        _mock.Expect(HttpMethod.Get, Root + "api/config").Respond(Json, Config());
        _mock.Expect(HttpMethod.Post, Root + "api/workouts")
            .With(request =>
            {
                var parts = ((MultipartFormDataContent)request.Content!).ToList();
                var file = parts.Single(p => p.Headers.ContentDisposition!.Name!.Trim('"') == "file");
                fileName = file.Headers.ContentDisposition!.FileName!.Trim('"');
                fileText = file.ReadAsStringAsync().GetAwaiter().GetResult();
                dataJson = parts.Single(p => p.Headers.ContentDisposition!.Name!.Trim('"') == "data").ReadAsStringAsync().GetAwaiter().GetResult();
                return parts.Count == 2;
            })
            .Respond(HttpStatusCode.Created, Json, Single(Workout("new1", Start), "created"));
        using var client = await CreateAsync(_mock, _clock);

        // No XML declaration: FitTrackee's content check would see text/plain, so the client adds one.
        using var gpx = new MemoryStream(Encoding.UTF8.GetBytes("<gpx version=\"1.1\"><trk/></gpx>"));
        var created = await client.Workouts.UploadAsync(gpx, "Morning run (Paris) é.GPX", new FitTrackeeUploadData { SportId = 15, Title = "Morning", Notes = "source: strava:1", EquipmentIds = [] });

        Assert.That(created.Single().Id, Is.EqualTo("new1"));
        Assert.That(fileName, Does.EndWith(".gpx").And.Not.Contain(" "));
        Assert.That(fileText, Does.StartWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").And.Contain("<gpx version=\"1.1\">"));
        using var data = JsonDocument.Parse(dataJson!);
        Assert.That(data.RootElement.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "sport_id", "title", "notes", "equipment_ids" }));
        Assert.That(data.RootElement.GetProperty("sport_id").GetInt32(), Is.EqualTo(15));
        var allowed = new[] { "sport_id", "analysis_visibility", "description", "equipment_ids", "map_visibility", "notes", "title", "workout_visibility" };
        var full = JsonSerializer.SerializeToElement(new FitTrackeeUploadData
        {
            SportId = 1, Title = "t", Notes = "n", Description = "d", WorkoutVisibility = "public", AnalysisVisibility = "public", MapVisibility = "public", EquipmentIds = ["e"],
        }, FitTrackeeJson.Options);
        Assert.That(full.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(allowed), "every member maps to one of FitTrackee's WorkoutsData keys");
        _mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task An_upload_over_the_instances_limit_is_refused_before_sending_counting_the_whole_request()
    {
        _mock.Expect(HttpMethod.Get, Root + "api/config").Respond(Json, Config(maxSingle: 1000));
        var upload = _mock.When(HttpMethod.Post, Root + "api/workouts").Respond(HttpStatusCode.Created, Json, Single(Workout("x", Start), "created"));
        using var client = await CreateAsync(_mock, _clock);

        // 900 bytes of file fit the limit alone, but not with the multipart framing around them.
        var body = "<?xml version=\"1.0\"?><gpx>" + new string('x', 900 - 27) + "</gpx>";
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(body));
        var ex = Assert.ThrowsAsync<FitTrackeeFileTooLargeException>(() => client.Workouts.UploadAsync(file, "big.gpx", new FitTrackeeUploadData { SportId = 15 }));

        Assert.That(ex!.Limit, Is.EqualTo(1000));
        Assert.That(ex.RequestSize, Is.GreaterThan(1000));
        Assert.That(ex.Message, Does.Contain("1000 bytes").And.Contain("max_single_file_size"));
        Assert.That(_mock.GetMatchCount(upload), Is.Zero);
    }

    [Test]
    public async Task An_instance_before_0_10_takes_only_gpx()
    {
        _mock.Expect(HttpMethod.Get, Root + "api/config").Respond(Json, Config("0.9.4"));
        using var client = await CreateAsync(_mock, _clock);
        using var fit = new MemoryStream([1, 2, 3]);

        var ex = Assert.ThrowsAsync<ArgumentException>(() => client.Workouts.UploadAsync(fit, "ride.fit", new FitTrackeeUploadData { SportId = 11 }));

        Assert.That(ex!.Message, Does.Contain(".fit").And.Contain("0.9.4").And.Contain(".gpx"));
    }

    [TestCase("Europe/Paris", "2024-05-01 08:30")]
    [TestCase("America/Denver", "2024-05-01 00:30")]
    [TestCase(null, "2024-05-01 06:30")]
    public async Task A_manual_workout_is_dated_in_the_users_timezone_to_the_minute(string? timezone, string expected)
    {
        string? body = null;
        _mock.Expect(HttpMethod.Get, Root + "api/auth/profile").Respond(Json, Profile(timezone));
        _mock.Expect(HttpMethod.Post, Root + "api/workouts/no_gpx")
            .With(r => (body = r.Content!.ReadAsStringAsync().GetAwaiter().GetResult()) is not null)
            .Respond(HttpStatusCode.Created, Json, Single(Workout("m1", Start, withFile: false), "created"));
        using var client = await CreateAsync(_mock, _clock);

        var created = await client.Workouts.CreateManualAsync(new FitTrackeeManualWorkout
        {
            SportId = 15, StartTime = Start.AddSeconds(42).ToOffset(TimeSpan.FromHours(-4)), Duration = TimeSpan.FromSeconds(1993.6), DistanceKm = 6.1167,
            Title = "Treadmill", Notes = "source: runkeeper:1",
        });

        Assert.That(created.Id, Is.EqualTo("m1"));
        using var json = JsonDocument.Parse(body!);
        Assert.That(json.RootElement.GetProperty("workout_date").GetString(), Is.EqualTo(expected));
        Assert.That(json.RootElement.GetProperty("duration").GetInt32(), Is.EqualTo(1994));
        Assert.That(json.RootElement.GetProperty("distance").GetDouble(), Is.EqualTo(6.117));
        Assert.That(json.RootElement.GetProperty("sport_id").GetInt32(), Is.EqualTo(15));
        Assert.That(json.RootElement.TryGetProperty("ascent", out _), Is.False);
    }

    [Test]
    public async Task A_manual_workout_that_fittrackee_would_refuse_is_refused_first()
    {
        var any = _mock.When("*").Respond(HttpStatusCode.InternalServerError);
        using var client = await CreateAsync(_mock, _clock);
        Assert.ThrowsAsync<ArgumentException>(() => client.Workouts.CreateManualAsync(new FitTrackeeManualWorkout { SportId = 1, StartTime = Start, Duration = TimeSpan.Zero, DistanceKm = 5 }));
        Assert.ThrowsAsync<ArgumentException>(() => client.Workouts.CreateManualAsync(new FitTrackeeManualWorkout { SportId = 1, StartTime = Start, Duration = TimeSpan.FromHours(1), DistanceKm = 0 }));
        Assert.ThrowsAsync<ArgumentException>(() => client.Workouts.CreateManualAsync(new FitTrackeeManualWorkout { SportId = 1, StartTime = Start, Duration = TimeSpan.FromHours(1), DistanceKm = 5, Ascent = 10 }));
        Assert.That(_mock.GetMatchCount(any), Is.Zero);
    }

    [Test]
    public async Task Patch_sends_only_the_changed_fields_and_delete_sends_delete()
    {
        string? body = null;
        _mock.Expect(HttpMethod.Patch, Root + "api/workouts/w1")
            .With(r => (body = r.Content!.ReadAsStringAsync().GetAwaiter().GetResult()) is not null)
            .Respond(Json, Single(Workout("w1", Start, "new notes")));
        _mock.Expect(HttpMethod.Delete, Root + "api/workouts/w1").Respond(HttpStatusCode.NoContent);
        using var client = await CreateAsync(_mock, _clock);

        var updated = await client.Workouts.UpdateAsync("w1", new FitTrackeeWorkoutUpdate { Notes = "new notes", SportId = 11 });
        await client.Workouts.DeleteAsync("w1");

        Assert.That(updated.Notes, Is.EqualTo("new notes"));
        using var json = JsonDocument.Parse(body!);
        Assert.That(json.RootElement.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "notes", "sport_id" }));
        _mock.VerifyNoOutstandingExpectation();
    }

    [TestCase("1:02:03", 3723)]
    [TestCase("0:00:05.5", 5.5)]
    [TestCase("1 day, 2:03:04", 93784)]
    [TestCase("2 days, 0:00:00", 172800)]
    public void Durations_are_read_in_pythons_timedelta_form(string text, double seconds) =>
        Assert.That(FitTrackeeWorkout.ParseDuration(text), Is.EqualTo(TimeSpan.FromSeconds(seconds)));

    [TestCase("")]
    [TestCase("abc")]
    [TestCase("1:2")]
    public void Unreadable_durations_are_null(string text) => Assert.That(FitTrackeeWorkout.ParseDuration(text), Is.Null);

    private static HttpResponseMessage FileResponse(string text, string mediaType, string fileName)
    {
        var content = new StringContent(text);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        content.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileName = fileName };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}

using System.Net;
using System.Text;
using System.Text.Json;
using FitnessClients.Core.Activities;
using FitnessClients.FitTrackee.Tests.Clients;
using FitnessClients.Testing;
using RichardSzalay.MockHttp;
using static FitnessClients.FitTrackee.Tests.Clients.FitTrackeeJsonBodies;
using static FitnessClients.FitTrackee.Tests.Clients.FitTrackeeTestClient;

namespace FitnessClients.FitTrackee.Tests.Sink;

public class FitTrackeeActivitySinkTests
{
    private const string Json = "application/json";

    private static readonly DateTimeOffset Start = new(2024, 5, 1, 8, 30, 0, TimeSpan.FromHours(2));

    private MockHttpMessageHandler _mock = null!;
    private FakeTimeProvider _clock = null!;

    [SetUp]
    public void SetUp()
    {
        // Expectations check order where it matters; the When definitions answer the rest meanwhile.
        _mock = new MockHttpMessageHandler(BackendDefinitionBehavior.Always);
        _clock = new FakeTimeProvider(FakeTimeDefaults.Start);
    }

    [TearDown]
    public void TearDown() => _mock.Dispose();

    private static ActivitySummary Activity(string id = "123", double? meters = 10_500, TimeSpan? elapsed = null) => new()
    {
        Service = "strava",
        Id = id,
        StartTime = Start,
        Name = "Morning Run",
        Sport = "Run",
        DistanceMeters = meters,
        ElapsedTime = elapsed ?? TimeSpan.FromMinutes(55),
        HasGpsTrack = true,
    };

    [Test]
    public async Task The_source_marker_leads_the_notes_and_survives_the_500_character_cut()
    {
        var notes = FitTrackeeActivitySink.BuildNotes(Activity(), new string('n', 800));
        Assert.That(notes, Does.StartWith("source: strava:123\n"));
        Assert.That(notes, Has.Length.EqualTo(500));
        Assert.That(FitTrackeeActivitySink.BuildNotes(Activity(), null), Is.EqualTo("source: strava:123"));
    }

    [Test]
    public async Task A_workout_carrying_the_marker_is_found_by_the_notes_filter_and_checked_exactly()
    {
        _mock.Expect(HttpMethod.Get, Root + "api/workouts").WithQueryString("notes", "source: strava:123")
            .Respond(Json, Page([Workout("near", Start.AddDays(-3)), Workout("hit", Start.AddDays(-40))], 1, 1, 2));
        // Lists carry no notes: each candidate is fetched. "strava:1234" must not count as "strava:123".
        _mock.Expect(HttpMethod.Get, Root + "api/workouts/near").Respond(Json, Single(Workout("near", Start.AddDays(-3), "source: strava:1234")));
        _mock.Expect(HttpMethod.Get, Root + "api/workouts/hit").Respond(Json, Single(Workout("hit", Start.AddDays(-40), "source: strava:123\nimported")));
        using var client = await CreateAsync(_mock, _clock);
        var sink = new FitTrackeeActivitySink(client);

        Assert.That(await sink.FindDuplicateAsync(Activity()), Is.EqualTo("hit"));
        _mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task Without_a_marker_a_workout_starting_within_the_tolerance_is_the_duplicate()
    {
        _mock.When(HttpMethod.Get, Root + "api/workouts").WithQueryString("notes", "source: strava:123").Respond(Json, Page([], 1, 1, 0));
        _mock.When(HttpMethod.Get, Root + "api/auth/profile").Respond(Json, Profile("Europe/Paris"));
        _mock.Expect(HttpMethod.Get, Root + "api/workouts")
            .WithQueryString(new Dictionary<string, string> { ["from"] = "2024-05-01", ["to"] = "2024-05-01" })
            .Respond(Json, Page([Workout("far", Start.AddMinutes(-30)), Workout("close", Start.AddMinutes(4)), Workout("closer", Start.AddSeconds(-50))], 1, 1, 3));
        using var client = await CreateAsync(_mock, _clock);

        Assert.That(await new FitTrackeeActivitySink(client).FindDuplicateAsync(Activity()), Is.EqualTo("closer"));
        Assert.That(
            await new FitTrackeeActivitySink(client, new FitTrackeeSinkOptions { MatchStartTimeWithoutMarker = false }).FindDuplicateAsync(Activity()),
            Is.Null);
    }

    [Test]
    public async Task Upload_skips_a_duplicate_and_otherwise_sends_the_file_with_sport_title_and_marker()
    {
        _mock.When(HttpMethod.Get, Root + "api/workouts").WithQueryString("notes", "source: strava:1").Respond(Json, Page([Workout("old", Start)], 1, 1, 1));
        _mock.When(HttpMethod.Get, Root + "api/workouts/old").Respond(Json, Single(Workout("old", Start, "source: strava:1")));
        _mock.When(HttpMethod.Get, Root + "api/workouts").WithQueryString("notes", "source: strava:2").Respond(Json, Page([], 1, 1, 0));
        _mock.When(HttpMethod.Get, Root + "api/auth/profile").Respond(Json, Profile("UTC"));
        _mock.When(HttpMethod.Get, Root + "api/workouts").WithQueryString("from", "2024-05-01").Respond(Json, Page([], 1, 1, 0));
        _mock.When(HttpMethod.Get, Root + "api/sports").Respond(Json, Sports);
        _mock.When(HttpMethod.Get, Root + "api/config").Respond(Json, Config());
        string? data = null, fileName = null;
        var upload = _mock.When(HttpMethod.Post, Root + "api/workouts")
            .With(r =>
            {
                var parts = ((MultipartFormDataContent)r.Content!).ToList();
                fileName = parts.Single(p => p.Headers.ContentDisposition!.Name!.Trim('"') == "file").Headers.ContentDisposition!.FileName!.Trim('"');
                data = parts.Single(p => p.Headers.ContentDisposition!.Name!.Trim('"') == "data").ReadAsStringAsync().GetAwaiter().GetResult();
                return true;
            })
            .Respond(HttpStatusCode.Created, Json, Single(Workout("new", Start), "created"));
        using var client = await CreateAsync(_mock, _clock);
        var sink = new FitTrackeeActivitySink(client, new FitTrackeeSinkOptions { WorkoutVisibility = "private" });

        var skipped = await sink.UploadAsync(new ActivityUpload { Activity = Activity("1"), Sport = "Running", File = Gpx(), FileFormat = ActivityFormat.Gpx });
        var sent = await sink.UploadAsync(new ActivityUpload { Activity = Activity("2"), Sport = "running", File = Gpx(), FileFormat = ActivityFormat.Gpx, Notes = "Strava: https://www.strava.com/activities/2" });

        Assert.That(skipped, Is.EqualTo(new ActivityUploadResult("old", WasDuplicate: true)));
        Assert.That(sent, Is.EqualTo(new ActivityUploadResult("new", WasDuplicate: false)));
        Assert.That(_mock.GetMatchCount(upload), Is.EqualTo(1));
        Assert.That(fileName, Is.EqualTo("strava-2.gpx"));
        using var json = JsonDocument.Parse(data!);
        Assert.That(json.RootElement.GetProperty("sport_id").GetInt32(), Is.EqualTo(15));
        Assert.That(json.RootElement.GetProperty("title").GetString(), Is.EqualTo("Morning Run"));
        Assert.That(json.RootElement.GetProperty("notes").GetString(), Is.EqualTo("source: strava:2\nStrava: https://www.strava.com/activities/2"));
        Assert.That(json.RootElement.GetProperty("workout_visibility").GetString(), Is.EqualTo("private"));
    }

    [Test]
    public async Task Without_a_file_a_manual_workout_is_created_from_the_summary()
    {
        _mock.When(HttpMethod.Get, Root + "api/workouts").Respond(Json, Page([], 1, 1, 0));
        _mock.When(HttpMethod.Get, Root + "api/auth/profile").Respond(Json, Profile("America/New_York"));
        _mock.When(HttpMethod.Get, Root + "api/sports").Respond(Json, Sports);
        string? body = null;
        _mock.Expect(HttpMethod.Post, Root + "api/workouts/no_gpx")
            .With(r => (body = r.Content!.ReadAsStringAsync().GetAwaiter().GetResult()) is not null)
            .Respond(HttpStatusCode.Created, Json, Single(Workout("manual", Start, withFile: false), "created"));
        using var client = await CreateAsync(_mock, _clock);

        var result = await new FitTrackeeActivitySink(client).UploadAsync(new ActivityUpload { Activity = Activity("7", meters: 6116.8, elapsed: TimeSpan.FromSeconds(1994)), Sport = "Cycling (Sport)" });

        Assert.That(result.TargetId, Is.EqualTo("manual"));
        using var json = JsonDocument.Parse(body!);
        Assert.That(json.RootElement.GetProperty("workout_date").GetString(), Is.EqualTo("2024-05-01 02:30"));
        Assert.That(json.RootElement.GetProperty("distance").GetDouble(), Is.EqualTo(6.117));
        Assert.That(json.RootElement.GetProperty("duration").GetInt32(), Is.EqualTo(1994));
        Assert.That(json.RootElement.GetProperty("sport_id").GetInt32(), Is.EqualTo(11));
        Assert.That(json.RootElement.GetProperty("notes").GetString(), Is.EqualTo("source: strava:7"));
    }

    [Test]
    public async Task A_manual_workout_without_distance_is_refused_with_the_reason()
    {
        _mock.When(HttpMethod.Get, Root + "api/workouts").Respond(Json, Page([], 1, 1, 0));
        _mock.When(HttpMethod.Get, Root + "api/auth/profile").Respond(Json, Profile(null));
        _mock.When(HttpMethod.Get, Root + "api/sports").Respond(Json, Sports);
        var create = _mock.When(HttpMethod.Post, "*").Respond(HttpStatusCode.Created);
        using var client = await CreateAsync(_mock, _clock);

        var ex = Assert.ThrowsAsync<ArgumentException>(() => new FitTrackeeActivitySink(client).UploadAsync(new ActivityUpload { Activity = Activity("8", meters: 0), Sport = "Running" }));

        Assert.That(ex!.Message, Does.Contain("strava:8").And.Contain("distance"));
        Assert.That(_mock.GetMatchCount(create), Is.Zero);
    }

    private static MemoryStream Gpx() => new(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><gpx version=\"1.1\"/>"));
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FitnessClients.Testing;
using static FitnessClients.Testing.Tests.FitTrackee.FitTrackeeTestSupport;

namespace FitnessClients.Testing.Tests.FitTrackee;

public class FitTrackeeApiTests
{
    [Test]
    public async Task Config_needs_no_token_and_reports_version_and_upload_limits()
    {
        var emulator = Create(configure: o => (o.Version, o.MaxSingleFileSize) = ("0.12.3", 2_097_152));
        using var http = emulator.CreateClient();

        var config = await GetJsonAsync(http, "api/config");

        Assert.That(config["status"]!.GetValue<string>(), Is.EqualTo("success"));
        Assert.That(config["data"]!["version"]!.GetValue<string>(), Is.EqualTo("0.12.3"));
        Assert.That(config["data"]!["max_single_file_size"]!.GetValue<long>(), Is.EqualTo(2_097_152));
        Assert.That(config["data"]!["max_zip_file_size"]!.GetValue<long>(), Is.EqualTo(10_485_760));
        Assert.That(config["data"]!["file_limit_import"]!.GetValue<int>(), Is.EqualTo(10));
    }

    [Test]
    public async Task Profile_gives_the_timezone_and_counts()
    {
        var emulator = Create(7, configure: o => o.Timezone = "America/New_York");
        using var http = AuthorizedClient(emulator, "profile:read");

        var profile = (await GetJsonAsync(http, "api/auth/profile"))["data"]!;

        Assert.That(profile["timezone"]!.GetValue<string>(), Is.EqualTo("America/New_York"));
        Assert.That(profile["username"]!.GetValue<string>(), Is.EqualTo("sam"));
        Assert.That(profile["nb_workouts"]!.GetValue<int>(), Is.EqualTo(7));
        using var noScope = AuthorizedClient(emulator, "workouts:read");
        using var forbidden = await noScope.GetAsync(new Uri("api/auth/profile", UriKind.Relative));
        Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Sports_are_the_29_defaults_in_id_order_with_pace_display_for_pace_sports_only()
    {
        var emulator = Create();
        emulator.SetSportActive(15, false);
        using var http = AuthorizedClient(emulator, "workouts:read");

        var sports = (await GetJsonAsync(http, "api/sports"))["data"]!["sports"]!.AsArray();

        Assert.That(sports, Has.Count.EqualTo(29));
        Assert.That(sports.Select(s => s!["id"]!.GetValue<int>()), Is.EqualTo(Enumerable.Range(1, 29)));
        Assert.That(sports[0]!["label"]!.GetValue<string>(), Is.EqualTo("Cycling (Sport)"));
        Assert.That(sports[4]!["label"]!.GetValue<string>(), Is.EqualTo("Running"));
        Assert.That(sports[28]!["label"]!.GetValue<string>(), Is.EqualTo("Inline Skating"));
        Assert.That(sports.Where(s => s!.AsObject().ContainsKey("pace_speed_display")).Select(s => s!["label"]!.GetValue<string>()), Is.EquivalentTo(new[] { "Hiking", "Running", "Walking", "Trail" }));
        Assert.That(sports[14]!["is_active"]!.GetValue<bool>(), Is.False);
        Assert.That(emulator.FindSport("Trail")!.Id, Is.EqualTo(8));
    }

    [Test]
    public async Task Workouts_list_pages_with_the_envelope_default_five_and_at_most_one_hundred()
    {
        var emulator = Create(130);
        using var http = AuthorizedClient(emulator);

        var first = await GetJsonAsync(http, "api/workouts");
        Assert.That(first["data"]!["workouts"]!.AsArray(), Has.Count.EqualTo(5));
        Assert.That(first["pagination"]!.ToJsonString(), Is.EqualTo("""{"has_next":true,"has_prev":false,"page":1,"pages":26,"total":130}"""));
        Assert.That(first["status"]!.GetValue<string>(), Is.EqualTo("success"));

        var capped = await GetJsonAsync(http, "api/workouts?per_page=500&page=2");
        Assert.That(capped["data"]!["workouts"]!.AsArray(), Has.Count.EqualTo(30));
        Assert.That(capped["pagination"]!.ToJsonString(), Is.EqualTo("""{"has_next":false,"has_prev":true,"page":2,"pages":2,"total":130}"""));

        var beyond = await GetJsonAsync(http, "api/workouts?per_page=100&page=3");
        Assert.That(beyond["data"]!["workouts"]!.AsArray(), Is.Empty);
        Assert.That(beyond["pagination"]!["page"]!.GetValue<int>(), Is.EqualTo(3));

        var zero = await GetJsonAsync(http, "api/workouts?per_page=0&page=0");
        Assert.That(zero["data"]!["workouts"]!.AsArray(), Has.Count.EqualTo(20), "paginate(error_out=False) falls back to 20 per page");
        Assert.That(zero["pagination"]!["page"]!.GetValue<int>(), Is.EqualTo(1));

        var ids = new List<string>();
        for (var page = 1; ; page++)
        {
            var json = await GetJsonAsync(http, $"api/workouts?per_page=100&page={page}");
            ids.AddRange(json["data"]!["workouts"]!.AsArray().Select(w => w!["id"]!.GetValue<string>()));
            if (!json["pagination"]!["has_next"]!.GetValue<bool>())
            {
                break;
            }
        }

        Assert.That(ids, Is.EqualTo(emulator.Workouts.Select(w => w.Id)), "newest first, each once");
    }

    [Test]
    public async Task List_items_are_light_notes_empty_and_detail_fields_null()
    {
        var emulator = Create(0);
        var seeded = emulator.AddWorkout(new DateTimeOffset(2026, 3, 1, 7, 0, 0, TimeSpan.Zero), sportId: 1, distanceKm: 30, notes: "secret notes 🔒");
        using var http = AuthorizedClient(emulator);

        var item = (await GetJsonAsync(http, "api/workouts"))["data"]!["workouts"]![0]!;

        Assert.That(item["id"]!.GetValue<string>(), Is.EqualTo(seeded.Id).And.Length.EqualTo(22));
        Assert.That(item["notes"]!.GetValue<string>(), Is.Empty);
        Assert.That(item["creation_date"], Is.Null);
        Assert.That(item["bounds"]!.AsArray(), Is.Empty);
        Assert.That(item["workout_date"]!.GetValue<string>(), Is.EqualTo("Sun, 01 Mar 2026 07:00:00 GMT"));
        Assert.That(item["with_file"]!.GetValue<bool>(), Is.True);
        Assert.That(item["source"]!.GetValue<string>(), Is.Not.Null);

        var full = (await GetJsonAsync(http, $"api/workouts/{seeded.Id}"))["data"]!["workouts"]![0]!;
        Assert.That(full["notes"]!.GetValue<string>(), Is.EqualTo("secret notes 🔒"));
        Assert.That(full["original_file"]!.GetValue<string>(), Is.EqualTo("gpx"));
        Assert.That(full["creation_date"]!.GetValue<string>(), Is.EqualTo("Mon, 20 Apr 2026 08:00:00 GMT"));
        Assert.That(full["bounds"]!.AsArray(), Has.Count.EqualTo(4));
        Assert.That(full["distance"]!.GetValue<double>(), Is.EqualTo(30).Within(8));
    }

    [Test]
    public async Task Filters_by_dates_in_the_users_timezone_sport_text_and_ranges()
    {
        var emulator = Create(0, configure: o => o.Timezone = "Europe/Paris");
        var lateEvening = emulator.AddWorkout(new DateTimeOffset(2026, 3, 31, 22, 30, 0, TimeSpan.Zero), sportId: 5, distanceKm: 8, title: "Nuit 🌙"); // 1 April 00:30 in Paris
        var ride = emulator.AddWorkout(new DateTimeOffset(2026, 3, 31, 10, 0, 0, TimeSpan.Zero), sportId: 1, distanceKm: 40, duration: TimeSpan.FromHours(2), title: "Vélo", withFile: false);
        var walk = emulator.AddWorkout(new DateTimeOffset(2026, 4, 2, 10, 0, 0, TimeSpan.Zero), sportId: 6, distanceKm: 4, title: "Walk", notes: "with Zoë", withFile: false);
        using var http = AuthorizedClient(emulator);

        async Task<string[]> IdsAsync(string query) =>
            [.. (await GetJsonAsync(http, "api/workouts?per_page=100&" + query))["data"]!["workouts"]!.AsArray().Select(w => w!["id"]!.GetValue<string>())];

        Assert.That(await IdsAsync("from=2026-04-01&to=2026-04-01"), Is.EqualTo(new[] { lateEvening.Id }));
        Assert.That(await IdsAsync("to=2026-03-31"), Is.EqualTo(new[] { ride.Id }));
        Assert.That(await IdsAsync("sport_id=6"), Is.EqualTo(new[] { walk.Id }));
        Assert.That(await IdsAsync("title=VÉLO"), Is.EqualTo(new[] { ride.Id }), "ilike");
        Assert.That(await IdsAsync("notes=zoë"), Is.EqualTo(new[] { walk.Id }));
        Assert.That(await IdsAsync("distance_from=10&distance_to=50"), Is.EqualTo(new[] { ride.Id }));
        Assert.That(await IdsAsync("duration_from=1:30"), Is.EqualTo(new[] { ride.Id }));
        Assert.That(await IdsAsync("order=asc&order_by=distance"), Is.EqualTo(new[] { walk.Id, lateEvening.Id, ride.Id }));
        Assert.That(await IdsAsync("workout_visibility=private"), Has.Length.EqualTo(3));
        Assert.That(await IdsAsync("equipment_id=none"), Has.Length.EqualTo(3));
        Assert.That(await IdsAsync("coordinates=43.9,4.5&radius=50"), Is.EqualTo(new[] { lateEvening.Id }), "only file workouts have a track");

        using var badDuration = await http.GetAsync(new Uri("api/workouts?duration_from=25:00", UriKind.Relative));
        Assert.That(badDuration.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await badDuration.Content.ReadAsStringAsync(), Is.EqualTo(Body("error", "invalid duration")));
        using var badVisibility = await http.GetAsync(new Uri("api/workouts?workout_visibility=friends", UriKind.Relative));
        Assert.That(await badVisibility.Content.ReadAsStringAsync(), Is.EqualTo(Body("error", "invalid value for visibility")));
        using var badColumn = await http.GetAsync(new Uri("api/workouts?order_by=nonsense", UriKind.Relative));
        Assert.That(badColumn.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await badColumn.Content.ReadAsStringAsync(), Is.EqualTo(Body("error", "error, please try again or contact the administrator")));
        using var badDate = await http.GetAsync(new Uri("api/workouts?from=01/04/2026", UriKind.Relative));
        Assert.That(badDate.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
    }

    [Test]
    public async Task Statistics_block_appears_on_request()
    {
        var emulator = Create(0);
        emulator.AddWorkout(Now.AddDays(-2), sportId: 1, distanceKm: 20, withFile: false);
        emulator.AddWorkout(Now.AddDays(-1), sportId: 1, distanceKm: 30, withFile: false);
        using var http = AuthorizedClient(emulator);

        var data = (await GetJsonAsync(http, "api/workouts?with_statistics=true&per_page=1"))["data"]!;

        Assert.That(data["statistics"]!["current_page"]!["count"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(data["statistics"]!["all"]!["count"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(data["statistics"]!["all"]!["total_distance"]!.GetValue<double>(), Is.EqualTo(50));
    }

    [Test]
    public async Task Get_unknown_and_malformed_ids_give_the_data_404_and_flasks_500()
    {
        var emulator = Create(3);
        using var http = AuthorizedClient(emulator);

        using var unknown = await http.GetAsync(new Uri("api/workouts/kjxavSTUrJvoAh2wvCeGEF", UriKind.Relative));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await unknown.Content.ReadAsStringAsync(), Is.EqualTo("""{"status": "not found", "data": {"workouts": []}}"""));

        using var malformed = await http.GetAsync(new Uri("api/workouts/0OIl", UriKind.Relative));
        Assert.That(malformed.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await malformed.Content.ReadAsStringAsync(), Does.Contain("<title>500 Internal Server Error</title>"));

        using var gone = await http.GetAsync(new Uri($"api/workouts/{emulator.Workouts[0].Id}/gpx", UriKind.Relative));
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
    }

    [Test]
    public async Task Full_workout_links_previous_and_next_by_date()
    {
        var emulator = Create(0);
        var a = emulator.AddWorkout(Now.AddDays(-3), withFile: false);
        var b = emulator.AddWorkout(Now.AddDays(-2), withFile: false);
        var c = emulator.AddWorkout(Now.AddDays(-1), withFile: false);
        using var http = AuthorizedClient(emulator);

        var middle = (await GetJsonAsync(http, $"api/workouts/{b.Id}"))["data"]!["workouts"]![0]!;

        Assert.That(middle["previous_workout"]!.GetValue<string>(), Is.EqualTo(a.Id));
        Assert.That(middle["next_workout"]!.GetValue<string>(), Is.EqualTo(c.Id));
        Assert.That(middle["original_file"], Is.Null);
    }

    [Test]
    public async Task Patch_edits_title_notes_and_sport_and_refuses_keys_that_do_not_fit_the_workout()
    {
        var emulator = Create(0);
        var withFile = emulator.AddWorkout(Now.AddDays(-1));
        var manual = emulator.AddWorkout(Now.AddDays(-2), sportId: 1, distanceKm: 20, duration: TimeSpan.FromHours(1), withFile: false);
        using var http = AuthorizedClient(emulator);

        using var patched = await http.PatchAsJsonAsync(new Uri($"api/workouts/{withFile.Id}", UriKind.Relative), new { title = "Renamed ✨", notes = "n", sport_id = 8 });
        Assert.That(patched.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var stored = emulator.FindWorkout(withFile.Id)!;
        Assert.That((stored.Title, stored.Notes, stored.SportId), Is.EqualTo(("Renamed ✨", "n", 8)));
        Assert.That(stored.ModificationDate, Is.EqualTo(Now));

        using var invalid = await http.PatchAsJsonAsync(new Uri($"api/workouts/{withFile.Id}", UriKind.Relative), new { distance = 5, duration = 60 });
        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await invalid.Content.ReadAsStringAsync(), Is.EqualTo(Body("invalid", "invalid keys ('distance', 'duration') for workout with file")));

        using var visibility = await http.PatchAsJsonAsync(new Uri($"api/workouts/{manual.Id}", UriKind.Relative), new { map_visibility = "public" });
        Assert.That(await visibility.Content.ReadAsStringAsync(), Is.EqualTo(Body("invalid", "invalid key ('map_visibility') for workout without file")));

        using var speed = await http.PatchAsJsonAsync(new Uri($"api/workouts/{manual.Id}", UriKind.Relative), new { distance = 30, workout_date = "2026-04-01 09:15" });
        Assert.That(speed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var recomputed = emulator.FindWorkout(manual.Id)!;
        Assert.That(recomputed.AverageSpeed, Is.EqualTo(30));
        Assert.That(recomputed.WorkoutDate, Is.EqualTo(new DateTimeOffset(2026, 4, 1, 7, 15, 0, TimeSpan.Zero)), "Paris summer time");

        using var sport = await http.PatchAsJsonAsync(new Uri($"api/workouts/{manual.Id}", UriKind.Relative), new { sport_id = 99 });
        Assert.That(await sport.Content.ReadAsStringAsync(), Is.EqualTo(Body("invalid", "sport id 99 not found")));

        using var empty = await http.PatchAsJsonAsync(new Uri($"api/workouts/{manual.Id}", UriKind.Relative), new { });
        Assert.That(await empty.Content.ReadAsStringAsync(), Is.EqualTo(Body("error", "invalid payload")));

        using var notJson = await http.PatchAsync(new Uri($"api/workouts/{manual.Id}", UriKind.Relative), new StringContent("title=x"));
        Assert.That(notJson.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    [Test]
    public async Task Delete_answers_204_then_the_workout_is_gone()
    {
        var emulator = Create(2);
        var id = emulator.Workouts[0].Id;
        using var http = AuthorizedClient(emulator);

        using var deleted = await http.DeleteAsync(new Uri($"api/workouts/{id}", UriKind.Relative));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await deleted.Content.ReadAsByteArrayAsync(), Is.Empty);
        using var again = await http.DeleteAsync(new Uri($"api/workouts/{id}", UriKind.Relative));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(emulator.Workouts, Has.Count.EqualTo(1));
        Assert.That(emulator.GetOriginalFile(id), Is.Null);
    }

    [Test]
    public async Task Unknown_paths_get_the_web_app_and_the_html_500_can_be_injected()
    {
        var emulator = Create(1);
        using var http = AuthorizedClient(emulator);

        using var page = await http.GetAsync(new Uri("api/does-not-exist", UriKind.Relative));
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        using var post = await http.PostAsync(new Uri("api/does-not-exist", UriKind.Relative), new StringContent("{}"));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));

        emulator.Faults.Add(Fault.Response(_ => HtmlErrorPages.FlaskInternalServerError(), "Flask 500"), pathTemplate: "/api/workouts", maxCount: 1);
        using var failed = await http.GetAsync(new Uri("api/workouts", UriKind.Relative));
        Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await failed.Content.ReadAsStringAsync(), Does.StartWith("<!doctype html>"));
        using var recovered = await http.GetAsync(new Uri("api/workouts", UriKind.Relative));
        Assert.That(recovered.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void Synthetic_workouts_are_deterministic_and_varied()
    {
        var a = Create(40).Workouts;
        var b = Create(40).Workouts;
        var other = Create(40, configure: o => o.Seed = 7).Workouts;

        Assert.That(a.Select(w => w.Id), Is.EqualTo(b.Select(w => w.Id)));
        Assert.That(a.Select(w => (w.Title, w.DistanceKm, w.Notes)), Is.EqualTo(b.Select(w => (w.Title, w.DistanceKm, w.Notes))));
        Assert.That(other.Select(w => w.Id), Is.Not.EqualTo(a.Select(w => w.Id)));
        Assert.That(a.Select(w => w.SportId).Distinct().Count(), Is.GreaterThanOrEqualTo(5));
        Assert.That(a.Any(w => w.Title.EnumerateRunes().Any(r => r.Value > 0xFFFF)), Is.True, "emoji outside the BMP");
        Assert.That(a.Any(w => !w.WithFile) && a.Any(w => w.WithFile), Is.True);
        Assert.That(a.Any(w => !string.IsNullOrEmpty(w.Notes)), Is.True);
        Assert.That(a.Any(w => w.SegmentCount > 1), Is.True, "some tracks have a pause");
    }
}

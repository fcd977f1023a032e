using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FitnessClients.Testing;
using static FitnessClients.Testing.Tests.FitTrackee.FitTrackeeTestSupport;

namespace FitnessClients.Testing.Tests.FitTrackee;

/// <summary>
/// Compares the emulator's JSON with FitTrackee's documented examples (api_examples, read in place and ignored when absent),
/// allowing for the docstring mistakes the reference lists (B.13), and uploads the server's own test files.
/// </summary>
public class FitTrackeeFixtureShapeTests
{
    private static JsonObject Example(string name) => JsonNode.Parse(Encoding.UTF8.GetString(Fixture(Path.Combine("api_examples", name))))!.AsObject();

    /// <summary>Every key of the example is in ours, with the same JSON kind where both are non-null, except the keys named.</summary>
    private static void AssertSameShape(JsonObject real, JsonObject ours, string what, params string[] except)
    {
        foreach (var (key, value) in real)
        {
            if (except.Contains(key))
            {
                continue;
            }

            Assert.That(ours.ContainsKey(key), Is.True, $"{what}: missing '{key}'");
            if (value is not null && ours[key] is { } mine)
            {
                static JsonValueKind Kind(JsonNode node) => node.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? JsonValueKind.True : node.GetValueKind();
                Assert.That(Kind(mine), Is.EqualTo(Kind(value)), $"{what}: kind of '{key}'");
            }
        }
    }

    [Test]
    public async Task Config_profile_and_sports_have_the_documented_keys()
    {
        var emulator = Create(3);
        using var http = AuthorizedClient(emulator);

        var config = await GetJsonAsync(http, "api/config");
        AssertSameShape(Example("get_application_config_200_1.json")["data"]!.AsObject(), config["data"]!.AsObject(), "config");

        var profile = await GetJsonAsync(http, "api/auth/profile");
        AssertSameShape(Example("get_authenticated_user_profile_200_1.json")["data"]!.AsObject(), profile["data"]!.AsObject(), "profile", "notification_preferences", "messages_preferences");

        var sports = await GetJsonAsync(http, "api/sports");
        var realSports = Example("get_sports_200_1.json")["data"]!["sports"]!.AsArray();
        foreach (var real in realSports)
        {
            var ours = sports["data"]!["sports"]!.AsArray().Single(s => s!["id"]!.GetValue<int>() == real!["id"]!.GetValue<int>())!.AsObject();
            Assert.That(ours["label"]!.GetValue<string>(), Is.EqualTo(real!["label"]!.GetValue<string>()));
            AssertSameShape(real.AsObject(), ours, "sport");
        }
    }

    [Test]
    public async Task Workouts_list_and_detail_have_the_documented_keys()
    {
        var emulator = Create(4);
        using var http = AuthorizedClient(emulator);

        var list = await GetJsonAsync(http, "api/workouts");
        var realList = Example("get_workouts_200_1.json");
        AssertSameShape(realList, list.AsObject(), "list envelope");
        AssertSameShape(realList["pagination"]!.AsObject(), list["pagination"]!.AsObject(), "pagination");
        AssertSameShape(realList["data"]!["workouts"]![0]!.AsObject(), list["data"]!["workouts"]![0]!.AsObject(), "list item", "elevation_data_source");

        var detail = await GetJsonAsync(http, $"api/workouts/{emulator.Workouts[1].Id}");
        AssertSameShape(Example("get_workout_200_1.json")["data"]!["workouts"]![0]!.AsObject(), detail["data"]!["workouts"]![0]!.AsObject(), "detail", "next_workout", "previous_workout");

        var statistics = await GetJsonAsync(http, "api/workouts?with_statistics=true&from=1990-01-01&to=1990-01-02");
        Assert.That(statistics["pagination"]!.ToJsonString(), Is.EqualTo(Example("get_workouts_200_3.json")["pagination"]!.ToJsonString()));
        Assert.That(statistics["data"]!["statistics"]!["all"]!.AsObject().ContainsKey("average_speed"), Is.True);
        AssertSameShape(Example("get_workouts_200_3.json")["data"]!["statistics"]!["all"]!.AsObject(), statistics["data"]!["statistics"]!["all"]!.AsObject(), "statistics", "ave_speed"); // the code's NO_STATISTICS says average_speed
    }

    [Test]
    public async Task Upload_answer_has_the_documented_workout_keys_and_the_status_the_code_sends()
    {
        var emulator = Create(0);
        using var http = AuthorizedClient(emulator);

        using var response = await PostUploadAsync(http, Fixture("gpx_file.gpx"), "gpx_file.gpx", """{"sport_id": 4}""");

        var json = await JsonAsync(response);
        Assert.That(json["status"]!.GetValue<string>(), Is.EqualTo("created"), "the docstring says success; the code says created");
        Assert.That(json["data"]!.AsObject().ContainsKey("errored_workouts"), Is.False);
        var real = Example("post_workout_201_1.json")["data"]!["workouts"]![0]!.AsObject();
        var ours = json["data"]!["workouts"]![0]!.AsObject();
        AssertSameShape(real, ours, "uploaded workout", "records", "segments");
        Assert.That(ours["title"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(ours["bounds"]!.AsArray(), Has.Count.EqualTo(4));
    }

    [Test]
    public async Task Token_response_carries_a_space_separated_scope_and_no_expires_at()
    {
        var emulator = Create(0);
        using var http = emulator.CreateClient();
        var (verifier, challenge) = Pkce();
        using var authorize = await http.GetAsync(new Uri($"profile/apps/authorize?response_type=code&client_id={emulator.RegisteredClientId}&scope=profile%3Aread+workouts%3Awrite&code_challenge={challenge}&code_challenge_method=S256", UriKind.Relative));
        var code = authorize.Headers.Location!.Query.TrimStart('?').Split('&').First(p => p.StartsWith("code=", StringComparison.Ordinal))[5..];

        using var response = await http.SendAsync(TokenRequest(emulator, ("grant_type", "authorization_code"), ("code", Uri.UnescapeDataString(code)), ("code_verifier", verifier)));

        var token = (await JsonAsync(response)).AsObject();
        AssertSameShape(Example("issue_token_200_1.json"), token, "token", "scope", "expires_at");
        Assert.That(token["scope"]!.GetValue<string>(), Is.EqualTo("profile:read workouts:write"));
        Assert.That(token.ContainsKey("expires_at"), Is.False);
    }

    [Test]
    public async Task The_servers_fit_test_file_is_accepted()
    {
        var emulator = Create(0);
        using var http = AuthorizedClient(emulator);

        using var response = await PostUploadAsync(http, Fixture("example.fit"), "example.fit", """{"sport_id": 1}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var workout = emulator.Workouts.Single();
        Assert.That(workout.OriginalFileExtension, Is.EqualTo("fit"));
        using var original = await http.GetAsync(new Uri($"api/workouts/{workout.Id}/original/download", UriKind.Relative));
        Assert.That(original.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/vnd.ant.fit"));
        Assert.That(await original.Content.ReadAsByteArrayAsync(), Is.EqualTo(Fixture("example.fit")));
        using var notFit = await PostUploadAsync(http, Encoding.ASCII.GetBytes("definitely not a FIT file"), "fake.fit", """{"sport_id": 1}""");
        Assert.That(await notFit.Content.ReadAsStringAsync(), Is.EqualTo(Body("error", "invalid file")));
    }

    [Test]
    public async Task Manual_workout_answer_has_the_status_the_code_sends()
    {
        var emulator = Create(0);
        using var http = AuthorizedClient(emulator);

        using var response = await http.PostAsJsonAsync(new Uri("api/workouts/no_gpx", UriKind.Relative), new { sport_id = 1, workout_date = "2026-04-01 10:00", duration = 3600, distance = 18 });

        var json = await JsonAsync(response);
        Assert.That(json["status"]!.GetValue<string>(), Is.EqualTo("created"));
        AssertSameShape(Example("get_workout_200_1.json")["data"]!["workouts"]![0]!.AsObject(), json["data"]!["workouts"]![0]!.AsObject(), "manual", "next_workout", "previous_workout");
        Assert.That(json["data"]!["workouts"]![0]!["ave_speed"]!.GetValue<double>(), Is.EqualTo(18));
    }

    [Test]
    public async Task Non_ascii_text_is_escaped_as_python_writes_it()
    {
        var emulator = Create(0);
        emulator.AddWorkout(Now.AddDays(-1), title: "Rando 🥾 à Zoë", withFile: false);
        using var http = AuthorizedClient(emulator);

        using var response = await http.GetAsync(new Uri("api/workouts", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(text, Does.Contain("Rando \\ud83e\\udd7e \\u00e0 Zo\\u00eb"));
        Assert.That(text, Does.StartWith("{\"data\":{\"workouts\":[{\"analysis_visibility\":"), "Flask sorts keys and writes compactly");
        Assert.That((await JsonAsync(response))["data"]!["workouts"]![0]!["title"]!.GetValue<string>(), Is.EqualTo("Rando 🥾 à Zoë"));
    }
}

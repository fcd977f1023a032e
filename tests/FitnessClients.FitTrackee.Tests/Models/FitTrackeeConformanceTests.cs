using System.Text.Json;
using FitnessClients.FitTrackee.Clients;
using FitnessClients.FitTrackee.Models;
using RichardSzalay.MockHttp;

namespace FitnessClients.FitTrackee.Tests.Models;

/// <summary>The client's models read FitTrackee's own documented answers (fixtures kept outside the repository).</summary>
public class FitTrackeeConformanceTests
{
    private static string Example(string name) =>
        File.ReadAllText(FitTrackeeFixtures.Path_(Path.Combine("api_examples", name)));

    [Test]
    public void Every_valid_api_example_is_json_the_client_can_parse()
    {
        var folder = Path.Combine(FitTrackeeFixtures.RequireFolder(), "api_examples");
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "_index.json")));
        var checkedFiles = 0;
        foreach (var entry in index.RootElement.EnumerateArray())
        {
            if (entry.GetProperty("note").GetString() != "valid")
            {
                continue;
            }

            var file = entry.GetProperty("file").GetString()!;
            Assert.DoesNotThrow(() => JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(folder, file)), FitTrackeeJson.Info<JsonElement>()), file);
            checkedFiles++;
        }

        Assert.That(checkedFiles, Is.GreaterThanOrEqualTo(15));
    }

    [Test]
    public void The_config_example_gives_the_version_and_limits()
    {
        var config = JsonSerializer.Deserialize(Example("get_application_config_200_1.json"), FitTrackeeJson.Info<FitTrackeeResponse<FitTrackeeAppConfig>>())!.Data!;
        Assert.That(config.Version, Is.EqualTo("1.2.2"));
        Assert.That(config.ParsedVersion, Is.EqualTo(new Version(1, 2, 2)));
        Assert.That(config.MaxSingleFileSize, Is.EqualTo(1048576));
        Assert.That(config.MaxZipFileSize, Is.EqualTo(10485760));
        Assert.That(config.AcceptsExtension(".FIT"), Is.True);
        Assert.That(config.SupportsOriginalDownload, Is.True);
    }

    [Test]
    public void The_profile_example_gives_a_timezone_this_machine_knows()
    {
        var profile = JsonSerializer.Deserialize(Example("get_authenticated_user_profile_200_1.json"), FitTrackeeJson.Info<FitTrackeeResponse<FitTrackeeProfile>>())!.Data!;
        Assert.That(profile.Username, Is.Not.Empty);
        Assert.That(profile.CreatedAt, Is.EqualTo(new DateTimeOffset(2019, 7, 14, 14, 9, 58, TimeSpan.Zero)));
        Assert.That(() => profile.TimeZoneInfo, Throws.Nothing);
    }

    [Test]
    public void The_sports_examples_resolve_labels()
    {
        var sports = JsonSerializer.Deserialize(Example("get_sports_200_1.json"), FitTrackeeJson.Info<FitTrackeeResponse<FitTrackeeSportsData>>())!.Data!.Sports;
        Assert.That(sports.Single(s => s.Label == "Running").Id, Is.EqualTo(5));
        Assert.That(sports, Has.All.Matches<FitTrackeeSport>(s => s.IsActive == true));
    }

    [TestCase("get_workouts_200_1.json")]
    [TestCase("get_workout_200_1.json")]
    [TestCase("post_workout_201_1.json")]
    public void Workout_examples_read_into_workouts_with_rfc1123_dates_and_durations(string file)
    {
        var response = JsonSerializer.Deserialize(Example(file), FitTrackeeJson.Info<FitTrackeeResponse<FitTrackeeWorkoutsData>>())!;
        var workouts = FitTrackeeWorkoutsClient.ToWorkouts(response.Data);
        Assert.That(workouts, Is.Not.Empty);
        foreach (var workout in workouts)
        {
            Assert.That(workout.Id, Has.Length.EqualTo(22));
            Assert.That(workout.WorkoutDate!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(workout.DurationTime, Is.Not.Null.And.GreaterThan(TimeSpan.Zero));
            Assert.That(workout.Raw, Is.Not.Null);
        }
    }

    [TestCase("get_workouts_200_2.json")]
    [TestCase("get_workouts_200_3.json")]
    public void Empty_list_examples_read_with_their_pagination(string file)
    {
        var response = JsonSerializer.Deserialize(Example(file), FitTrackeeJson.Info<FitTrackeeResponse<FitTrackeeWorkoutsData>>())!;
        Assert.That(FitTrackeeWorkoutsClient.ToWorkouts(response.Data), Is.Empty);
        Assert.That(response.Pagination, Is.EqualTo(new FitTrackeePagination { HasNext = false, HasPrev = false, Page = 1, Pages = 0, Total = 0 }));
    }

    [Test]
    public async Task The_token_example_with_a_scope_array_and_expires_at_still_reads()
    {
        var body = Example("issue_token_200_1.json");
        using var mock = new RichardSzalay.MockHttp.MockHttpMessageHandler();
        mock.When(HttpMethod.Post, Clients.FitTrackeeTestClient.Root + "api/oauth/token").Respond("application/json", body);
        var clock = new FakeTimeProvider(Testing.FakeTimeDefaults.Start);
        var store = new Core.Tokens.InMemoryTokenStore();
        using var auth = new FitnessClients.FitTrackee.Auth.FitTrackeeAuthenticator(Clients.FitTrackeeTestClient.Options(mock, clock, store));
        var pending = auth.BeginLogin();

        var token = await auth.CompleteLoginAsync(pending, $"http://127.0.0.1:48123/callback?code=c&state={pending.State}");

        Assert.That(token.Scopes, Is.EquivalentTo(new[] { "profile:read", "workouts:write" }));
        Assert.That(token.RefreshToken, Is.Not.Empty);
        Assert.That(token.ExpiresAt, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1658660147067)).Within(TimeSpan.FromSeconds(1)));
    }
}

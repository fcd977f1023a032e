using System.Text.Json;
using System.Text.Json.Nodes;
using FitnessClients.Testing;
using static FitnessClients.Testing.Tests.Strava.StravaTestSupport;

namespace FitnessClients.Testing.Tests.Strava;

/// <summary>Compares the emulator's JSON with real Strava responses read in place from the reference fixtures (ignored when absent).</summary>
public class StravaFixtureShapeTests
{
    private static string FixturesOrIgnore()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference", "fixtures", "strava");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Ignore("The Strava reference fixtures are not on this machine.");
        return string.Empty;
    }

    private static JsonNode Fixture(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(FixturesOrIgnore(), name)))!;

    /// <summary>Every key of the real object is in ours, with the same JSON kind where both are non-null.</summary>
    private static void AssertSameShape(JsonObject real, JsonObject ours, string what)
    {
        foreach (var (key, value) in real)
        {
            Assert.That(ours.ContainsKey(key), Is.True, $"{what}: missing '{key}'");
            var mine = ours[key];
            if (value is not null && mine is not null)
            {
                var realKind = value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? JsonValueKind.True : value.GetValueKind();
                var ourKind = mine.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? JsonValueKind.True : mine.GetValueKind();
                Assert.That(ourKind, Is.EqualTo(realKind), $"{what}: kind of '{key}'");
            }
        }
    }

    private static StravaEmulatedActivity RichActivity(StravaEmulator strava) =>
        strava.Activities.First(a => !a.IsManual && !a.IsTrainer && a.HasHeartRate && a.Type == "Run" && a.PhotoCount > 0 && !a.IsPrivate && StravaTrack.For(a).HasTemperature);

    [Test]
    public async Task Summary_and_detailed_activities_have_every_field_of_the_real_ones()
    {
        var strava = Create(200, configure: o => o.PhotoShare = 0.5);
        using var http = AuthorizedClient(strava);
        var activity = RichActivity(strava);
        var list = (await GetJsonAsync(http, "api/v3/athlete/activities?per_page=200")).AsArray();
        var summary = list.First(i => i!["id"]!.GetValue<long>() == activity.Id)!.AsObject();
        var realSummary = Fixture("athlete_activities_summary_page.json").AsArray().First(a => a!["average_temp"] is not null)!.AsObject();
        AssertSameShape(realSummary, summary, "summary");

        var detail = (await GetJsonAsync(http, $"api/v3/activities/{activity.Id}")).AsObject();
        AssertSameShape(Fixture("detailed_activity_ride.json").AsObject(), detail, "detail");
    }

    [Test]
    public async Task Photos_and_streams_have_every_field_of_the_real_ones()
    {
        var strava = Create(200, configure: o => o.PhotoShare = 0.5);
        using var http = AuthorizedClient(strava);
        var activity = RichActivity(strava);
        var photos = (await GetJsonAsync(http, $"api/v3/activities/{activity.Id}/photos?size=5000")).AsArray();
        AssertSameShape(Fixture("activity_photos_size5000.json")[0]!.AsObject(), photos[0]!.AsObject(), "photo");

        var streams = (await GetJsonAsync(http, $"api/v3/activities/{activity.Id}/streams?keys=distance,altitude,latlng&key_by_type=true")).AsObject();
        var real = Fixture("streamset_key_by_type_segment.json").AsObject();
        Assert.That(streams.Select(p => p.Key), Is.EquivalentTo(real.Select(p => p.Key)));
        foreach (var (key, stream) in real)
        {
            AssertSameShape(stream!.AsObject(), streams[key]!.AsObject(), key);
        }
    }
}

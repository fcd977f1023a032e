using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests.Strava;

// The example of docs/testing.md ("Strava emulator"), compiled.
public class StravaDocExampleTests
{
    [Test]
    public async Task The_docs_example_runs()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 11, 3, 10, 0, 0, TimeSpan.Zero));
        var strava = new StravaEmulator(clock, new StravaEmulatorOptions { ActivityCount = 50, Seed = 7 });

        using var http = strava.CreateClient();                          // https://www.strava.com/
        http.DefaultRequestHeaders.Authorization = new("Bearer", strava.IssueTokens(["read", "activity:read_all"]).AccessToken);
        var page = await http.GetFromJsonAsync<JsonArray>("api/v3/athlete/activities?per_page=200&page=1");
        Assert.That(page![0]!["id"]!.GetValue<long>(), Is.EqualTo(strava.Activities[0].Id));  // newest first
        Assert.That(page, Has.Count.EqualTo(50));
    }

    [Test]
    public async Task An_activity_added_late_with_an_old_start_gets_the_highest_id_and_lists_by_its_start()
    {
        var strava = StravaTestSupport.Create(20, configure: o => o.PrivateShare = 0);
        var old = strava.Activities[^1].StartUtc.AddDays(-3);
        var added = strava.AddActivity(old, "Forgotten run");
        Assert.That(added.Id, Is.GreaterThan(strava.Activities.Max(a => a.Id == added.Id ? 0 : a.Id)));
        using var http = StravaTestSupport.AuthorizedClient(strava);
        var page = await StravaTestSupport.GetJsonAsync(http, "api/v3/athlete/activities?per_page=200");
        Assert.That(page.AsArray()[^1]!["name"]!.GetValue<string>(), Is.EqualTo("Forgotten run"));
    }
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests.Garmin;

// The example of docs/testing.md ("Garmin Connect emulator"), compiled.
public class GarminDocExampleTests
{
    [Test]
    public async Task The_docs_example_runs()
    {
        var clock = new FakeTimeProvider(FakeTimeDefaults.Start);
        var garmin = new GarminConnectEmulator(clock, new GarminConnectEmulatorOptions { ActivityCount = 100, Seed = 7 });

        using var http = garmin.CreateClient();                        // https://connectapi.garmin.com/
        http.DefaultRequestHeaders.Authorization = new("Bearer", garmin.IssueTokens().AccessToken);
        var page = await http.GetFromJsonAsync<JsonArray>("activitylist-service/activities/search/activities?start=0&limit=20");

        var newest = garmin.ListedActivities[0];                       // what the list returns, newest first
        Assert.That(page![0]!["activityId"]!.GetValue<long>(), Is.EqualTo(newest.Id));
        Assert.That(page, Has.Count.EqualTo(20));
    }

    [Test]
    public void Deleting_a_leg_removes_it_from_its_parent()
    {
        var garmin = GarminTestSupport.Create(40);
        var parent = garmin.ListedActivities.First(a => a.IsMultisportParent);

        Assert.That(garmin.DeleteActivity(parent.ChildIds[1]), Is.True);

        Assert.That(garmin.FindActivity(parent.Id)!.ChildIds, Is.EqualTo(parent.ChildIds.Where((_, i) => i != 1)));
        Assert.That(garmin.ListedActivities.Single(a => a.Id == parent.Id).ChildIds, Has.Count.EqualTo(parent.ChildIds.Count - 1));
    }
}

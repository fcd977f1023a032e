using FitnessClients.Core.Activities;
using FitnessClients.Testing;

namespace FitnessClients.FitTrackee.Tests.Behaviour;

/// <summary>The backup source's requests against the emulator, when the engine opens several activities at once.</summary>
public class FitTrackeeActivitySourceTests
{
    private static async Task<List<ActivitySummary>> ListAllAsync(IActivitySource source)
    {
        var list = new List<ActivitySummary>();
        await foreach (var activity in source.ListActivitiesAsync())
        {
            list.Add(activity);
        }

        return list;
    }

    // The engine downloads several activities at once, so the first originals of a backup all ask for the config before
    // any answer is cached; the 1,000-activity benchmark sent GET /api/config one to three times, varying by run.
    [Test]
    public async Task Originals_opened_while_the_config_is_being_read_wait_for_that_one_read()
    {
        using var h = new EmulatorHarness(workoutCount: 12);
        await h.SignInAsync();
        using var client = h.CreateClient();
        var source = new FitTrackeeActivitySource(client);
        var withFile = (await ListAllAsync(source)).Where(a => a.HasGpsTrack).Take(3).ToList();
        Assert.That(withFile, Has.Count.EqualTo(3), "the generated account has enough workouts with a file");

        // Holds the first config read on the emulator's clock, so the other opens start while it is under way.
        h.Emulator.Faults.Add(Fault.Delay(TimeSpan.FromSeconds(5)), method: HttpMethod.Get, pathTemplate: "/api/config", maxCount: 1);
        var first = source.OpenAsync(withFile[0], ActivityFormat.Original);
        await h.Clock.WaitForPendingTimersAsync();
        var others = withFile.Skip(1).Select(a => source.OpenAsync(a, ActivityFormat.Original)).ToList();
        h.Clock.Advance(TimeSpan.FromSeconds(5));

        foreach (var open in others.Prepend(first))
        {
            await using var content = await open;
            Assert.That(content.IsAvailable, Is.True, content.UnavailableReason);
        }

        Assert.That(h.Emulator.Requests.Count(HttpMethod.Get, "/api/config"), Is.EqualTo(1), "one config read for the whole client");
        Assert.That(h.Emulator.Requests.Count(HttpMethod.Get, "/api/workouts/"), Is.EqualTo(3), "one download per original");
    }
}

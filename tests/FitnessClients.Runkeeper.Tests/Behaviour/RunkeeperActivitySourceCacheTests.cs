using FitnessClients.Core.Activities;
using FitnessClients.Testing;

namespace FitnessClients.Runkeeper.Tests.Behaviour;

/// <summary>
/// The API source's cache of full activities: the details JSON and the GPX of one activity cost one request however the
/// reads of other activities fall between them, and a backup of only one of the two keeps a bounded number.
/// </summary>
public class RunkeeperActivitySourceCacheTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 8, 3, 0, TimeSpan.Zero);

    // Comfortably above the source's bound (eight): the other activities read in between must be able to push the
    // target out of a cache that evicts by count, as in a backup where one download waits while the others go on.
    private const int OthersInBetween = 16;

    private static async Task<List<ActivitySummary>> ListAllAsync(IActivitySource source)
    {
        var list = new List<ActivitySummary>();
        await foreach (var activity in source.ListActivitiesAsync())
        {
            list.Add(activity);
        }

        return list;
    }

    private static async Task ReadAsync(IActivitySource source, ActivitySummary activity, ActivityFormat format)
    {
        await using var content = await source.OpenAsync(activity, format);
        Assert.That(content.IsAvailable, Is.True, $"{activity.Id} {format.Name}: {content.UnavailableReason}");
    }

    private static string PathOf(ActivitySummary activity) => "/fitnessActivities/" + activity.Id;

    // The engine saves an activity's formats one after another; with several downloads at once, its own work between the
    // details and the GPX (the file, the manifest) let the other downloads fetch 8 to 155 activities in the 1,000-activity
    // benchmark, and a cache that dropped the oldest of its last eight fetched the full activity a second time.
    [TestCase(true, TestName = "Details_and_gpx_cost_one_request_with_other_gps_activities_read_in_between")]
    [TestCase(false, TestName = "Details_and_gpx_cost_one_request_with_manual_activities_read_in_between")]
    public async Task Details_and_gpx_of_one_activity_cost_one_request_however_many_activities_are_read_in_between(bool othersHavePath)
    {
        var clock = new TimerTrackingTimeProvider(Start);
        var emulator = new RunkeeperEmulator(clock, new RunkeeperEmulatorOptions { ActivityCount = 80, ManualShare = 0.4 });
        var (client, _) = await RunkeeperTestClient.ForEmulatorAsync(emulator, clock);
        using var _client = client;
        var source = new RunkeeperActivitySource(client);
        var listed = await ListAllAsync(source);
        var target = listed.First(a => a.HasGpsTrack);
        var others = listed.Where(a => a != target && a.HasGpsTrack == othersHavePath).Take(OthersInBetween).ToList();
        Assert.That(others, Has.Count.EqualTo(OthersInBetween), "the generated account has enough activities of the kind");
        var before = emulator.Requests.Count();

        await ReadAsync(source, target, RunkeeperActivityFormats.DetailsJson);
        foreach (var other in others)
        {
            await ReadAsync(source, other, RunkeeperActivityFormats.DetailsJson);
            if (othersHavePath)
            {
                await ReadAsync(source, other, RunkeeperActivityFormats.Gpx);
            }
            else
            {
                await using var none = await source.OpenAsync(other, RunkeeperActivityFormats.Gpx);
                Assert.That(none.IsAvailable, Is.False);
            }
        }

        await ReadAsync(source, target, RunkeeperActivityFormats.Gpx);

        Assert.That(emulator.Requests.Count(HttpMethod.Get, PathOf(target)), Is.EqualTo(1), "the target's full activity is fetched once");
        Assert.That(emulator.Requests.Count() - before, Is.EqualTo(1 + OthersInBetween), "one request per activity, nothing else");
    }

    [Test]
    public async Task A_backup_of_the_details_alone_keeps_only_the_last_few_full_activities()
    {
        var clock = new TimerTrackingTimeProvider(Start);
        var emulator = new RunkeeperEmulator(clock, new RunkeeperEmulatorOptions { ActivityCount = 40, ManualShare = 0 });
        var (client, _) = await RunkeeperTestClient.ForEmulatorAsync(emulator, clock);
        using var _client = client;
        var source = new RunkeeperActivitySource(client);
        var listed = await ListAllAsync(source);
        var read = listed.Take(OthersInBetween + 1).ToList();

        // Every entry here waits for a GPX read that never comes; without a bound they would all stay in memory.
        foreach (var activity in read)
        {
            await ReadAsync(source, activity, RunkeeperActivityFormats.DetailsJson);
        }

        await ReadAsync(source, read[0], RunkeeperActivityFormats.Gpx);
        await ReadAsync(source, read[^1], RunkeeperActivityFormats.Gpx);

        Assert.That(emulator.Requests.Count(HttpMethod.Get, PathOf(read[0])), Is.EqualTo(2), "the oldest was dropped and is fetched again");
        Assert.That(emulator.Requests.Count(HttpMethod.Get, PathOf(read[^1])), Is.EqualTo(1), "the newest is still kept");
    }
}

using System.Text.Json.Nodes;
using FitnessClients.GarminConnect.Tests.Support;

namespace FitnessClients.GarminConnect.Tests;

/// <summary>Paging, filters and multisport expansion of <c>Activities.ListAsync</c>.</summary>
public class ListingTests
{
    private const string Search = "activitylist-service/activities/search/activities";

    [Test]
    public async Task Pages_with_start_and_limit_until_an_empty_page()
    {
        using var h = await GarminHarness.CreateAsync(o => o.PageSize = 2);
        h.OnJson($"{Search}?start=0&limit=2", TestActivities.Page(TestActivities.ListItem(5), TestActivities.ListItem(4)));
        h.OnJson($"{Search}?start=2&limit=2", TestActivities.Page(TestActivities.ListItem(3), TestActivities.ListItem(2)));
        h.OnJson($"{Search}?start=4&limit=2", TestActivities.Page(TestActivities.ListItem(1)));
        h.OnJson($"{Search}?start=5&limit=2", "[]");

        var ids = new List<long?>();
        await foreach (var item in h.Client.Activities.ListAsync())
        {
            ids.Add(item.ActivityId);
        }

        Assert.That(ids, Is.EqualTo(new long?[] { 5, 4, 3, 2, 1 }));
        Assert.That(h.Requests.Select(r => r.Query), Is.EqualTo(new[] { "start=0&limit=2", "start=2&limit=2", "start=4&limit=2", "start=5&limit=2" }));
    }

    [Test]
    public async Task The_default_page_is_100_and_the_largest_1000()
    {
        using var h = await GarminHarness.CreateAsync();
        h.OnJson($"{Search}?start=0&limit=100", "[]");
        await foreach (var unused in h.Client.Activities.ListAsync())
        {
        }

        Assert.That(h.Requests.Single().Query, Is.EqualTo("start=0&limit=100"));
        Assert.Throws<ArgumentOutOfRangeException>(() => h.Client.Activities.ListAsync(new GarminActivityQuery { PageSize = 1001 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => GarminConnectClient.Create(new GarminConnectClientOptions { TokenStore = h.Store, PageSize = 0 }));
    }

    [Test]
    public async Task Filters_go_into_the_query_and_dates_are_checked_again_inclusively()
    {
        using var h = await GarminHarness.CreateAsync();
        var query = new GarminActivityQuery
        {
            StartDate = new DateOnly(2025, 1, 1),
            EndDate = new DateOnly(2025, 1, 31),
            ActivityType = "running",
            SortOrder = GarminSortOrder.OldestFirst,
            PageSize = 50,
        };
        h.OnJson(
            $"{Search}?start=0&limit=50&startDate=2025-01-01&endDate=2025-01-31&activityType=running&sortOrder=asc",
            TestActivities.Page(
                TestActivities.ListItem(1, local: "2024-12-31 23:30:00", gmt: "2025-01-01 05:30:00"),
                TestActivities.ListItem(2, local: "2025-01-01 00:00:00", gmt: "2025-01-01 06:00:00"),
                TestActivities.ListItem(3, local: "2025-01-31 23:59:59", gmt: "2025-02-01 05:59:59"),
                TestActivities.ListItem(4, local: "2025-02-01 00:00:00", gmt: "2025-02-01 06:00:00")));
        h.OnJson($"{Search}?start=4&limit=50&startDate=2025-01-01&endDate=2025-01-31&activityType=running&sortOrder=asc", "[]");

        var ids = new List<long?>();
        await foreach (var item in h.Client.Activities.ListAsync(query))
        {
            ids.Add(item.ActivityId);
        }

        Assert.That(ids, Is.EqualTo(new long?[] { 2, 3 }), "both ends of the range are in, by the local date");
    }

    [Test]
    public async Task MaxCount_stops_reading_and_shrinks_the_last_page()
    {
        using var h = await GarminHarness.CreateAsync(o => o.PageSize = 3);
        h.OnJson($"{Search}?start=0&limit=3", TestActivities.Page(TestActivities.ListItem(9), TestActivities.ListItem(8), TestActivities.ListItem(7)));
        h.OnJson($"{Search}?start=3&limit=1", TestActivities.Page(TestActivities.ListItem(6)));

        var ids = new List<long?>();
        await foreach (var item in h.Client.Activities.ListAsync(new GarminActivityQuery { MaxCount = 4 }))
        {
            ids.Add(item.ActivityId);
        }

        Assert.That(ids, Is.EqualTo(new long?[] { 9, 8, 7, 6 }));
        Assert.That(h.Requests, Has.Count.EqualTo(2), "no call after the count is reached");
    }

    [Test]
    public async Task Skip_starts_the_offset_and_an_activity_shifted_into_the_next_page_is_returned_once()
    {
        using var h = await GarminHarness.CreateAsync(o => o.PageSize = 2);
        h.OnJson($"{Search}?start=10&limit=2", TestActivities.Page(TestActivities.ListItem(5), TestActivities.ListItem(4)));
        // A new upload pushed activity 4 down to the next page.
        h.OnJson($"{Search}?start=12&limit=2", TestActivities.Page(TestActivities.ListItem(4), TestActivities.ListItem(3)));
        h.OnJson($"{Search}?start=14&limit=2", "[]");

        var ids = new List<long?>();
        await foreach (var item in h.Client.Activities.ListAsync(new GarminActivityQuery { Skip = 10 }))
        {
            ids.Add(item.ActivityId);
        }

        Assert.That(ids, Is.EqualTo(new long?[] { 5, 4, 3 }));
    }

    [Test]
    public async Task Multisport_expansion_yields_the_legs_right_after_their_parent()
    {
        using var h = await GarminHarness.CreateAsync();
        h.OnJson($"{Search}?start=0&limit=3", TestActivities.Page(
            TestActivities.ListItem(300),
            TestActivities.ListItem(200, typeKey: "multi_sport", parent: true),
            TestActivities.ListItem(100)));
        h.OnJson("activity-service/activity/200", TestActivities.Summary(200, "multi_sport", childIds: [201, 202, 203]));
        h.OnJson("activity-service/activity/201", TestActivities.Summary(201, "cycling", parentId: 200));
        h.OnJson("activity-service/activity/202", TestActivities.Summary(202, "transition", parentId: 200));
        h.OnJson("activity-service/activity/203", TestActivities.Summary(203, "running", parentId: 200, local: "2026-01-08T09:10:21.0", gmt: "2026-01-08T15:10:21.0"));

        var items = new List<Models.GarminActivityListItem>();
        await foreach (var item in h.Client.Activities.ListAsync(new GarminActivityQuery { ExpandMultisport = true, MaxCount = 3 }))
        {
            items.Add(item);
        }

        Assert.That(items.Select(i => i.ActivityId), Is.EqualTo(new long?[] { 300, 200, 201, 202, 203, 100 }), "legs do not count against MaxCount");
        Assert.That(h.Requests.Count(r => r.Path.EndsWith("/search/activities", StringComparison.Ordinal)), Is.EqualTo(1));
        var leg = items[4];
        Assert.Multiple(() =>
        {
            Assert.That(leg.ParentId, Is.EqualTo(200));
            Assert.That(leg.ActivityType?.TypeKey, Is.EqualTo("running"));
            Assert.That(leg.StartTime, Is.EqualTo(new DateTimeOffset(2026, 1, 8, 9, 10, 21, TimeSpan.FromHours(-6))));
            Assert.That(leg.DeviceId, Is.EqualTo(3946806421));
            Assert.That(leg.BeginTimestamp, Is.EqualTo(new DateTimeOffset(2026, 1, 8, 15, 10, 21, TimeSpan.Zero).ToUnixTimeMilliseconds()));
        });
    }

    [Test]
    public async Task Without_expansion_the_legs_are_not_fetched()
    {
        using var h = await GarminHarness.CreateAsync();
        h.OnJson($"{Search}?start=0&limit=100", TestActivities.Page(TestActivities.ListItem(200, typeKey: "multi_sport", parent: true)));
        h.OnJson($"{Search}?start=1&limit=100", "[]");

        var count = 0;
        await foreach (var unused in h.Client.Activities.ListAsync())
        {
            count++;
        }

        Assert.That(count, Is.EqualTo(1));
        Assert.That(h.Requests.Where(r => r.Path.StartsWith("/activity-service/", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task Unknown_fields_are_kept_and_survive_a_round_trip()
    {
        using var h = await GarminHarness.CreateAsync();
        var item = TestActivities.ListItem(1);
        item["hrTimeInZone_1"] = 376.545;
        h.OnJson($"{Search}?start=0&limit=100", new JsonArray(item).ToJsonString());
        h.OnJson($"{Search}?start=1&limit=100", "[]");

        Models.GarminActivityListItem? read = null;
        await foreach (var listed in h.Client.Activities.ListAsync())
        {
            read = listed;
        }

        Assert.That(read!.ExtensionData!["hrTimeInZone_1"].GetDouble(), Is.EqualTo(376.545));
        Assert.That(read.ExtensionData["someFutureField"].GetString(), Is.EqualTo("kept"));
        var json = System.Text.Json.JsonSerializer.Serialize(read, Models.GarminJson.Options);
        Assert.That(json, Does.Contain("\"startTimeLocal\":\"2026-01-08 08:10:21\"").And.Contain("\"hrTimeInZone_1\":376.545"));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests.Garmin;

public class GarminActivityListTests
{
    [Test]
    public async Task Pages_to_the_end_newest_first_and_answers_an_empty_array_past_it()
    {
        var emulator = GarminTestSupport.Create(130);
        using var http = GarminTestSupport.AuthorizedClient(emulator);
        var ids = new List<long>();
        for (var start = 0; ; start += 40)
        {
            var page = await http.GetFromJsonAsync<JsonArray>($"{GarminTestSupport.ListPath}?start={start}&limit=40");
            if (page!.Count == 0)
            {
                break;
            }

            ids.AddRange(page.Select(e => e!["activityId"]!.GetValue<long>()));
        }

        var expected = emulator.ListedActivities;
        Assert.That(ids, Is.EqualTo(expected.Select(a => a.Id)));
        Assert.That(expected.Select(a => a.StartUtc), Is.Ordered.Descending);
        Assert.That(ids, Has.Count.EqualTo(130));
        Assert.That(ids, Has.All.GreaterThan((long)int.MaxValue));
        Assert.That(emulator.Activities.Where(a => a.ParentId is not null).Select(a => a.Id), Is.Not.Empty.And.No.AnyOf(ids.Cast<object>().ToArray()));
        var count = await http.GetFromJsonAsync<JsonObject>("activitylist-service/activities/count");
        Assert.That(count!["totalCount"]!.GetValue<int>(), Is.EqualTo(130));
    }

    [Test]
    public async Task Defaults_to_20_and_refuses_more_than_1000()
    {
        var emulator = GarminTestSupport.Create(1100, configure: o => o.IncludeEdgeCases = false);
        using var http = GarminTestSupport.AuthorizedClient(emulator);

        Assert.That(await http.GetFromJsonAsync<JsonArray>(GarminTestSupport.ListPath), Has.Count.EqualTo(20));
        Assert.That(await http.GetFromJsonAsync<JsonArray>($"{GarminTestSupport.ListPath}?start=0&limit=1000"), Has.Count.EqualTo(1000));
        using var tooMany = await http.GetAsync($"{GarminTestSupport.ListPath}?start=0&limit=1001");
        Assert.That(tooMany.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var negative = await http.GetAsync($"{GarminTestSupport.ListPath}?start=-1");
        Assert.That(negative.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Sorts_ascending_on_request()
    {
        var emulator = GarminTestSupport.Create(30);
        using var http = GarminTestSupport.AuthorizedClient(emulator);

        var page = await http.GetFromJsonAsync<JsonArray>($"{GarminTestSupport.ListPath}?start=0&limit=100&sortOrder=asc");

        Assert.That(page!.Select(e => e!["activityId"]!.GetValue<long>()), Is.EqualTo(emulator.ListedActivities.Reverse().Select(a => a.Id)));
    }

    [Test]
    public async Task Date_filters_are_inclusive_and_compare_the_local_date()
    {
        var emulator = GarminTestSupport.Create(300);
        using var http = GarminTestSupport.AuthorizedClient(emulator);
        // The +13:00 activity starts at 00:20 local time: its UTC date is the day before.
        var tonga = emulator.ListedActivities.Single(a => a.TimeZone == "Pacific/Tongatapu" && a.Start.Hour == 0);
        var localDate = tonga.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(tonga.StartUtc.Date, Is.Not.EqualTo(tonga.Start.Date));

        var sameDay = await http.GetFromJsonAsync<JsonArray>($"{GarminTestSupport.ListPath}?start=0&limit=1000&startDate={localDate}&endDate={localDate}");
        var utcDay = tonga.StartUtc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var dayBefore = await http.GetFromJsonAsync<JsonArray>($"{GarminTestSupport.ListPath}?start=0&limit=1000&startDate={utcDay}&endDate={utcDay}");

        Assert.That(sameDay!.Select(e => e!["activityId"]!.GetValue<long>()), Does.Contain(tonga.Id));
        Assert.That(dayBefore!.Select(e => e!["activityId"]!.GetValue<long>()), Does.Not.Contain(tonga.Id));

        var from = new DateOnly(2021, 3, 1);
        var to = new DateOnly(2021, 5, 31);
        var range = await http.GetFromJsonAsync<JsonArray>($"{GarminTestSupport.ListPath}?start=0&limit=1000&startDate=2021-03-01&endDate=2021-05-31");
        var expected = emulator.ListedActivities.Where(a => DateOnly.FromDateTime(a.Start.DateTime) >= from && DateOnly.FromDateTime(a.Start.DateTime) <= to).Select(a => a.Id);
        Assert.That(range!.Select(e => e!["activityId"]!.GetValue<long>()), Is.EqualTo(expected).And.Not.Empty);
        using var bad = await http.GetAsync($"{GarminTestSupport.ListPath}?startDate=01/03/2021");
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Type_filter_matches_the_key_or_a_parent_type()
    {
        var emulator = GarminTestSupport.Create(200);
        using var http = GarminTestSupport.AuthorizedClient(emulator);

        var running = await http.GetFromJsonAsync<JsonArray>($"{GarminTestSupport.ListPath}?start=0&limit=1000&activityType=running");
        var trail = await http.GetFromJsonAsync<JsonArray>($"{GarminTestSupport.ListPath}?start=0&limit=1000&activityType=trail_running");
        var multi = await http.GetFromJsonAsync<JsonArray>($"{GarminTestSupport.ListPath}?start=0&limit=1000&activityType=multi_sport");

        var runningKeys = running!.Select(e => e!["activityType"]!["typeKey"]!.GetValue<string>()).ToHashSet();
        Assert.That(runningKeys, Is.SupersetOf(new[] { "running", "trail_running", "treadmill_running" }));
        Assert.That(runningKeys, Is.SubsetOf(new[] { "running", "trail_running", "treadmill_running", "track_running" }));
        Assert.That(trail!.Select(e => e!["activityType"]!["typeKey"]!.GetValue<string>()), Is.Not.Empty.And.All.EqualTo("trail_running"));
        Assert.That(multi!.Select(e => e!["parent"]!.GetValue<bool>()), Is.Not.Empty.And.All.True);
    }

    [Test]
    public async Task Entries_have_todays_shape_and_some_the_old_one()
    {
        var emulator = GarminTestSupport.Create(300);
        using var http = GarminTestSupport.AuthorizedClient(emulator);
        var page = await http.GetFromJsonAsync<JsonArray>($"{GarminTestSupport.ListPath}?start=0&limit=1000");
        var byId = page!.ToDictionary(e => e!["activityId"]!.GetValue<long>(), e => e!.AsObject());

        var modern = emulator.ListedActivities.First(a => !a.UsesLegacyJson && a.HasGps && a.MinElevation is not null);
        var entry = byId[modern.Id];
        Assert.That(entry.Select(p => p.Value), Has.None.Null, "2026 entries leave nulls out");
        Assert.That(entry["elapsedDuration"]!.GetValue<double>(), Is.EqualTo(modern.ElapsedDuration.TotalSeconds).Within(0.001));
        Assert.That(entry["minElevation"]!.GetValue<double>(), Is.EqualTo(modern.MinElevation!.Value).Within(0.001));
        Assert.That(entry["startTimeLocal"]!.GetValue<string>(), Is.EqualTo(modern.Start.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(entry["startTimeGMT"]!.GetValue<string>(), Is.EqualTo(modern.StartUtc.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(entry["beginTimestamp"]!.GetValue<long>(), Is.EqualTo(modern.StartUtc.ToUnixTimeMilliseconds()));
        Assert.That(entry["deviceId"]!.GetValueKind(), Is.EqualTo(JsonValueKind.Number));
        Assert.That(entry.ContainsKey("endTimeGMT"), Is.True);

        var legacy = emulator.ListedActivities.First(a => a.UsesLegacyJson && a.HasGps && a.MinElevation is not null && !a.IsMultisportParent);
        var old = byId[legacy.Id];
        Assert.That(old.Where(p => p.Value is null).Select(p => p.Key), Does.Contain("parentId").And.Contain("comments"));
        Assert.That(old["elapsedDuration"]!.GetValue<double>(), Is.EqualTo(legacy.ElapsedDuration.TotalMilliseconds).Within(0.01), "milliseconds in the old shape");
        Assert.That(old["minElevation"]!.GetValue<double>(), Is.EqualTo(legacy.MinElevation!.Value * 100).Within(0.01), "centimetres in the old shape");
        Assert.That(old.ContainsKey("endTimeGMT"), Is.False);
    }

    [Test]
    public void The_seeded_account_holds_the_edge_cases()
    {
        var emulator = GarminTestSupport.Create(300);
        var all = emulator.Activities;
        var offsets = all.Select(a => a.UtcOffset).ToHashSet();

        Assert.That(offsets, Is.SupersetOf(new[]
        {
            TimeSpan.FromHours(-10), TimeSpan.FromHours(-7), TimeSpan.FromHours(-6), new TimeSpan(-3, -30, 0),
            TimeSpan.Zero, new TimeSpan(5, 45, 0), new TimeSpan(9, 30, 0), TimeSpan.FromHours(13),
        }));
        var denver = all.Where(a => a.TimeZone == "America/Denver").ToList();
        Assert.That(denver.Where(a => a.Start.Month == 7).Select(a => a.UtcOffset), Has.Some.EqualTo(TimeSpan.FromHours(-6)), "daylight time");
        Assert.That(denver.Where(a => a.Start.Month == 1).Select(a => a.UtcOffset), Has.Some.EqualTo(TimeSpan.FromHours(-7)), "standard time");
        Assert.That(all.Select(a => a.Name), Does.Contain("Run / Walk: \"Test\" <1>\\\\?*").And.Contain("CON").And.Contain(null));
        Assert.That(all.Select(a => a.Name ?? string.Empty), Has.Some.Contains("🏃‍♀️").And.Some.Matches<string>(n => n.Length > 255));
        Assert.That(all, Has.Some.Matches<GarminEmulatedActivity>(a => a.IsMultisportParent));
        Assert.That(all, Has.Some.Matches<GarminEmulatedActivity>(a => a.IsManual && !a.HasGps && a.OriginalFormat == GarminOriginalFormat.None));
        Assert.That(all, Has.Some.Matches<GarminEmulatedActivity>(a => a.OriginalFormat == GarminOriginalFormat.Gpx && a.IsUploaded));
        Assert.That(all, Has.Some.Matches<GarminEmulatedActivity>(a => a.OriginalFormat == GarminOriginalFormat.Tcx));
        Assert.That(all, Has.Some.Matches<GarminEmulatedActivity>(a => !a.HasGps && a.OriginalFormat == GarminOriginalFormat.Fit));
        Assert.That(all.GroupBy(a => a.StartUtc).Where(g => g.Count(a => a.ParentId is null) > 1), Is.Not.Empty, "two activities start at the same second");
        Assert.That(all.Select(a => a.Id).Distinct().Count(), Is.EqualTo(all.Count));
    }
}

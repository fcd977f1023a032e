using System.Net;
using System.Text.Json.Nodes;
using FitnessClients.Core.Activities;
using FitnessClients.GarminConnect.Tests.Support;

namespace FitnessClients.GarminConnect.Tests;

/// <summary>Garmin as an <see cref="IActivitySource"/>: listing with a cursor, summary mapping, formats.</summary>
public class ActivitySourceTests
{
    private const string Search = "activitylist-service/activities/search/activities";

    [Test]
    public async Task Lists_newest_first_mapped_into_the_neutral_summary()
    {
        using var h = await GarminHarness.CreateAsync();
        var old = TestActivities.ListItem(6609987243, local: "2021-04-15 11:44:05", gmt: "2021-04-15 09:44:05");
        old["elapsedDuration"] = 2702589.111328125;
        old["duration"] = 2702.589111328125;
        h.OnJson($"{Search}?start=0&limit=100", TestActivities.Page(TestActivities.ListItem(21482825013), old));
        h.OnJson($"{Search}?start=2&limit=100", "[]");
        var source = new GarminActivitySource(h.Client);

        var listed = new List<ActivitySummary>();
        await foreach (var activity in source.ListActivitiesAsync())
        {
            listed.Add(activity);
        }

        Assert.That(source.Service, Is.EqualTo("garmin"));
        Assert.That(listed.Select(a => a.Id), Is.EqualTo(new[] { "21482825013", "6609987243" }));
        var first = listed[0];
        Assert.Multiple(() =>
        {
            Assert.That(first.Service, Is.EqualTo("garmin"));
            Assert.That(first.StartTime, Is.EqualTo(new DateTimeOffset(2026, 1, 8, 8, 10, 21, TimeSpan.FromHours(-6))));
            Assert.That(first.StartTime.Offset, Is.EqualTo(TimeSpan.FromHours(-6)));
            Assert.That(first.Sport, Is.EqualTo("running"));
            Assert.That(first.Name, Is.EqualTo("Activity 21482825013"));
            Assert.That(first.DistanceMeters, Is.EqualTo(5000.5));
            Assert.That(first.MovingTime, Is.EqualTo(TimeSpan.FromSeconds(1790)));
            Assert.That(first.ElapsedTime, Is.EqualTo(TimeSpan.FromSeconds(1850)));
            Assert.That(first.HasGpsTrack, Is.True);
            Assert.That(first.Raw!.Value.GetProperty("activityId").GetInt64(), Is.EqualTo(21482825013));
            Assert.That(first.Raw.Value.GetProperty("someFutureField").GetString(), Is.EqualTo("kept"));
            Assert.That(listed[1].ElapsedTime!.Value.TotalSeconds, Is.EqualTo(2702.589).Within(0.001), "milliseconds corrected");
            Assert.That(listed[1].StartTime.Offset, Is.EqualTo(TimeSpan.FromHours(2)));
        });
    }

    [Test]
    public async Task Before_and_After_widen_the_days_by_one_and_filter_exactly()
    {
        using var h = await GarminHarness.CreateAsync();
        h.OnJson(
            $"{Search}?start=0&limit=100&startDate=2026-01-04&endDate=2026-01-09",
            TestActivities.Page(
                TestActivities.ListItem(4, local: "2026-01-09 01:00:00", gmt: "2026-01-09 07:00:00"),
                TestActivities.ListItem(3, local: "2026-01-08 08:10:21", gmt: "2026-01-08 14:10:21"),
                TestActivities.ListItem(2, local: "2026-01-05 06:00:00", gmt: "2026-01-05 12:00:00"),
                TestActivities.ListItem(1, local: "2026-01-04 23:00:00", gmt: "2026-01-05 05:00:00")));
        h.OnJson($"{Search}?start=4&limit=100&startDate=2026-01-04&endDate=2026-01-09", "[]");
        var source = new GarminActivitySource(h.Client);
        var options = new ActivityListOptions
        {
            After = new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero),
            Before = new DateTimeOffset(2026, 1, 8, 14, 10, 21, TimeSpan.Zero),
        };

        var ids = new List<string>();
        await foreach (var activity in source.ListActivitiesAsync(options))
        {
            ids.Add(activity.Id);
        }

        Assert.That(ids, Is.EqualTo(new[] { "2" }), "Before is exclusive (3 starts exactly then), After inclusive (2 starts exactly then)");
    }

    [Test]
    public async Task Formats_open_through_the_downloads()
    {
        using var h = await GarminHarness.CreateAsync();
        var fit = TestStreams.Bytes(100);
        h.On("download-service/files/activity/42", _ => GarminHarness.Bytes(TestStreams.Zip(("42_ACTIVITY.fit", fit))));
        h.On("download-service/export/gpx/activity/42", _ => GarminHarness.Bytes("<gpx/>"u8.ToArray(), "application/gpx+xml"));
        h.On("download-service/export/tcx/activity/42", _ => new HttpResponseMessage(HttpStatusCode.NotFound));
        h.On("download-service/export/kml/activity/42", _ => new HttpResponseMessage(HttpStatusCode.NoContent));
        h.On("download-service/export/csv/activity/42", _ => GarminHarness.Bytes("a,b"u8.ToArray(), "text/csv"));
        h.OnJson("activity-service/activity/42", TestActivities.Summary(42));
        h.OnJson("activity-service/activity/42/details?maxChartSize=2000&maxPolylineSize=4000", """{"metricsCount":1}""");
        var source = new GarminActivitySource(h.Client);
        var activity = GarminActivitySource.ToSummary(System.Text.Json.JsonSerializer.Deserialize<Models.GarminActivityListItem>(TestActivities.ListItem(42).ToJsonString(), Models.GarminJson.Options)!)!;

        var opened = new Dictionary<string, (bool Available, string? Extension)>();
        foreach (var format in source.SupportedFormats)
        {
            await using var content = await source.OpenAsync(activity, format);
            opened[format.Name] = (content.IsAvailable, content.FileExtension);
        }

        Assert.That(opened, Is.EqualTo(new Dictionary<string, (bool, string?)>
        {
            ["original"] = (true, "zip"),
            ["fit"] = (true, "fit"),
            ["gpx"] = (true, "gpx"),
            ["tcx"] = (false, null),
            ["kml"] = (false, null),
            ["csv"] = (true, "csv"),
            ["summary.json"] = (true, "summary.json"),
            ["details.json"] = (true, "details.json"),
        }));
    }

    [Test]
    public async Task A_manual_activity_has_no_files_and_Garmin_is_not_asked()
    {
        using var h = await GarminHarness.CreateAsync();
        var source = new GarminActivitySource(h.Client);
        var item = System.Text.Json.JsonSerializer.Deserialize<Models.GarminActivityListItem>(TestActivities.ListItem(7, manual: true).ToJsonString(), Models.GarminJson.Options)!;
        var activity = GarminActivitySource.ToSummary(item)!;

        await using var gpx = await source.OpenAsync(activity, ActivityFormat.Gpx);
        await using var original = await source.OpenAsync(activity, ActivityFormat.Original);

        Assert.That(activity.HasGpsTrack, Is.False);
        Assert.That(gpx.IsAvailable, Is.False);
        Assert.That(original.UnavailableReason, Does.Contain("by hand"));
        Assert.That(h.Requests, Is.Empty);
    }

    [Test]
    public async Task Unknown_formats_and_foreign_ids_are_refused()
    {
        using var h = await GarminHarness.CreateAsync();
        var source = new GarminActivitySource(h.Client);
        var activity = new ActivitySummary { Service = "garmin", Id = "42", StartTime = DateTimeOffset.UnixEpoch };

        Assert.ThrowsAsync<ArgumentException>(() => source.OpenAsync(activity, new ActivityFormat("pwx", "pwx")));
        Assert.ThrowsAsync<ArgumentException>(() => source.OpenAsync(activity with { Id = "i123" }, ActivityFormat.Gpx));
    }

    [Test]
    public void An_entry_without_start_time_or_id_is_left_out()
    {
        Assert.That(GarminActivitySource.ToSummary(new Models.GarminActivityListItem { ActivityId = 1 }), Is.Null);
        Assert.That(GarminActivitySource.ToSummary(new Models.GarminActivityListItem { BeginTimestamp = 1 }), Is.Null);
    }

    [Test]
    public async Task Legs_are_listed_when_the_client_expands_multisport()
    {
        using var h = await GarminHarness.CreateAsync(o => o.ExpandMultisport = true);
        h.OnJson($"{Search}?start=0&limit=100", TestActivities.Page(TestActivities.ListItem(200, typeKey: "multi_sport", parent: true)));
        h.OnJson($"{Search}?start=1&limit=100", "[]");
        h.OnJson("activity-service/activity/200", TestActivities.Summary(200, "multi_sport", childIds: [201]));
        h.OnJson("activity-service/activity/201", TestActivities.Summary(201, "cycling", parentId: 200));

        var ids = new List<string>();
        await foreach (var activity in new GarminActivitySource(h.Client).ListActivitiesAsync())
        {
            ids.Add(activity.Id);
        }

        Assert.That(ids, Is.EqualTo(new[] { "200", "201" }));
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests.Garmin;

public class GarminActivityDataTests
{
    [Test]
    public async Task Summary_has_the_summary_shape_and_the_signed_offset()
    {
        var emulator = GarminTestSupport.Create(300);
        using var http = GarminTestSupport.AuthorizedClient(emulator);
        var honolulu = emulator.ListedActivities.Single(a => a.TimeZone == "Pacific/Honolulu" && a.Start.Hour == 21);

        var summary = await http.GetFromJsonAsync<JsonObject>($"activity-service/activity/{honolulu.Id}");

        var dto = summary!["summaryDTO"]!;
        var local = DateTime.ParseExact(dto["startTimeLocal"]!.GetValue<string>(), "yyyy-MM-dd'T'HH:mm:ss.f", CultureInfo.InvariantCulture);
        var gmt = DateTime.ParseExact(dto["startTimeGMT"]!.GetValue<string>(), "yyyy-MM-dd'T'HH:mm:ss.f", CultureInfo.InvariantCulture);
        Assert.That(local - gmt, Is.EqualTo(TimeSpan.FromHours(-10)));
        Assert.That(gmt.Date, Is.EqualTo(local.Date.AddDays(1)), "the UTC date is the next day");
        Assert.That(summary["activityTypeDTO"]!["typeKey"]!.GetValue<string>(), Is.EqualTo("running"));
        Assert.That(summary["timeZoneUnitDTO"]!["timeZone"]!.GetValue<string>(), Is.EqualTo("Pacific/Honolulu"));
        Assert.That(summary["metadataDTO"]!["deviceMetaDataDTO"]!["deviceId"]!.GetValueKind(), Is.EqualTo(JsonValueKind.String));
        Assert.That(summary["metadataDTO"]!["deviceMetaDataDTO"]!["deviceId"]!.GetValue<string>(), Is.EqualTo(honolulu.DeviceId!.Value.ToString(CultureInfo.InvariantCulture)));
        Assert.That(dto["elapsedDuration"]!.GetValue<double>(), Is.EqualTo(honolulu.ElapsedDuration.TotalSeconds).Within(0.001));
        Assert.That(dto.AsObject().ContainsKey("beginTimestamp"), Is.False);
        Assert.That(summary["activityName"]!.GetValue<string>(), Is.EqualTo(honolulu.Name));
    }

    [Test]
    public async Task Unknown_activity_is_404_in_the_service_shape()
    {
        var emulator = GarminTestSupport.Create(5);
        using var http = GarminTestSupport.AuthorizedClient(emulator);

        foreach (var path in new[] { "activity-service/activity/1", "activity-service/activity/1/details", "activity-service/activity/abc", "no-such-service/x" })
        {
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
            Assert.That(body!["error"]!.GetValue<string>(), Is.EqualTo("NotFoundException"), path);
            Assert.That(body["message"]!.GetValue<string>(), Is.EqualTo("HTTP 404 Not Found"), path);
        }
    }

    [Test]
    public async Task Multisport_parent_lists_its_children_which_are_fetchable_by_id()
    {
        var emulator = GarminTestSupport.Create(300);
        using var http = GarminTestSupport.AuthorizedClient(emulator);
        var parent = emulator.ListedActivities.First(a => a.IsMultisportParent && a.ChildIds.Count == 5);

        var summary = await http.GetFromJsonAsync<JsonObject>($"activity-service/activity/{parent.Id}");
        var entry = (await http.GetFromJsonAsync<JsonArray>($"{GarminTestSupport.ListPath}?start=0&limit=1000"))!
            .Single(e => e!["activityId"]!.GetValue<long>() == parent.Id)!;

        Assert.That(entry["parent"]!.GetValue<bool>(), Is.True);
        Assert.That(entry["activityType"]!["typeKey"]!.GetValue<string>(), Is.EqualTo("multi_sport"));
        Assert.That(summary!["isMultiSportParent"]!.GetValue<bool>(), Is.True);
        var childIds = summary["metadataDTO"]!["childIds"]!.AsArray().Select(n => n!.GetValue<long>()).ToList();
        Assert.That(childIds, Is.EqualTo(parent.ChildIds));
        var childTypes = summary["metadataDTO"]!["childActivityTypes"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.That(childTypes, Has.Count.EqualTo(5).And.Contains("transition_v2"));
        foreach (var (childId, type) in childIds.Zip(childTypes))
        {
            var child = await http.GetFromJsonAsync<JsonObject>($"activity-service/activity/{childId}");
            Assert.That(child!["parentId"]!.GetValue<long>(), Is.EqualTo(parent.Id));
            Assert.That(child["isMultiSportParent"]!.GetValue<bool>(), Is.False);
            Assert.That(child["activityTypeDTO"]!["typeKey"]!.GetValue<string>(), Is.EqualTo(type));
        }

        var children = childIds.Select(id => emulator.FindActivity(id)!).ToList();
        Assert.That(children.Select(c => c.StartUtc), Is.Ordered.Ascending);
        Assert.That(children[0].StartUtc, Is.EqualTo(parent.StartUtc));
        Assert.That(parent.Distance, Is.EqualTo(children.Sum(c => c.Distance)).Within(0.01));
    }

    [Test]
    public async Task User_statistics_count_legs_not_multisport_parents()
    {
        var emulator = GarminTestSupport.Create(120);
        using var http = GarminTestSupport.AuthorizedClient(emulator);

        var stats = await http.GetFromJsonAsync<JsonObject>($"userstats-service/statistics/{emulator.DisplayName}");
        using var other = await http.GetAsync("userstats-service/statistics/someone-else");

        Assert.That(stats!["userMetrics"]![0]!["totalActivities"]!.GetValue<int>(), Is.EqualTo(emulator.Activities.Count(a => !a.IsMultisportParent)));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Details_are_positional_under_descriptors_and_bounded_by_maxChartSize()
    {
        var emulator = GarminTestSupport.Create(60);
        using var http = GarminTestSupport.AuthorizedClient(emulator);
        var run = emulator.ListedActivities.First(a => a.HasGps && a.AverageHeartRate is not null);

        var details = await http.GetFromJsonAsync<JsonObject>($"activity-service/activity/{run.Id}/details?maxChartSize=50&maxPolylineSize=20");

        var descriptors = details!["metricDescriptors"]!.AsArray().ToDictionary(d => d!["key"]!.GetValue<string>(), d => d!["metricsIndex"]!.GetValue<int>());
        var rows = details["activityDetailMetrics"]!.AsArray();
        Assert.That(descriptors.Keys, Is.SupersetOf(new[] { "directTimestamp", "sumDistance", "directHeartRate", "directLatitude", "directLongitude" }));
        Assert.That(rows, Has.Count.EqualTo(50));
        Assert.That(details["metricsCount"]!.GetValue<int>(), Is.EqualTo(50));
        Assert.That(details["geoPolylineDTO"]!["polyline"]!.AsArray(), Has.Count.EqualTo(20));
        var first = rows[0]!["metrics"]!.AsArray();
        var last = rows[^1]!["metrics"]!.AsArray();
        Assert.That(first[descriptors["directTimestamp"]]!.GetValue<double>(), Is.EqualTo(run.StartUtc.ToUnixTimeMilliseconds()));
        Assert.That(last[descriptors["sumDistance"]]!.GetValue<double>(), Is.EqualTo(run.Distance).Within(0.01));
        Assert.That(first[descriptors["directLatitude"]]!.GetValue<double>(), Is.EqualTo(run.StartLatitude!.Value).Within(1e-6));
    }

    [Test]
    public async Task Splits_zones_gear_device_and_types()
    {
        var emulator = GarminTestSupport.Create(300);
        using var http = GarminTestSupport.AuthorizedClient(emulator);
        var run = emulator.ListedActivities.First(a => a.TypeKey == "running" && a.HasGps && a.Distance > 3000 && a.DeviceId is not null);
        var manual = emulator.ListedActivities.First(a => a.IsManual);

        var splits = await http.GetFromJsonAsync<JsonObject>($"activity-service/activity/{run.Id}/splits");
        var laps = splits!["lapDTOs"]!.AsArray();
        Assert.That(laps, Has.Count.EqualTo((int)Math.Ceiling(run.Distance / 1000)).Or.Count.EqualTo((int)Math.Floor(run.Distance / 1000)));
        Assert.That(laps.Sum(l => l!["distance"]!.GetValue<double>()), Is.EqualTo(run.Distance).Within(1));

        var zones = (await http.GetFromJsonAsync<JsonArray>($"activity-service/activity/{run.Id}/hrTimeInZones"))!;
        Assert.That(zones.Select(z => z!["zoneNumber"]!.GetValue<int>()).Order(), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
        Assert.That(zones.Sum(z => z!["secsInZone"]!.GetValue<double>()), Is.GreaterThan(0).And.LessThanOrEqualTo(run.ElapsedDuration.TotalSeconds + 1));
        Assert.That(await http.GetFromJsonAsync<JsonArray>($"activity-service/activity/{manual.Id}/hrTimeInZones"), Is.Empty);

        var gear = (await http.GetFromJsonAsync<JsonArray>($"gear-service/gear/filterGear?activityId={run.Id}"))!;
        Assert.That(gear.Single()!["gearTypeName"]!.GetValue<string>(), Is.EqualTo("Shoes"));
        Assert.That(gear[0]!["displayName"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(await http.GetFromJsonAsync<JsonArray>($"gear-service/gear/filterGear?userProfilePk={emulator.UserProfileId}"), Has.Count.EqualTo(3));

        var summary = await http.GetFromJsonAsync<JsonObject>($"activity-service/activity/{run.Id}");
        var installation = summary!["metadataDTO"]!["deviceApplicationInstallationId"]!.GetValue<long>();
        var device = await http.GetFromJsonAsync<JsonObject>($"device-service/deviceservice/app-info/{installation}");
        Assert.That(device!["productDisplayName"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(device["versionString"]!.GetValue<string>(), Does.Contain("."));
        using var unknownDevice = await http.GetAsync("device-service/deviceservice/app-info/1");
        Assert.That(unknownDevice.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var types = await http.GetFromJsonAsync<JsonArray>("activity-service/activity/activityTypes");
        var trail = types!.Single(t => t!["typeKey"]!.GetValue<string>() == "trail_running")!;
        Assert.That(trail["typeId"]!.GetValue<int>(), Is.EqualTo(6));
        Assert.That(trail["parentTypeId"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Profile_and_settings()
    {
        var emulator = GarminTestSupport.Create(5, configure: o => o.DisplayName = "runner-42");
        using var http = GarminTestSupport.AuthorizedClient(emulator);

        var profile = await http.GetFromJsonAsync<JsonObject>("userprofile-service/socialProfile");
        var settings = await http.GetFromJsonAsync<JsonObject>("userprofile-service/userprofile/user-settings");

        Assert.That(profile!["displayName"]!.GetValue<string>(), Is.EqualTo("runner-42"));
        Assert.That(profile["profileId"]!.GetValue<long>(), Is.EqualTo(emulator.UserProfileId));
        Assert.That(settings!["userData"]!["measurementSystem"]!.GetValue<string>(), Is.EqualTo("metric"));
    }

    [Test]
    public async Task Added_activities_get_new_ids_and_their_place_in_the_list_and_deleted_ones_vanish()
    {
        var emulator = GarminTestSupport.Create(40);
        using var http = GarminTestSupport.AuthorizedClient(emulator);
        var before = emulator.ListedActivities;

        var late = emulator.AddActivity(new DateTimeOffset(2020, 5, 1, 7, 30, 0, TimeSpan.FromHours(-6)), "trail_running", "Uploaded late");

        Assert.That(late.Id, Is.GreaterThan(emulator.Activities.Where(a => a.Id != late.Id).Max(a => a.Id)));
        Assert.That(late.TimeZone, Is.EqualTo("America/Denver"));
        var page = (await http.GetFromJsonAsync<JsonArray>($"{GarminTestSupport.ListPath}?start=0&limit=1000"))!;
        var ids = page.Select(e => e!["activityId"]!.GetValue<long>()).ToList();
        Assert.That(ids, Has.Count.EqualTo(before.Count + 1));
        Assert.That(ids.IndexOf(late.Id), Is.EqualTo(before.Count(a => a.StartUtc > late.StartUtc)));
        var entry = page.Single(e => e!["activityId"]!.GetValue<long>() == late.Id)!;
        Assert.That(entry["startTimeLocal"]!.GetValue<string>(), Is.EqualTo("2020-05-01 07:30:00"));
        Assert.That(entry["startTimeGMT"]!.GetValue<string>(), Is.EqualTo("2020-05-01 13:30:00"));

        using var deleted = await http.DeleteAsync($"activity-service/activity/{late.Id}");
        using var gone = await http.GetAsync($"activity-service/activity/{late.Id}");
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(emulator.DeleteActivity(late.Id), Is.False);
        var parent = emulator.ListedActivities.First(a => a.IsMultisportParent);
        Assert.That(emulator.DeleteActivity(parent.Id), Is.True);
        Assert.That(parent.ChildIds.Select(emulator.FindActivity), Has.All.Null);
    }

    [Test]
    public async Task List_entries_agree_with_splits_zones_and_the_track()
    {
        var emulator = GarminTestSupport.Create(150);
        using var http = GarminTestSupport.AuthorizedClient(emulator);
        var page = (await http.GetFromJsonAsync<JsonArray>($"{GarminTestSupport.ListPath}?start=0&limit=1000"))!;

        foreach (var entry in page.Select(e => e!.AsObject()))
        {
            var id = entry["activityId"]!.GetValue<long>();
            var activity = emulator.FindActivity(id)!;
            var splits = await http.GetFromJsonAsync<JsonObject>($"activity-service/activity/{id}/splits");
            var zones = (await http.GetFromJsonAsync<JsonArray>($"activity-service/activity/{id}/hrTimeInZones"))!;
            var lapCount = entry["lapCount"]!.GetValue<int>();
            Assert.That(lapCount, Is.EqualTo(splits!["lapDTOs"]!.AsArray().Count), $"{id} lapCount");
            foreach (var zone in zones)
            {
                Assert.That(entry[$"hrTimeInZone_{zone!["zoneNumber"]}"]!.GetValue<double>(), Is.EqualTo(zone["secsInZone"]!.GetValue<double>()), $"{id} zones");
            }

            if (activity.HasGps)
            {
                var details = await http.GetFromJsonAsync<JsonObject>($"activity-service/activity/{id}/details?maxChartSize=2&maxPolylineSize=2");
                var end = details!["geoPolylineDTO"]!["endPoint"]!;
                Assert.That(entry["endLatitude"]!.GetValue<double>(), Is.EqualTo(end["lat"]!.GetValue<double>()), $"{id} end");
                Assert.That(entry["endLongitude"]!.GetValue<double>(), Is.EqualTo(end["lon"]!.GetValue<double>()), $"{id} end");
            }
        }
    }
}

using System.Net;
using RichardSzalay.MockHttp;
using FitnessClients.GarminConnect.Tests.Support;

namespace FitnessClients.GarminConnect.Tests;

/// <summary>What goes on the wire: paths, query strings and headers of each call.</summary>
public class RequestShapeTests
{
    [Test]
    public async Task Every_call_carries_the_bearer_token_and_the_native_header_set()
    {
        using var h = await GarminHarness.CreateAsync();
        h.OnJson("userprofile-service/socialProfile", """{"displayName":"jane","profileId":42}""");

        var profile = await h.Client.Profile.GetSocialProfileAsync();

        Assert.That(profile.DisplayName, Is.EqualTo("jane"));
        var request = h.Single("userprofile-service/socialProfile");
        Assert.Multiple(() =>
        {
            Assert.That(request.Header("Authorization"), Is.EqualTo("Bearer " + GarminHarness.AccessToken));
            Assert.That(request.Header("User-Agent"), Is.EqualTo("GCM-Android-5.23"));
            Assert.That(request.Header("X-Garmin-User-Agent"), Is.EqualTo("com.garmin.android.apps.connectmobile/5.23; ; Google/sdk_gphone64_arm64/google; Android/33; Dalvik/2.1.0"));
            Assert.That(request.Header("X-Garmin-Paired-App-Version"), Is.EqualTo("10861"));
            Assert.That(request.Header("X-Garmin-Client-Platform"), Is.EqualTo("Android"));
            Assert.That(request.Header("X-App-Ver"), Is.EqualTo("10861"));
            Assert.That(request.Header("X-Lang"), Is.EqualTo("en"));
            Assert.That(request.Header("X-GCExperience"), Is.EqualTo("GC5"));
            Assert.That(request.Header("Accept-Language"), Is.EqualTo("en-US,en;q=0.9"));
            Assert.That(request.Header("Accept"), Is.EqualTo("application/json"));
        });
    }

    [Test]
    public async Task DefaultRequestHeaders_override_the_native_ones()
    {
        using var h = await GarminHarness.CreateAsync(o => o.DefaultRequestHeaders["User-Agent"] = "my-backup/1.0");
        h.OnJson("userprofile-service/userprofile/user-settings", """{"id":7,"userData":{"measurementSystem":"metric","weight":83000.0}}""");

        var settings = await h.Client.Profile.GetUserSettingsAsync();

        Assert.That(settings.UserData?.MeasurementSystem, Is.EqualTo("metric"));
        var request = h.Single("userprofile-service/userprofile/user-settings");
        Assert.That(request.Header("User-Agent"), Is.EqualTo("my-backup/1.0"));
        Assert.That(request.Header("X-Garmin-Client-Platform"), Is.EqualTo("Android"));
    }

    [Test]
    public async Task Statistics_look_up_the_display_name_when_none_is_given()
    {
        using var h = await GarminHarness.CreateAsync();
        h.OnJson("userprofile-service/socialProfile", """{"displayName":"jane doe"}""");
        h.OnJson("userstats-service/statistics/jane%20doe", """{"userMetrics":[{"activityType":{"typeKey":"all"},"totalActivities":1028}]}""");

        var statistics = await h.Client.Profile.GetStatisticsAsync();

        Assert.That(statistics.TotalActivities, Is.EqualTo(1028));
        Assert.That(h.Requests.Select(r => r.Path), Is.EqualTo(new[] { "/userprofile-service/socialProfile", "/userstats-service/statistics/jane%20doe" }));
    }

    [Test]
    public async Task Activity_reads_use_their_paths_and_query_strings()
    {
        using var h = await GarminHarness.CreateAsync();
        h.OnJson("activitylist-service/activities/count", """{"totalCount":1234}""");
        h.OnJson("activity-service/activity/21482825013", TestActivities.Summary(21482825013));
        h.OnJson("activity-service/activity/21482825013/details?maxChartSize=500&maxPolylineSize=1000", """{"activityId":21482825013,"metricsCount":2,"metricDescriptors":[{"metricsIndex":1,"key":"directHeartRate"},{"metricsIndex":0,"key":"sumDistance"}],"activityDetailMetrics":[{"metrics":[0.0,90.0]},{"metrics":[5.2,null]}],"geoPolylineDTO":{"points":[]}}""");
        h.OnJson("activity-service/activity/21482825013/splits", """{"activityId":21482825013,"lapDTOs":[{"lapIndex":1}]}""");
        h.OnJson("activity-service/activity/21482825013/hrTimeInZones", """[{"zoneNumber":3,"secsInZone":5.5},{"zoneNumber":1,"secsInZone":60}]""");
        h.OnJson("activity-service/activity/activityTypes", """[{"typeId":1,"typeKey":"running","parentTypeId":17}]""");
        h.OnJson("gear-service/gear/filterGear?activityId=21482825013", """[{"uuid":"abc","displayName":"Shoes"}]""");
        h.OnJson("device-service/deviceservice/app-info/1003399", """{"productDisplayName":"fēnix 5","versionString":"10.0.0.0"}""");

        var count = await h.Client.Activities.CountAsync();
        var summary = await h.Client.Activities.GetAsync(21482825013);
        var details = await h.Client.Activities.GetDetailsAsync(21482825013, maxChartSize: 500, maxPolylineSize: 1000);
        var splits = await h.Client.Activities.GetSplitsAsync(21482825013);
        var zones = await h.Client.Activities.GetHrTimeInZonesAsync(21482825013);
        var types = await h.Client.Activities.GetTypesAsync();
        var gear = await h.Client.Gear.GetForActivityAsync(21482825013);
        var device = await h.Client.Devices.GetAppInfoAsync(1003399);

        Assert.Multiple(() =>
        {
            Assert.That(count.TotalCount, Is.EqualTo(1234));
            Assert.That(summary.ActivityId, Is.EqualTo(21482825013));
            Assert.That(details.FindMetricIndex("directHeartRate"), Is.EqualTo(1));
            Assert.That(details.ActivityDetailMetrics![1].Metrics![1], Is.Null);
            Assert.That(details.ExtensionData!.ContainsKey("geoPolylineDTO"), Is.True);
            Assert.That(splits.Laps, Has.Count.EqualTo(1));
            Assert.That(zones.Select(z => z.ZoneNumber), Is.EqualTo(new int?[] { 1, 3 }), "zones come back ordered");
            Assert.That(types[0].TypeKey, Is.EqualTo("running"));
            Assert.That(gear[0].DisplayName, Is.EqualTo("Shoes"));
            Assert.That(device.ProductDisplayName, Is.EqualTo("fēnix 5"));
            Assert.That(h.Requests, Has.Count.EqualTo(8));
        });
    }

    [Test]
    public async Task Details_default_to_the_chart_and_polyline_sizes_garminconnect_uses()
    {
        using var h = await GarminHarness.CreateAsync();
        h.OnJson("activity-service/activity/5/details?maxChartSize=2000&maxPolylineSize=4000", """{"activityId":5}""");

        var details = await h.Client.Activities.GetDetailsAsync(5);

        Assert.That(details.ActivityId, Is.EqualTo(5));
    }

    [TestCase(GarminDownloadFormat.Original, "download-service/files/activity/77")]
    [TestCase(GarminDownloadFormat.Gpx, "download-service/export/gpx/activity/77")]
    [TestCase(GarminDownloadFormat.Tcx, "download-service/export/tcx/activity/77")]
    [TestCase(GarminDownloadFormat.Kml, "download-service/export/kml/activity/77")]
    [TestCase(GarminDownloadFormat.Csv, "download-service/export/csv/activity/77")]
    public async Task Downloads_ask_for_any_content_type_with_the_bearer_token(GarminDownloadFormat format, string path)
    {
        using var h = await GarminHarness.CreateAsync();
        h.On(path, _ => GarminHarness.Bytes([1, 2, 3]));

        await using var content = await h.Client.Downloads.OpenAsync(77, format);
        using var copy = new MemoryStream();
        await content.Stream!.CopyToAsync(copy);

        Assert.That(copy.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(content.FileExtension, Is.EqualTo(format == GarminDownloadFormat.Original ? "zip" : format.ToString().ToLowerInvariant()));
        var request = h.Single(path);
        Assert.That(request.Header("Accept"), Is.EqualTo("*/*"));
        Assert.That(request.Header("Authorization"), Is.EqualTo("Bearer " + GarminHarness.AccessToken));
        Assert.That(request.Header("X-Garmin-Client-Platform"), Is.EqualTo("Android"));
    }

    [Test]
    public async Task The_China_domain_moves_every_call_to_connectapi_garmin_cn()
    {
        using var h = await GarminHarness.CreateAsync(o => o.Domain = GarminDomains.China);
        h.Mock.When("https://connectapi.garmin.cn/userprofile-service/socialProfile").Respond("application/json", """{"displayName":"li"}""");

        var profile = await h.Client.Profile.GetSocialProfileAsync();

        Assert.That(profile.DisplayName, Is.EqualTo("li"));
    }

    [Test]
    public async Task A_404_on_a_summary_is_a_ResourceNotFoundException()
    {
        using var h = await GarminHarness.CreateAsync();
        h.OnJson("activity-service/activity/9", """{"message":"HTTP 404 Not Found","error":"NotFoundException"}""", HttpStatusCode.NotFound);

        var error = Assert.ThrowsAsync<Core.ResourceNotFoundException>(() => h.Client.Activities.GetAsync(9));

        Assert.That(error!.Service, Is.EqualTo("garmin"));
    }
}

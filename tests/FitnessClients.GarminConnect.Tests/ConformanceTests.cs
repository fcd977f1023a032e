using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using FitnessClients.GarminConnect.Models;
using FitnessClients.GarminConnect.Tests.Support;

namespace FitnessClients.GarminConnect.Tests;

/// <summary>
/// Real Garmin responses (from the garth and garmin-connect-export repositories, kept outside this repository) read
/// into the models, with key values checked against what the files hold.
/// </summary>
public class ConformanceTests
{
    /// <summary>Which model each fixture is read into; a new fixture without an entry fails the first test.</summary>
    private static readonly Dictionary<string, Type> Models = new(StringComparer.Ordinal)
    {
        ["garth__cassette_test_activity_get__activity_summary_2026.json"] = typeof(GarminActivitySummary),
        ["garth__cassette_test_activity_list__activitylist_2026.json"] = typeof(IReadOnlyList<GarminActivityListItem>),
        ["garth__cassette_test_user_profile__socialProfile.json"] = typeof(GarminSocialProfile),
        ["garth__cassette_test_user_settings__user-settings.json"] = typeof(GarminUserSettings),
        ["garth__cassettes__auth_and_upload_flow_extract.json"] = typeof(JsonElement),
        ["pe-st__json__activities-list.json"] = typeof(IReadOnlyList<GarminActivityListItem>),
        ["pe-st__json__activityTypes.json"] = typeof(IReadOnlyList<GarminActivityType>),
        ["pe-st__json__activity_154105348_gpx_device_null.json"] = typeof(GarminActivitySummary),
        ["pe-st__json__activity_2541953812.json"] = typeof(GarminActivitySummary),
        ["pe-st__json__activity_2541953812_overview.json"] = typeof(GarminActivityListItem),
        ["pe-st__json__activity_2541953812_zones.json"] = typeof(IReadOnlyList<GarminHrTimeInZone>),
        ["pe-st__json__activity_multisport_child.json"] = typeof(GarminActivitySummary),
        ["pe-st__json__activity_multisport_detail.json"] = typeof(GarminActivitySummary),
        ["pe-st__json__activity_multisport_overview.json"] = typeof(GarminActivityListItem),
        ["pe-st__json__activitylist-service.json"] = typeof(IReadOnlyList<GarminActivityListItem>),
        ["pe-st__json__device_856399.json"] = typeof(GarminDeviceAppInfo),
        ["pe-st__json__userstats.json"] = typeof(GarminUserStatistics),
    };

    private static T Read<T>(string fileName) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(ReferenceFixtures.Require(fileName)), GarminJson.Options)!;

    private static string Iso(DateTimeOffset? value) => value!.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    [Test]
    public void Every_JSON_fixture_reads_into_its_model()
    {
        var folder = ReferenceFixtures.RequireGarminFolder();
        var files = Directory.GetFiles(folder, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

        Assert.That(files, Is.Not.Empty);
        foreach (var file in files)
        {
            Assert.That(Models.TryGetValue(file, out var type), Is.True, $"No model mapped for the fixture {file}; add it to the table.");
            var value = JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(folder, file)), type!, GarminJson.Options);
            Assert.That(value, Is.Not.Null, file);
        }
    }

    [Test]
    public void The_2026_summary_starts_at_minus_six_hours_where_garmin_connect_export_writes_plus_18()
    {
        var summary = Read<GarminActivitySummary>("garth__cassette_test_activity_get__activity_summary_2026.json");

        Assert.Multiple(() =>
        {
            Assert.That(summary.ActivityId, Is.EqualTo(21482825013));
            Assert.That(summary.ActivityUuid?.Uuid, Is.EqualTo("44fa794a-5bd9-4fbc-927e-7677ab38b5fe"));
            Assert.That(summary.ActivityType?.TypeKey, Is.EqualTo("trail_running"));
            Assert.That(summary.ActivityType?.ParentTypeId, Is.EqualTo(1));
            Assert.That(summary.EventType?.TypeKey, Is.EqualTo("uncategorized"));
            Assert.That(summary.AccessControlRule?.TypeKey, Is.EqualTo("private"));
            Assert.That(summary.TimeZoneUnit?.TimeZone, Is.EqualTo("America/Costa_Rica"));
            Assert.That(Iso(summary.StartTime), Is.EqualTo("2026-01-08T08:10:21-06:00"));
            Assert.That(summary.Metadata?.DeviceMetadata?.DeviceId, Is.EqualTo("3618356072"));
            Assert.That(summary.Metadata?.DeviceApplicationInstallationId, Is.EqualTo(1003399));
            Assert.That(summary.Metadata?.FileFormat?.FormatKey, Is.EqualTo("fit"));
            Assert.That(summary.Metadata?.UploadedDate, Is.EqualTo(new DateTime(2026, 1, 8, 15, 15, 3)));
            Assert.That(summary.ChildIds, Is.Empty);
            Assert.That(summary.Summary?.Distance, Is.EqualTo(4261.19));
            Assert.That(summary.Summary?.ElapsedTime?.TotalSeconds, Is.EqualTo(2225.441).Within(1e-6));
        });
    }

    [Test]
    public void The_2026_list_has_seconds_metres_and_western_offsets()
    {
        var list = Read<IReadOnlyList<GarminActivityListItem>>("garth__cassette_test_activity_list__activitylist_2026.json");

        Assert.That(list.Select(a => a.ActivityId), Is.EqualTo(new long?[] { 21482825013, 21461718086, 21419635589 }));
        Assert.That(list.Select(a => Iso(a.StartTime)), Is.EqualTo(new[] { "2026-01-08T08:10:21-06:00", "2026-01-06T07:14:18-06:00", "2026-01-02T07:12:43-05:00" }));
        var first = list[0];
        Assert.Multiple(() =>
        {
            Assert.That(first.ActivityType?.TypeKey, Is.EqualTo("trail_running"));
            Assert.That(first.StartTime!.Value.ToUnixTimeMilliseconds(), Is.EqualTo(first.BeginTimestamp), "the instant agrees with beginTimestamp");
            Assert.That(first.ElapsedTime?.TotalSeconds, Is.EqualTo(2225.44091796875).Within(1e-6));
            Assert.That(first.MinElevationMeters, Is.EqualTo(2999.800048828125));
            Assert.That(first.DeviceId, Is.EqualTo(3618356072));
            Assert.That(first.Privacy?.TypeKey, Is.EqualTo("private"));
            Assert.That(first.EndTimeGmt, Is.EqualTo(new DateTime(2026, 1, 8, 14, 47, 26)));
            Assert.That(first.ExtensionData!["hrTimeInZone_1"].GetDouble(), Is.EqualTo(376.545));
            Assert.That(first.IsMultisportParent, Is.False);
        });
    }

    [Test]
    public void The_2021_list_has_milliseconds_centimetres_and_a_multisport_parent()
    {
        var list = Read<IReadOnlyList<GarminActivityListItem>>("pe-st__json__activities-list.json");

        var walk = list[0];
        var parent = list[1];
        Assert.Multiple(() =>
        {
            Assert.That(walk.ActivityId, Is.EqualTo(6609987243));
            Assert.That(Iso(walk.StartTime), Is.EqualTo("2021-04-15T11:44:05+02:00"));
            Assert.That(walk.ElapsedTime?.TotalSeconds, Is.EqualTo(2702.589111328125).Within(1e-6));
            Assert.That(walk.MinElevationMeters, Is.EqualTo(620.4000244140625).Within(1e-9));
            Assert.That(parent.ActivityId, Is.EqualTo(6588349056));
            Assert.That(parent.IsMultisportParent, Is.True);
            Assert.That(parent.BeginTimestamp, Is.Null);
            Assert.That(Iso(parent.StartTime), Is.EqualTo("2021-04-11T11:50:49+02:00"));
            Assert.That(parent.ElapsedTime?.TotalSeconds, Is.EqualTo(11183.693120002747).Within(1e-6));
        });
    }

    [Test]
    public void The_2018_entry_keeps_its_emoji_and_has_centimetre_elevations_matching_the_summary()
    {
        var entry = Read<IReadOnlyList<GarminActivityListItem>>("pe-st__json__activitylist-service.json").Single();
        var overview = Read<GarminActivityListItem>("pe-st__json__activity_2541953812_overview.json");
        var summary = Read<GarminActivitySummary>("pe-st__json__activity_2541953812.json");

        Assert.Multiple(() =>
        {
            Assert.That(entry.ActivityName, Is.EqualTo("Biel 🏛 Pavillon"));
            Assert.That(Iso(entry.StartTime), Is.EqualTo("2018-03-08T12:23:22+01:00"));
            Assert.That(overview.ActivityType?.TypeKey, Is.EqualTo("cross_country_skiing_ws"));
            Assert.That(overview.MinElevationMeters, Is.EqualTo(summary.Summary?.MinElevation), "132600 cm in the list is 1326 m in the summary");
            Assert.That(summary.ActivityType?.TypeKey, Is.EqualTo("cross_country_skiing"));
            Assert.That(Iso(summary.StartTime), Is.EqualTo(Iso(overview.StartTime)));
            Assert.That(summary.Metadata?.DeviceMetadata?.DeviceId, Is.EqualTo("3946806421"));
            Assert.That(summary.Metadata?.Sensors, Is.Not.Null.And.Not.Empty);
        });
    }

    [Test]
    public void A_multisport_parent_names_its_legs_and_a_leg_its_parent()
    {
        var parent = Read<GarminActivitySummary>("pe-st__json__activity_multisport_detail.json");
        var child = Read<GarminActivitySummary>("pe-st__json__activity_multisport_child.json");
        var overview = Read<GarminActivityListItem>("pe-st__json__activity_multisport_overview.json");

        Assert.Multiple(() =>
        {
            Assert.That(parent.IsMultiSportParent, Is.True);
            Assert.That(parent.ChildIds, Is.EqualTo(new long[] { 6588349067, 6588349072, 6588349076, 6588349079, 6588349081 }));
            Assert.That(parent.Metadata?.ChildActivityTypes, Is.EqualTo(new[] { "cycling", "transition", "walking", "transition", "cycling" }));
            Assert.That(child.ActivityId, Is.EqualTo(6588349076));
            Assert.That(child.ParentId, Is.EqualTo(6588349056));
            Assert.That(child.ActivityType?.TypeKey, Is.EqualTo("walking"));
            Assert.That(Iso(child.StartTime), Is.EqualTo("2021-04-11T12:36:16+02:00"));
            Assert.That(overview.IsMultisportParent, Is.True);
            Assert.That(overview.ActivityId, Is.EqualTo(parent.ActivityId));
        });
    }

    [Test]
    public void An_old_GPX_upload_has_no_device_and_a_gpx_original()
    {
        var summary = Read<GarminActivitySummary>("pe-st__json__activity_154105348_gpx_device_null.json");

        Assert.Multiple(() =>
        {
            Assert.That(summary.ActivityId, Is.EqualTo(154105348));
            Assert.That(summary.ActivityUuid, Is.Null);
            Assert.That(summary.Metadata?.FileFormat?.FormatKey, Is.EqualTo("gpx"));
            Assert.That(summary.Metadata?.DeviceMetadata?.DeviceId, Is.Null);
            Assert.That(summary.Metadata?.Manufacturer, Is.Empty);
            Assert.That(Iso(summary.StartTime), Is.EqualTo("2012-02-27T10:10:06+01:00"));
        });
    }

    [Test]
    public void Profile_settings_statistics_device_types_and_zones()
    {
        var profile = Read<GarminSocialProfile>("garth__cassette_test_user_profile__socialProfile.json");
        var settings = Read<GarminUserSettings>("garth__cassette_test_user_settings__user-settings.json");
        var statistics = Read<GarminUserStatistics>("pe-st__json__userstats.json");
        var device = Read<GarminDeviceAppInfo>("pe-st__json__device_856399.json");
        var types = Read<IReadOnlyList<GarminActivityType>>("pe-st__json__activityTypes.json");
        var zones = Read<IReadOnlyList<GarminHrTimeInZone>>("pe-st__json__activity_2541953812_zones.json");

        Assert.Multiple(() =>
        {
            Assert.That(profile.DisplayName, Is.EqualTo("mtamizi"));
            Assert.That(profile.ProfileId, Is.EqualTo(2591602));
            Assert.That(profile.Id, Is.EqualTo(3154645));
            Assert.That(profile.ExtensionData!.ContainsKey("profileVisibility"), Is.True);
            Assert.That(settings.Id, Is.EqualTo(2591602));
            Assert.That(settings.UserData?.Weight, Is.EqualTo(83000.0));
            Assert.That(settings.UserData?.MeasurementSystem, Is.EqualTo("metric"));
            Assert.That(settings.UserData?.ExtensionData!.ContainsKey("powerFormat"), Is.True);
            Assert.That(statistics.TotalActivities, Is.EqualTo(1028));
            Assert.That(device.ProductDisplayName, Is.EqualTo("fēnix 5"));
            Assert.That(device.VersionString, Is.EqualTo("10.0.0.0"));
            Assert.That(types, Has.Count.EqualTo(152));
            Assert.That(types.Single(t => t.TypeKey == "multi_sport").TypeId, Is.EqualTo(89));
            Assert.That(zones.Single(z => z.ZoneNumber == 3).SecondsInZone, Is.EqualTo(567.662));
            Assert.That(zones.Single(z => z.ZoneNumber == 1).ZoneLowBoundary, Is.EqualTo(100));
        });
    }

    [Test]
    public void The_recorded_upload_answer_and_profile_read_from_the_cassette_extract()
    {
        var cassettes = JsonNode.Parse(File.ReadAllText(ReferenceFixtures.Require("garth__cassettes__auth_and_upload_flow_extract.json")))!.AsArray();
        var interactions = cassettes.SelectMany(c => c!["interactions"]!.AsArray()).ToList();
        var upload = interactions.Single(i => (string?)i!["uri"] == "https://connectapi.garmin.com/upload-service/upload")!;
        var profile = interactions.First(i => ((string?)i!["uri"])?.EndsWith("/userprofile-service/socialProfile", StringComparison.Ordinal) == true)!;

        var result = upload["response_body"].Deserialize<GarminUploadResponse>(GarminJson.Options)!.DetailedImportResult!;
        var social = profile["response_body"].Deserialize<GarminSocialProfile>(GarminJson.Options)!;

        Assert.Multiple(() =>
        {
            Assert.That((int?)upload["status"], Is.EqualTo(202));
            Assert.That(result.UploadId, Is.EqualTo(212157427938));
            Assert.That(result.UploadUuid?.Uuid, Is.EqualTo("6e56051d-1dd4-4f2c-b8ba-00a1a7d82eb3"));
            Assert.That(result.FileName, Is.EqualTo("12129115726_ACTIVITY.fit"));
            Assert.That(result.Successes, Is.Empty);
            Assert.That(result.Failures, Is.Empty);
            Assert.That(social.DisplayName, Is.EqualTo("mtamizi"));
        });
    }

    [Test]
    public async Task The_recorded_original_ZIP_unpacks_to_its_FIT_entry()
    {
        var zip = await File.ReadAllBytesAsync(ReferenceFixtures.Require("garth__cassette_test_download__11998957007.zip"));
        using var h = await GarminHarness.CreateAsync();
        h.On("download-service/files/activity/11998957007", _ => GarminHarness.Bytes(zip, "application/x-zip-compressed"));
        var folder = Directory.CreateTempSubdirectory("garmin-fixture-").FullName;
        try
        {
            var result = await h.Client.Downloads.DownloadToFileAsync(11998957007, GarminDownloadFormat.Original, folder, new GarminDownloadOptions { UnpackOriginal = true });

            Assert.That(Path.GetFileName(result.FilePath), Is.EqualTo("11998957007_ACTIVITY.fit"));
            Assert.That(result.Length, Is.EqualTo(88212));
            var fit = await File.ReadAllBytesAsync(result.FilePath!);
            Assert.That(System.Text.Encoding.ASCII.GetString(fit, 8, 4), Is.EqualTo(".FIT"), "a FIT file header");
            using var archive = new ZipArchive(new MemoryStream(zip));
            using var entry = archive.GetEntry("11998957007_ACTIVITY.fit")!.Open();
            using var expected = new MemoryStream();
            await entry.CopyToAsync(expected);
            Assert.That(fit, Is.EqualTo(expected.ToArray()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task The_recorded_FIT_file_uploads_byte_for_byte()
    {
        var fit = await File.ReadAllBytesAsync(ReferenceFixtures.Require("garth__tests__12129115726_ACTIVITY.fit"));
        using var h = await GarminHarness.CreateAsync();
        h.OnJson("upload-service/upload", """{"detailedImportResult":{"successes":[{"internalId":12129115726}],"failures":[]}}""", System.Net.HttpStatusCode.Accepted, HttpMethod.Post);

        await using var stream = new MemoryStream(fit);
        var result = await h.Client.Uploads.UploadAsync(stream, "12129115726_ACTIVITY.fit");

        Assert.That(result.ActivityId, Is.EqualTo(12129115726));
        var body = h.Single("upload-service/upload").Body!;
        Assert.That(body.AsSpan().IndexOf(fit), Is.GreaterThan(0));
    }
}

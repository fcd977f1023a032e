using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FitnessClients.Testing;

namespace FitnessClients.Testing.Tests.Garmin;

/// <summary>
/// Compares the emulator's JSON with the real responses in the reference fixtures (when that folder exists): every key
/// both have must hold the same kind of value (number, string, boolean, object, array), and the emulator must not invent
/// keys the real response lacks, apart from a few listed here. The fixtures are read in place, never copied.
/// </summary>
public class GarminFixtureShapeTests
{
    // Keys the emulator writes that the particular fixture happens not to contain (seen in other real responses or the reference).
    private static readonly HashSet<string> Extra =
    [
        "description", "averageBikingCadenceInRevPerMinute", "maxBikingCadenceInRevPerMinute", "deviceId", "splitSummaries",
        "parentId", "hasIntensityIntervals", "chartAvailability", "primaryActivity", "lapDTOs", "eventDTOs", "hrTimeInZone_1",
        "hrTimeInZone_2", "hrTimeInZone_3", "hrTimeInZone_4", "hrTimeInZone_5", "steps", "endTimeGMT", "minHR",
        "trainingEffect", "moderateIntensityMinutes", "vigorousIntensityMinutes", "endLatitude", "endLongitude",
        "maxSpeed", "averageMovingSpeed", "startLatitude", "startLongitude", "movingDuration", "maxElevation", "minElevation",
        "averageHR", "hasHeatMap", "elevationCorrected", "personalRecord", "isAtpActivity", "trimmable",
    ];

    [TestCase("garth__cassette_test_activity_list__activitylist_2026.json", false)]
    [TestCase("pe-st__json__activities-list.json", true)]
    public async Task List_entries(string fixture, bool legacy)
    {
        var real = Load(fixture)!.AsArray().Select(e => e!.AsObject()).ToList();
        var emulator = GarminTestSupport.Create(300);
        using var http = GarminTestSupport.AuthorizedClient(emulator);
        var page = (await http.GetFromJsonAsync<JsonArray>($"{GarminTestSupport.ListPath}?start=0&limit=1000"))!;
        var ours = page.Select(e => e!.AsObject()).Where(e => emulator.FindActivity(e["activityId"]!.GetValue<long>())!.UsesLegacyJson == legacy).Take(60).ToList();

        var problems = new List<string>();
        foreach (var entry in ours)
        {
            Compare("list", entry, Merge(real), problems);
        }

        Assert.That(problems.Distinct(), Is.Empty);
    }

    [TestCase("garth__cassette_test_activity_get__activity_summary_2026.json", "single")]
    [TestCase("pe-st__json__activity_multisport_detail.json", "parent")]
    [TestCase("pe-st__json__activity_multisport_child.json", "child")]
    public async Task Summaries(string fixture, string kind)
    {
        var real = Load(fixture)!.AsObject();
        var emulator = GarminTestSupport.Create(120);
        using var http = GarminTestSupport.AuthorizedClient(emulator);
        var activity = kind switch
        {
            "parent" => emulator.ListedActivities.First(a => a.IsMultisportParent),
            "child" => emulator.FindActivity(emulator.ListedActivities.First(a => a.IsMultisportParent).ChildIds[1])!,
            _ => emulator.ListedActivities.First(a => a.TypeKey == "trail_running"),
        };

        var ours = (await http.GetFromJsonAsync<JsonObject>($"activity-service/activity/{activity.Id}"))!;
        var problems = new List<string>();
        Compare("summary", ours, real, problems);

        Assert.That(problems, Is.Empty);
    }

    [TestCase("pe-st__json__activity_2541953812_zones.json", "zones")]
    [TestCase("pe-st__json__device_856399.json", "device")]
    [TestCase("pe-st__json__userstats.json", "stats")]
    [TestCase("garth__cassette_test_user_profile__socialProfile.json", "profile")]
    [TestCase("garth__cassette_test_user_settings__user-settings.json", "settings")]
    [TestCase("pe-st__json__activityTypes.json", "types")]
    public async Task Other_routes(string fixture, string route)
    {
        var real = Load(fixture)!;
        var emulator = GarminTestSupport.Create(60);
        using var http = GarminTestSupport.AuthorizedClient(emulator);
        var activity = emulator.ListedActivities.First(a => a.AverageHeartRate is not null && a.DeviceApplicationInstallationId is not null);
        var path = route switch
        {
            "zones" => $"activity-service/activity/{activity.Id}/hrTimeInZones",
            "device" => $"device-service/deviceservice/app-info/{activity.DeviceApplicationInstallationId}",
            "stats" => $"userstats-service/statistics/{emulator.DisplayName}",
            "profile" => "userprofile-service/socialProfile",
            "settings" => "userprofile-service/userprofile/user-settings",
            _ => "activity-service/activity/activityTypes",
        };

        var ours = (await http.GetFromJsonAsync<JsonNode>(path))!;
        var problems = new List<string>();
        if (ours is JsonArray array)
        {
            Assert.That(array, Is.Not.Empty);
            foreach (var item in array)
            {
                Compare(route, item!.AsObject(), Merge(real.AsArray().Select(e => e!.AsObject())), problems);
            }
        }
        else
        {
            Compare(route, ours.AsObject(), real.AsObject(), problems);
        }

        Assert.That(problems.Distinct(), Is.Empty);
    }

    private static JsonNode? Load(string name)
    {
        var path = GarminReferenceFixtures.Require(name);
        return JsonNode.Parse(File.ReadAllText(path));
    }

    /// <summary>One object with every key any of the real entries has (the first non-null value wins).</summary>
    private static JsonObject Merge(IEnumerable<JsonObject> entries)
    {
        var merged = new JsonObject();
        foreach (var entry in entries)
        {
            foreach (var (key, value) in entry)
            {
                if (!merged.ContainsKey(key) || (merged[key] is null && value is not null))
                {
                    merged[key] = value?.DeepClone();
                }
            }
        }

        return merged;
    }

    private static void Compare(string where, JsonObject ours, JsonObject real, List<string> problems)
    {
        foreach (var (key, value) in ours)
        {
            if (!real.TryGetPropertyValue(key, out var expected))
            {
                if (!Extra.Contains(key))
                {
                    problems.Add($"{where}.{key}: not in the real response");
                }

                continue;
            }

            if (value is null || expected is null)
            {
                continue;
            }

            var (kind, realKind) = (Kind(value), Kind(expected));
            if (kind != realKind)
            {
                problems.Add($"{where}.{key}: {kind} here, {realKind} in the real response");
            }
            else if (value is JsonObject child && expected is JsonObject realChild)
            {
                Compare($"{where}.{key}", child, realChild, problems);
            }
            else if (value is JsonArray items && expected is JsonArray realItems && items.Count > 0 && realItems.Count > 0 && items[0] is JsonObject first && realItems[0] is JsonObject realFirst)
            {
                Compare($"{where}.{key}[]", first, realFirst, problems);
            }
        }
    }

    private static JsonValueKind Kind(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.True or JsonValueKind.False => JsonValueKind.True,
        var other => other,
    };
}

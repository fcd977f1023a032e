using FitnessClients.Backup.Sync;

namespace FitnessClients.Backup.Tests.Sync;

/// <summary>Default tables per source, overrides, skips, and that every default lands on a real FitTrackee sport.</summary>
public class SportMappingTests
{
    [TestCase("garmin", "running", "Running")]
    [TestCase("garmin", "trail_running", "Trail")]
    [TestCase("garmin", "road_biking", "Cycling (Sport)")]
    [TestCase("garmin", "virtual_ride", "Cycling (Virtual)")]
    [TestCase("garmin", "e_bike_mountain", "Mountain Biking (Electric)")]
    [TestCase("garmin", "resort_skiing_snowboarding_ws", "Skiing (Alpine)")]
    [TestCase("garmin", "cross_country_skiing_ws", "Skiing (Cross Country)")]
    [TestCase("garmin", "open_water_swimming", "Open Water Swimming")]
    [TestCase("garmin", "stand_up_paddleboarding_v2", "Standup Paddleboarding")]
    [TestCase("strava", "Run", "Running")]
    [TestCase("strava", "TrailRun", "Trail")]
    [TestCase("strava", "Ride", "Cycling (Sport)")]
    [TestCase("strava", "MountainBikeRide", "Mountain Biking")]
    [TestCase("strava", "EMountainBikeRide", "Mountain Biking (Electric)")]
    [TestCase("strava", "VirtualRide", "Cycling (Virtual)")]
    [TestCase("strava", "NordicSki", "Skiing (Cross Country)")]
    [TestCase("strava", "Snowshoe", "Snowshoes")]
    [TestCase("strava", "StandUpPaddling", "Standup Paddleboarding")]
    [TestCase("runkeeper", "Running", "Running")]
    [TestCase("runkeeper", "Cycling", "Cycling (Sport)")]
    [TestCase("runkeeper", "Nordic Walking", "Walking")]
    [TestCase("runkeeper", "Downhill Skiing", "Skiing (Alpine)")]
    [TestCase("runkeeper", "Cross-Country Skiing", "Skiing (Cross Country)")]
    [TestCase("runkeeper", "Swimming", "Open Water Swimming")]
    [TestCase("RUNKEEPER-export", "running", "Running")]
    public void Defaults_map_each_source_s_types_to_FitTrackee_labels(string service, string type, string label) =>
        Assert.That(SportMapping.Default.Resolve(service, type), Is.EqualTo(label));

    [TestCase("garmin", "lap_swimming")]
    [TestCase("garmin", "strength_training")]
    [TestCase("garmin", "yoga")]
    [TestCase("strava", "VirtualRun")]
    [TestCase("strava", "WeightTraining")]
    [TestCase("strava", "EBikeRide")]
    [TestCase("runkeeper", "Elliptical")]
    [TestCase("runkeeper", "Other")]
    [TestCase("runkeeper", "Wheelchair")]
    [TestCase("strava", "")]
    [TestCase("strava", null)]
    [TestCase("somewhere", "Run")]
    public void Types_without_a_clear_FitTrackee_sport_are_not_mapped(string service, string? type) =>
        Assert.That(SportMapping.Default.Resolve(service, type), Is.Null);

    [Test]
    public void Tables_are_per_service_so_the_same_word_can_mean_different_things()
    {
        Assert.That(SportMapping.Default.Resolve("strava", "Swim"), Is.EqualTo("Open Water Swimming"));
        Assert.That(SportMapping.Default.Resolve("garmin", "Swim"), Is.Null);
        Assert.That(SportMapping.Default.Resolve("strava", "road_biking"), Is.Null, "Garmin's key is not a Strava type");
    }

    [Test]
    public void Every_default_label_is_one_of_FitTrackee_s_default_sports()
    {
        Assert.That(SportMapping.FitTrackeeSports, Has.Count.EqualTo(29));
        Assert.That(SportMapping.FitTrackeeSports, Is.Unique);
        foreach (var service in new[] { "garmin", "strava", "runkeeper" })
        {
            Assert.That(SportMapping.DefaultsFor(service).Values.Distinct(), Is.SubsetOf(SportMapping.FitTrackeeSports), service);
            Assert.That(SportMapping.DefaultsFor(service), Is.Not.Empty, service);
        }

        Assert.That(SportMapping.DefaultsFor("elsewhere"), Is.Empty);
    }

    [Test]
    public void A_FitTrackee_label_maps_onto_itself_for_any_source()
    {
        Assert.That(SportMapping.Default.Resolve("fittrackee", "cycling (transport)"), Is.EqualTo("Cycling (Transport)"));
        Assert.That(SportMapping.Default.Resolve("fittrackee", "Paragliding"), Is.EqualTo("Paragliding"));
    }

    [Test]
    public void Overrides_are_case_insensitive_win_over_defaults_and_can_be_specific_to_a_service()
    {
        var mapping = SportMapping.Default.WithOverrides(new Dictionary<string, string?>
        {
            ["virtualrun"] = "Running",
            ["RIDE"] = "Cycling (Transport)",
            ["strava:swim"] = null,
            ["garmin:Swim"] = "Swimrun",
            ["Hike"] = "  ",
        });

        Assert.Multiple(() =>
        {
            Assert.That(mapping.Resolve("strava", "VirtualRun"), Is.EqualTo("Running"));
            Assert.That(mapping.Resolve("strava", "Ride"), Is.EqualTo("Cycling (Transport)"));
            Assert.That(mapping.Resolve("strava", "Swim"), Is.Null, "an empty label skips a type the defaults map");
            Assert.That(mapping.Resolve("garmin", "swim"), Is.EqualTo("Swimrun"));
            Assert.That(mapping.Resolve("strava", "Hike"), Is.Null);
            Assert.That(mapping.Resolve("strava", "Run"), Is.EqualTo("Running"), "defaults still apply elsewhere");
            Assert.That(mapping.Overrides["RIDE"], Is.EqualTo("Cycling (Transport)"));
            Assert.That(SportMapping.Default.Resolve("strava", "Ride"), Is.EqualTo("Cycling (Sport)"), "the default mapping is not changed");
        });
    }

    [Test]
    public void Later_overrides_win()
    {
        var mapping = new SportMapping([new("Run", "Trail")]).WithOverrides([new("run", "Running")]);
        Assert.That(mapping.Resolve("strava", "Run"), Is.EqualTo("Running"));
    }

    [TestCase("VirtualRun=Running", "VirtualRun", "Running")]
    [TestCase(" strava:Swim = Open Water Swimming ", "strava:Swim", "Open Water Swimming")]
    [TestCase("Swim=", "Swim", null)]
    [TestCase("Odd=Label=With=Equals", "Odd", "Label=With=Equals")]
    public void Command_line_overrides_parse(string text, string type, string? label)
    {
        var parsed = SportMapping.ParseOverride(text);
        Assert.That(parsed.Key, Is.EqualTo(type));
        Assert.That(parsed.Value, Is.EqualTo(label));
    }

    [TestCase("Running")]
    [TestCase("=Running")]
    [TestCase(" =Running")]
    public void Malformed_overrides_are_refused_with_an_example(string text) =>
        Assert.That(() => SportMapping.ParseOverride(text), Throws.InstanceOf<FormatException>().With.Message.Contains("TYPE=LABEL"));
}

namespace FitnessClients.Backup.Sync;

/// <summary>
/// The default source type → FitTrackee sport label tables. Only types with a clear FitTrackee equivalent are here;
/// anything else is skipped and reported until the user maps it. Labels are FitTrackee's default sports (resolved
/// to ids by the sink through <c>/api/sports</c>, never by a hard-coded id).
/// </summary>
internal static class DefaultSportMappings
{
    public const string Running = "Running";
    public const string Trail = "Trail";
    public const string CyclingSport = "Cycling (Sport)";
    public const string CyclingTransport = "Cycling (Transport)";
    public const string CyclingVirtual = "Cycling (Virtual)";
    public const string CyclingTrekking = "Cycling (Trekking)";
    public const string MountainBiking = "Mountain Biking";
    public const string MountainBikingElectric = "Mountain Biking (Electric)";
    public const string Walking = "Walking";
    public const string Hiking = "Hiking";
    public const string Mountaineering = "Mountaineering";
    public const string SkiingAlpine = "Skiing (Alpine)";
    public const string SkiingCrossCountry = "Skiing (Cross Country)";
    public const string Snowshoes = "Snowshoes";
    public const string Rowing = "Rowing";
    public const string OpenWaterSwimming = "Open Water Swimming";
    public const string Kayaking = "Kayaking";
    public const string KayakingWhitewater = "Kayaking (Whitewater)";
    public const string Canoeing = "Canoeing";
    public const string CanoeingWhitewater = "Canoeing (Whitewater)";
    public const string Windsurfing = "Windsurfing";
    public const string StandupPaddleboarding = "Standup Paddleboarding";
    public const string TennisOutdoor = "Tennis (Outdoor)";
    public const string PadelOutdoor = "Padel (Outdoor)";
    public const string IceSkating = "Ice Skating";
    public const string InlineSkating = "Inline Skating";
    public const string Paragliding = "Paragliding";
    public const string Swimrun = "Swimrun";
    public const string Halfbike = "Halfbike";

    /// <summary>FitTrackee's default sports in the order its migrations create them (ids 1–29 on a fresh database).</summary>
    public static readonly IReadOnlyList<string> FitTrackeeLabels =
    [
        CyclingSport, CyclingTransport, Hiking, MountainBiking, Running, Walking, MountainBikingElectric, Trail,
        SkiingAlpine, SkiingCrossCountry, Rowing, Snowshoes, CyclingVirtual, Mountaineering, Paragliding,
        OpenWaterSwimming, CyclingTrekking, Swimrun, Kayaking, Canoeing, Halfbike, Windsurfing, StandupPaddleboarding,
        TennisOutdoor, PadelOutdoor, CanoeingWhitewater, KayakingWhitewater, IceSkating, InlineSkating,
    ];

    /// <summary>Garmin Connect <c>activityType.typeKey</c> values.</summary>
    public static readonly IReadOnlyDictionary<string, string> Garmin = Table(new()
    {
        ["running"] = Running,
        ["street_running"] = Running,
        ["track_running"] = Running,
        ["treadmill_running"] = Running,
        ["indoor_running"] = Running,
        ["ultra_run"] = Running,
        ["trail_running"] = Trail,
        ["cycling"] = CyclingSport,
        ["road_biking"] = CyclingSport,
        ["gravel_cycling"] = CyclingSport,
        ["cyclocross"] = CyclingSport,
        ["track_cycling"] = CyclingSport,
        ["recumbent_cycling"] = CyclingSport,
        ["virtual_ride"] = CyclingVirtual,
        ["indoor_cycling"] = CyclingVirtual,
        ["mountain_biking"] = MountainBiking,
        ["downhill_biking"] = MountainBiking,
        ["enduro_mtb"] = MountainBiking,
        ["e_bike_mountain"] = MountainBikingElectric,
        ["e_enduro_mtb"] = MountainBikingElectric,
        ["walking"] = Walking,
        ["casual_walking"] = Walking,
        ["speed_walking"] = Walking,
        ["hiking"] = Hiking,
        ["rucking"] = Hiking,
        ["mountaineering"] = Mountaineering,
        ["open_water_swimming"] = OpenWaterSwimming,
        ["resort_skiing_snowboarding_ws"] = SkiingAlpine,
        ["resort_skiing"] = SkiingAlpine,
        ["resort_snowboarding"] = SkiingAlpine,
        ["cross_country_skiing_ws"] = SkiingCrossCountry,
        ["cross_country_skiing"] = SkiingCrossCountry,
        ["skate_skiing_ws"] = SkiingCrossCountry,
        ["snow_shoe_ws"] = Snowshoes,
        ["rowing"] = Rowing,
        ["rowing_v2"] = Rowing,
        ["kayaking"] = Kayaking,
        ["kayaking_v2"] = Kayaking,
        ["whitewater_rafting_kayaking"] = KayakingWhitewater,
        ["stand_up_paddleboarding"] = StandupPaddleboarding,
        ["stand_up_paddleboarding_v2"] = StandupPaddleboarding,
        ["windsurfing"] = Windsurfing,
        ["windsurfing_v2"] = Windsurfing,
        ["skating_ws"] = IceSkating,
        ["inline_skating"] = InlineSkating,
        ["tennis"] = TennisOutdoor,
        ["tennis_v2"] = TennisOutdoor,
    });

    /// <summary>Strava <c>sport_type</c> values and the deprecated <c>type</c> values.</summary>
    public static readonly IReadOnlyDictionary<string, string> Strava = Table(new()
    {
        ["Run"] = Running,
        ["TrailRun"] = Trail,
        ["Ride"] = CyclingSport,
        ["GravelRide"] = CyclingSport,
        ["MountainBikeRide"] = MountainBiking,
        ["EMountainBikeRide"] = MountainBikingElectric,
        ["VirtualRide"] = CyclingVirtual,
        ["Walk"] = Walking,
        ["Hike"] = Hiking,
        ["Swim"] = OpenWaterSwimming,
        ["AlpineSki"] = SkiingAlpine,
        ["Snowboard"] = SkiingAlpine,
        ["NordicSki"] = SkiingCrossCountry,
        ["Snowshoe"] = Snowshoes,
        ["IceSkate"] = IceSkating,
        ["InlineSkate"] = InlineSkating,
        ["Rowing"] = Rowing,
        ["Canoeing"] = Canoeing,
        ["Kayaking"] = Kayaking,
        ["StandUpPaddling"] = StandupPaddleboarding,
        ["Windsurf"] = Windsurfing,
        ["Tennis"] = TennisOutdoor,
        ["Padel"] = PadelOutdoor,
    });

    /// <summary>Runkeeper <c>type</c> values (the API's and the export's <c>Type</c> column).</summary>
    public static readonly IReadOnlyDictionary<string, string> Runkeeper = Table(new()
    {
        ["Running"] = Running,
        ["Cycling"] = CyclingSport,
        ["Mountain Biking"] = MountainBiking,
        ["Walking"] = Walking,
        ["Nordic Walking"] = Walking,
        ["Hiking"] = Hiking,
        ["Downhill Skiing"] = SkiingAlpine,
        ["Snowboarding"] = SkiingAlpine,
        ["Cross-Country Skiing"] = SkiingCrossCountry,
        ["Skating"] = InlineSkating,
        ["Swimming"] = OpenWaterSwimming,
        ["Rowing"] = Rowing,
    });

    /// <summary>The table for a source service, or <see langword="null"/> for one without defaults.</summary>
    /// <remarks>Matched by prefix, so variants of a source (<c>runkeeper-export</c>) share their service's table.</remarks>
    public static IReadOnlyDictionary<string, string>? For(string service) =>
        service.StartsWith("garmin", StringComparison.OrdinalIgnoreCase) ? Garmin
        : service.StartsWith("strava", StringComparison.OrdinalIgnoreCase) ? Strava
        : service.StartsWith("runkeeper", StringComparison.OrdinalIgnoreCase) ? Runkeeper
        : null;

    private static Dictionary<string, string> Table(Dictionary<string, string> entries) =>
        new(entries, StringComparer.OrdinalIgnoreCase);
}

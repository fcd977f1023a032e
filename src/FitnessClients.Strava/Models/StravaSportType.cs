using System.Text.Json.Serialization;
using FitnessClients.Core.Json;

namespace FitnessClients.Strava.Models;

/// <summary>The sport of an activity (<c>sport_type</c>). An open set: an unknown value keeps its text.</summary>
/// <param name="Value">The text Strava sends.</param>
[JsonConverter(typeof(OpenEnumJsonConverter<StravaSportType>))]
public readonly record struct StravaSportType(string Value) : IOpenEnum<StravaSportType>
{
    /// <summary><c>AlpineSki</c>.</summary>
    public static StravaSportType AlpineSki { get; } = new("AlpineSki");

    /// <summary><c>BackcountrySki</c>.</summary>
    public static StravaSportType BackcountrySki { get; } = new("BackcountrySki");

    /// <summary><c>Badminton</c>.</summary>
    public static StravaSportType Badminton { get; } = new("Badminton");

    /// <summary><c>Basketball</c>.</summary>
    public static StravaSportType Basketball { get; } = new("Basketball");

    /// <summary><c>Canoeing</c>.</summary>
    public static StravaSportType Canoeing { get; } = new("Canoeing");

    /// <summary><c>Cricket</c>.</summary>
    public static StravaSportType Cricket { get; } = new("Cricket");

    /// <summary><c>Crossfit</c>.</summary>
    public static StravaSportType Crossfit { get; } = new("Crossfit");

    /// <summary><c>Dance</c>.</summary>
    public static StravaSportType Dance { get; } = new("Dance");

    /// <summary><c>EBikeRide</c>.</summary>
    public static StravaSportType EBikeRide { get; } = new("EBikeRide");

    /// <summary><c>Elliptical</c>.</summary>
    public static StravaSportType Elliptical { get; } = new("Elliptical");

    /// <summary><c>EMountainBikeRide</c>.</summary>
    public static StravaSportType EMountainBikeRide { get; } = new("EMountainBikeRide");

    /// <summary><c>Golf</c>.</summary>
    public static StravaSportType Golf { get; } = new("Golf");

    /// <summary><c>GravelRide</c>.</summary>
    public static StravaSportType GravelRide { get; } = new("GravelRide");

    /// <summary><c>Handcycle</c>.</summary>
    public static StravaSportType Handcycle { get; } = new("Handcycle");

    /// <summary><c>HighIntensityIntervalTraining</c>.</summary>
    public static StravaSportType HighIntensityIntervalTraining { get; } = new("HighIntensityIntervalTraining");

    /// <summary><c>Hike</c>.</summary>
    public static StravaSportType Hike { get; } = new("Hike");

    /// <summary><c>IceSkate</c>.</summary>
    public static StravaSportType IceSkate { get; } = new("IceSkate");

    /// <summary><c>InlineSkate</c>.</summary>
    public static StravaSportType InlineSkate { get; } = new("InlineSkate");

    /// <summary><c>Kayaking</c>.</summary>
    public static StravaSportType Kayaking { get; } = new("Kayaking");

    /// <summary><c>Kitesurf</c>.</summary>
    public static StravaSportType Kitesurf { get; } = new("Kitesurf");

    /// <summary><c>MountainBikeRide</c>.</summary>
    public static StravaSportType MountainBikeRide { get; } = new("MountainBikeRide");

    /// <summary><c>NordicSki</c>.</summary>
    public static StravaSportType NordicSki { get; } = new("NordicSki");

    /// <summary><c>Padel</c>.</summary>
    public static StravaSportType Padel { get; } = new("Padel");

    /// <summary><c>PhysicalTherapy</c>.</summary>
    public static StravaSportType PhysicalTherapy { get; } = new("PhysicalTherapy");

    /// <summary><c>Pickleball</c>.</summary>
    public static StravaSportType Pickleball { get; } = new("Pickleball");

    /// <summary><c>Pilates</c>.</summary>
    public static StravaSportType Pilates { get; } = new("Pilates");

    /// <summary><c>Racquetball</c>.</summary>
    public static StravaSportType Racquetball { get; } = new("Racquetball");

    /// <summary><c>Ride</c>.</summary>
    public static StravaSportType Ride { get; } = new("Ride");

    /// <summary><c>RockClimbing</c>.</summary>
    public static StravaSportType RockClimbing { get; } = new("RockClimbing");

    /// <summary><c>RollerSki</c>.</summary>
    public static StravaSportType RollerSki { get; } = new("RollerSki");

    /// <summary><c>Rowing</c>.</summary>
    public static StravaSportType Rowing { get; } = new("Rowing");

    /// <summary><c>Run</c>.</summary>
    public static StravaSportType Run { get; } = new("Run");

    /// <summary><c>Sail</c>.</summary>
    public static StravaSportType Sail { get; } = new("Sail");

    /// <summary><c>Skateboard</c>.</summary>
    public static StravaSportType Skateboard { get; } = new("Skateboard");

    /// <summary><c>Snowboard</c>.</summary>
    public static StravaSportType Snowboard { get; } = new("Snowboard");

    /// <summary><c>Snowshoe</c>.</summary>
    public static StravaSportType Snowshoe { get; } = new("Snowshoe");

    /// <summary><c>Soccer</c>.</summary>
    public static StravaSportType Soccer { get; } = new("Soccer");

    /// <summary><c>Squash</c>.</summary>
    public static StravaSportType Squash { get; } = new("Squash");

    /// <summary><c>StairStepper</c>.</summary>
    public static StravaSportType StairStepper { get; } = new("StairStepper");

    /// <summary><c>StandUpPaddling</c>.</summary>
    public static StravaSportType StandUpPaddling { get; } = new("StandUpPaddling");

    /// <summary><c>Surfing</c>.</summary>
    public static StravaSportType Surfing { get; } = new("Surfing");

    /// <summary><c>Swim</c>.</summary>
    public static StravaSportType Swim { get; } = new("Swim");

    /// <summary><c>TableTennis</c>.</summary>
    public static StravaSportType TableTennis { get; } = new("TableTennis");

    /// <summary><c>Tennis</c>.</summary>
    public static StravaSportType Tennis { get; } = new("Tennis");

    /// <summary><c>TrailRun</c>.</summary>
    public static StravaSportType TrailRun { get; } = new("TrailRun");

    /// <summary><c>Velomobile</c>.</summary>
    public static StravaSportType Velomobile { get; } = new("Velomobile");

    /// <summary><c>VirtualRide</c>.</summary>
    public static StravaSportType VirtualRide { get; } = new("VirtualRide");

    /// <summary><c>VirtualRow</c>.</summary>
    public static StravaSportType VirtualRow { get; } = new("VirtualRow");

    /// <summary><c>VirtualRun</c>.</summary>
    public static StravaSportType VirtualRun { get; } = new("VirtualRun");

    /// <summary><c>Volleyball</c>.</summary>
    public static StravaSportType Volleyball { get; } = new("Volleyball");

    /// <summary><c>Walk</c>.</summary>
    public static StravaSportType Walk { get; } = new("Walk");

    /// <summary><c>WeightTraining</c>.</summary>
    public static StravaSportType WeightTraining { get; } = new("WeightTraining");

    /// <summary><c>Wheelchair</c>.</summary>
    public static StravaSportType Wheelchair { get; } = new("Wheelchair");

    /// <summary><c>Windsurf</c>.</summary>
    public static StravaSportType Windsurf { get; } = new("Windsurf");

    /// <summary><c>Workout</c>.</summary>
    public static StravaSportType Workout { get; } = new("Workout");

    /// <summary><c>Yoga</c>.</summary>
    public static StravaSportType Yoga { get; } = new("Yoga");

    /// <summary>The values this SDK names; Strava adds more over time, which simply keep their text.</summary>
    public static IReadOnlyList<StravaSportType> Known { get; } = [AlpineSki, BackcountrySki, Badminton, Basketball, Canoeing, Cricket, Crossfit, Dance, EBikeRide, Elliptical, EMountainBikeRide, Golf, GravelRide, Handcycle, HighIntensityIntervalTraining, Hike, IceSkate, InlineSkate, Kayaking, Kitesurf, MountainBikeRide, NordicSki, Padel, PhysicalTherapy, Pickleball, Pilates, Racquetball, Ride, RockClimbing, RollerSki, Rowing, Run, Sail, Skateboard, Snowboard, Snowshoe, Soccer, Squash, StairStepper, StandUpPaddling, Surfing, Swim, TableTennis, Tennis, TrailRun, Velomobile, VirtualRide, VirtualRow, VirtualRun, Volleyball, Walk, WeightTraining, Wheelchair, Windsurf, Workout, Yoga];

    /// <summary>Whether this is one of <see cref="Known"/>.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static StravaSportType FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}

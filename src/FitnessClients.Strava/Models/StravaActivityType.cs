using System.Text.Json.Serialization;
using FitnessClients.Core.Json;

namespace FitnessClients.Strava.Models;

/// <summary>The deprecated coarse type (<c>type</c>): new sports map to an older type here. Prefer <see cref="StravaSportType"/>.</summary>
/// <param name="Value">The text Strava sends.</param>
[JsonConverter(typeof(OpenEnumJsonConverter<StravaActivityType>))]
public readonly record struct StravaActivityType(string Value) : IOpenEnum<StravaActivityType>
{
    /// <summary><c>AlpineSki</c>.</summary>
    public static StravaActivityType AlpineSki { get; } = new("AlpineSki");

    /// <summary><c>BackcountrySki</c>.</summary>
    public static StravaActivityType BackcountrySki { get; } = new("BackcountrySki");

    /// <summary><c>Canoeing</c>.</summary>
    public static StravaActivityType Canoeing { get; } = new("Canoeing");

    /// <summary><c>Crossfit</c>.</summary>
    public static StravaActivityType Crossfit { get; } = new("Crossfit");

    /// <summary><c>EBikeRide</c>.</summary>
    public static StravaActivityType EBikeRide { get; } = new("EBikeRide");

    /// <summary><c>Elliptical</c>.</summary>
    public static StravaActivityType Elliptical { get; } = new("Elliptical");

    /// <summary><c>Golf</c>.</summary>
    public static StravaActivityType Golf { get; } = new("Golf");

    /// <summary><c>Handcycle</c>.</summary>
    public static StravaActivityType Handcycle { get; } = new("Handcycle");

    /// <summary><c>Hike</c>.</summary>
    public static StravaActivityType Hike { get; } = new("Hike");

    /// <summary><c>IceSkate</c>.</summary>
    public static StravaActivityType IceSkate { get; } = new("IceSkate");

    /// <summary><c>InlineSkate</c>.</summary>
    public static StravaActivityType InlineSkate { get; } = new("InlineSkate");

    /// <summary><c>Kayaking</c>.</summary>
    public static StravaActivityType Kayaking { get; } = new("Kayaking");

    /// <summary><c>Kitesurf</c>.</summary>
    public static StravaActivityType Kitesurf { get; } = new("Kitesurf");

    /// <summary><c>NordicSki</c>.</summary>
    public static StravaActivityType NordicSki { get; } = new("NordicSki");

    /// <summary><c>Ride</c>.</summary>
    public static StravaActivityType Ride { get; } = new("Ride");

    /// <summary><c>RockClimbing</c>.</summary>
    public static StravaActivityType RockClimbing { get; } = new("RockClimbing");

    /// <summary><c>RollerSki</c>.</summary>
    public static StravaActivityType RollerSki { get; } = new("RollerSki");

    /// <summary><c>Rowing</c>.</summary>
    public static StravaActivityType Rowing { get; } = new("Rowing");

    /// <summary><c>Run</c>.</summary>
    public static StravaActivityType Run { get; } = new("Run");

    /// <summary><c>Sail</c>.</summary>
    public static StravaActivityType Sail { get; } = new("Sail");

    /// <summary><c>Skateboard</c>.</summary>
    public static StravaActivityType Skateboard { get; } = new("Skateboard");

    /// <summary><c>Snowboard</c>.</summary>
    public static StravaActivityType Snowboard { get; } = new("Snowboard");

    /// <summary><c>Snowshoe</c>.</summary>
    public static StravaActivityType Snowshoe { get; } = new("Snowshoe");

    /// <summary><c>Soccer</c>.</summary>
    public static StravaActivityType Soccer { get; } = new("Soccer");

    /// <summary><c>StairStepper</c>.</summary>
    public static StravaActivityType StairStepper { get; } = new("StairStepper");

    /// <summary><c>StandUpPaddling</c>.</summary>
    public static StravaActivityType StandUpPaddling { get; } = new("StandUpPaddling");

    /// <summary><c>Surfing</c>.</summary>
    public static StravaActivityType Surfing { get; } = new("Surfing");

    /// <summary><c>Swim</c>.</summary>
    public static StravaActivityType Swim { get; } = new("Swim");

    /// <summary><c>Velomobile</c>.</summary>
    public static StravaActivityType Velomobile { get; } = new("Velomobile");

    /// <summary><c>VirtualRide</c>.</summary>
    public static StravaActivityType VirtualRide { get; } = new("VirtualRide");

    /// <summary><c>VirtualRun</c>.</summary>
    public static StravaActivityType VirtualRun { get; } = new("VirtualRun");

    /// <summary><c>Walk</c>.</summary>
    public static StravaActivityType Walk { get; } = new("Walk");

    /// <summary><c>WeightTraining</c>.</summary>
    public static StravaActivityType WeightTraining { get; } = new("WeightTraining");

    /// <summary><c>Wheelchair</c>.</summary>
    public static StravaActivityType Wheelchair { get; } = new("Wheelchair");

    /// <summary><c>Windsurf</c>.</summary>
    public static StravaActivityType Windsurf { get; } = new("Windsurf");

    /// <summary><c>Workout</c>.</summary>
    public static StravaActivityType Workout { get; } = new("Workout");

    /// <summary><c>Yoga</c>.</summary>
    public static StravaActivityType Yoga { get; } = new("Yoga");

    /// <summary>The values this SDK names; Strava adds more over time, which simply keep their text.</summary>
    public static IReadOnlyList<StravaActivityType> Known { get; } = [AlpineSki, BackcountrySki, Canoeing, Crossfit, EBikeRide, Elliptical, Golf, Handcycle, Hike, IceSkate, InlineSkate, Kayaking, Kitesurf, NordicSki, Ride, RockClimbing, RollerSki, Rowing, Run, Sail, Skateboard, Snowboard, Snowshoe, Soccer, StairStepper, StandUpPaddling, Surfing, Swim, Velomobile, VirtualRide, VirtualRun, Walk, WeightTraining, Wheelchair, Windsurf, Workout, Yoga];

    /// <summary>Whether this is one of <see cref="Known"/>.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static StravaActivityType FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}

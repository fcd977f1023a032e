namespace FitnessClients.Testing;

/// <summary>
/// An activity type as Garmin lists it, plus what the generator needs to make plausible numbers for it.
/// </summary>
/// <param name="TypeId">Garmin's type id.</param>
/// <param name="TypeKey">Garmin's type key.</param>
/// <param name="ParentTypeId">The parent type's id (17 = all).</param>
/// <param name="Family">How it is recorded: foot, bike, swim, fitness, snow, water, multisport or other.</param>
/// <param name="Indoor">Whether it is recorded without GPS.</param>
/// <param name="SpeedRange">Average speed range in m/s; (0, 0) for activities without distance.</param>
/// <param name="MinutesRange">Duration range in minutes.</param>
/// <param name="DisplayName">The word Garmin's default names use, e.g. "Running" in "Denver Running".</param>
/// <param name="FitSport">The FIT <c>sport</c> enum value.</param>
internal sealed record GarminActivityType(
    int TypeId,
    string TypeKey,
    int ParentTypeId,
    GarminActivityFamily Family,
    bool Indoor,
    (double Min, double Max) SpeedRange,
    (int Min, int Max) MinutesRange,
    string DisplayName,
    byte FitSport);

namespace FitnessClients.Testing;

/// <summary>The athlete's devices (synthetic ids and versions; product names are Garmin's).</summary>
internal static class GarminDevices
{
    public static GarminDevice Watch { get; } = new(4_100_001, 3_456_789_012, 41_001, "fr965", "Forerunner 965", "006-B4315-00", "010-02809-00", "22.19");

    public static GarminDevice OldWatch { get; } = new(4_100_002, 3_312_345_678, 36_102, "fenix6pro", "fēnix 6 Pro", "006-B3441-00", "010-02158-02", "27.0");

    public static GarminDevice BikeComputer { get; } = new(4_100_003, 3_498_765_432, 42_207, "edge840", "Edge 840", "006-B4633-00", "010-02695-00", "26.18");

    public static IReadOnlyList<GarminDevice> All { get; } = [Watch, OldWatch, BikeComputer];

    /// <summary>The device that recorded an activity of <paramref name="family"/> on <paramref name="date"/>: the old watch before 2023.</summary>
    public static GarminDevice For(GarminActivityFamily family, bool indoor, DateTime date) =>
        family == GarminActivityFamily.Bike && !indoor ? BikeComputer : date.Year < 2023 ? OldWatch : Watch;

    public static GarminDevice? ByInstallationId(long id) => All.FirstOrDefault(d => d.ApplicationInstallationId == id);

    public static GarminDevice? ByUnitId(long unitId) => All.FirstOrDefault(d => d.UnitId == unitId);
}

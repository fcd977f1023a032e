namespace FitnessClients.Testing;

/// <summary>A synthetic piece of gear and the span of dates it was used.</summary>
internal sealed record GarminGear(long GearPk, string Uuid, string TypeName, string Make, string Model, string DisplayName, DateOnly Begin, DateOnly? End, double MaximumMeters)
{
    /// <summary>The athlete's shoes and bike. The first pair was retired on 2023-01-01.</summary>
    public static IReadOnlyList<GarminGear> All { get; } =
    [
        new(11_001, "6f2b8a1c0d7e4b59a3c6d1e2f3a4b5c6", "Shoes", "Brooks", "Ghost 14", "Old trainers", new DateOnly(2018, 6, 1), new DateOnly(2023, 1, 1), 800_000),
        new(11_002, "0a9b8c7d6e5f40312a3b4c5d6e7f8091", "Shoes", "Hoka", "Speedgoat 5", "Trail shoes", new DateOnly(2023, 1, 1), null, 900_000),
        new(11_003, "1c2d3e4f5a6b47c8d9e0f1a2b3c4d5e6", "Bike", "Canyon", "Grail CF SL", "Gravel bike", new DateOnly(2018, 3, 1), null, 0),
    ];

    /// <summary>The gear used for an activity: shoes for foot activities, the bike for outdoor rides, nothing otherwise.</summary>
    public static IReadOnlyList<GarminGear> For(GarminActivityFamily family, bool indoor, DateOnly date) => family switch
    {
        GarminActivityFamily.Foot => [.. All.Where(g => g.TypeName == "Shoes" && date >= g.Begin && (g.End is null || date < g.End))],
        GarminActivityFamily.Bike when !indoor => [All[2]],
        _ => [],
    };
}

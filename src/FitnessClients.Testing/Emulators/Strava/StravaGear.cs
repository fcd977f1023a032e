namespace FitnessClients.Testing;

/// <summary>A shoe (<c>g…</c>) or bike (<c>b…</c>) of the emulated athlete.</summary>
internal sealed record StravaGear(string Id, string Name, string Brand, string Model, bool Retired, bool Primary, int? FrameType)
{
    public bool IsBike => Id.StartsWith('b');

    public static IReadOnlyList<StravaGear> All { get; } =
    [
        new("g1001", "Adidas Supernova ST", "Adidas", "Supernova ST", Retired: true, Primary: false, null),
        new("g1002", "Trail shoes", "Salomon", "Speedcross 6", Retired: false, Primary: true, null),
        new("b2001", "Trek", "Trek", "450", Retired: false, Primary: true, 3),
        new("b2002", "Old gravel bike", "Canyon", "Grail", Retired: true, Primary: false, 5),
    ];
}

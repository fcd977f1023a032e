namespace FitnessClients.Testing;

/// <summary>One seeded activity before its id and numbers are decided: when, where, what kind, and any forced edge case.</summary>
internal sealed class GarminSeedSlot
{
    public required int Index { get; init; }

    public required ulong Seed { get; init; }

    public int DayNumber { get; set; }

    public int MinuteOfDay { get; set; }

    public int Second { get; set; }

    public required GarminTimeZone Zone { get; set; }

    public GarminActivityKind Kind { get; set; }

    public string? TypeKey { get; set; }

    public string? Name { get; set; }

    public bool NoName { get; set; }

    public bool Legacy { get; set; }

    public int MultisportVariant { get; set; }

    public GarminSeedSlot? SameStartAs { get; set; }

    public DateTime Local { get; set; }

    public TimeSpan Offset { get; set; }

    public DateTime Utc => Local - Offset;
}

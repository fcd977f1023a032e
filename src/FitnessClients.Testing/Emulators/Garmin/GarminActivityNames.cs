namespace FitnessClients.Testing;

/// <summary>Synthetic activity names and descriptions: Garmin's default "{place} {sport}" pattern and names people type.</summary>
internal static class GarminActivityNames
{
    private static readonly string[] FootNames =
    [
        "Long run", "Intervals 6×800 m", "Easy recovery", "Tempo 🔥", "Hill repeats", "Parkrun 🏃", "Lunch run", "Sunday long run with friends",
    ];

    private static readonly string[] BikeNames =
    [
        "Commute", "Café ride ☕", "Gravel loop", "Sweet spot 2×20", "Club ride", "Col de la Croix-de-Fer 🚴",
    ];

    private static readonly string[] OtherNames =
    [
        "Lunch workout", "Evening session", "Recovery 😴", "Core + mobility",
    ];

    private static readonly string[] Descriptions =
    [
        "Felt strong today.",
        "Windy.\nLegs heavy after yesterday.",
        "With the club — 12 people 👍",
        "Shoes: new pair, first outing. Notes: keep cadence > 170 & HR < 150.",
    ];

    public static string Default(GarminActivityType type, GarminTimeZone zone, DeterministicRandom random)
    {
        if (random.Chance(0.35))
        {
            return random.Pick(type.Family switch
            {
                GarminActivityFamily.Foot => FootNames,
                GarminActivityFamily.Bike => BikeNames,
                _ => OtherNames,
            });
        }

        return type.Indoor || type.Family == GarminActivityFamily.Fitness ? type.DisplayName : $"{zone.Place} {type.DisplayName}";
    }

    public static string? Description(DeterministicRandom random) => random.Chance(0.15) ? random.Pick(Descriptions) : null;
}

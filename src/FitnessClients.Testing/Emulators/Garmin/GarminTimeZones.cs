namespace FitnessClients.Testing;

/// <summary>The zones the emulated athlete lives and travels in, chosen for offsets west and east of UTC, half and quarter hours, DST and ±13 h.</summary>
internal static class GarminTimeZones
{
    public static GarminTimeZone Denver { get; } = new("America/Denver", 50, TimeSpan.FromHours(-7), GarminDstRule.NorthAmerica, 39.7392, -104.9903, 1609, "Denver");

    public static GarminTimeZone Honolulu { get; } = new("Pacific/Honolulu", 3, TimeSpan.FromHours(-10), GarminDstRule.None, 21.3069, -157.8583, 5, "Honolulu");

    public static GarminTimeZone CostaRica { get; } = new("America/Costa_Rica", 150, TimeSpan.FromHours(-6), GarminDstRule.None, 9.9281, -84.0907, 1170, "San José");

    public static GarminTimeZone StJohns { get; } = new("America/St_Johns", 28, new TimeSpan(-3, -30, 0), GarminDstRule.NorthAmerica, 47.5615, -52.7126, 60, "St. John's");

    public static GarminTimeZone SaoPaulo { get; } = new("America/Sao_Paulo", 33, TimeSpan.FromHours(-3), GarminDstRule.None, -23.5505, -46.6333, 760, "São Paulo");

    public static GarminTimeZone London { get; } = new("Europe/London", 117, TimeSpan.Zero, GarminDstRule.Europe, 51.5072, -0.1276, 20, "London");

    public static GarminTimeZone Paris { get; } = new("Europe/Paris", 124, TimeSpan.FromHours(1), GarminDstRule.Europe, 48.8566, 2.3522, 40, "Paris");

    public static GarminTimeZone Kathmandu { get; } = new("Asia/Kathmandu", 95, new TimeSpan(5, 45, 0), GarminDstRule.None, 27.7172, 85.3240, 1400, "Kathmandu");

    public static GarminTimeZone Tokyo { get; } = new("Asia/Tokyo", 98, TimeSpan.FromHours(9), GarminDstRule.None, 35.6762, 139.6503, 40, "Tokyo");

    public static GarminTimeZone Darwin { get; } = new("Australia/Darwin", 104, new TimeSpan(9, 30, 0), GarminDstRule.None, -12.4634, 130.8456, 30, "Darwin");

    public static GarminTimeZone Tongatapu { get; } = new("Pacific/Tongatapu", 165, TimeSpan.FromHours(13), GarminDstRule.None, -21.1394, -175.2046, 10, "Nukuʻalofa");

    /// <summary>Where the athlete lives.</summary>
    public static GarminTimeZone Home => Denver;

    /// <summary>Where the athlete travels.</summary>
    public static IReadOnlyList<GarminTimeZone> Travel { get; } = [Honolulu, CostaRica, StJohns, SaoPaulo, London, Paris, Kathmandu, Tokyo, Darwin, Tongatapu];

    public static IReadOnlyList<GarminTimeZone> All { get; } = [Denver, .. Travel];

    public static GarminTimeZone ByName(string name) => All.FirstOrDefault(z => string.Equals(z.Name, name, StringComparison.Ordinal)) ?? Home;
}

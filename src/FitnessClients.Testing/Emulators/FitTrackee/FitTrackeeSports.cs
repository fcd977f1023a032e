namespace FitnessClients.Testing;

/// <summary>The sports a fresh FitTrackee 1.2.2 database has, with the ids its migrations create them with.</summary>
public static class FitTrackeeSports
{
    /// <summary>The 29 default sports in id order.</summary>
    public static IReadOnlyList<FitTrackeeSport> Defaults { get; } =
    [
        new(1, "Cycling (Sport)", 1),
        new(2, "Cycling (Transport)", 1),
        new(3, "Hiking", 0.1),
        new(4, "Mountain Biking", 1),
        new(5, "Running", 0.1),
        new(6, "Walking", 0.1),
        new(7, "Mountain Biking (Electric)", 1),
        new(8, "Trail", 0.1),
        new(9, "Skiing (Alpine)", 1),
        new(10, "Skiing (Cross Country)", 1),
        new(11, "Rowing", 1),
        new(12, "Snowshoes", 0.1),
        new(13, "Cycling (Virtual)", 1),
        new(14, "Mountaineering", 0.1),
        new(15, "Paragliding", 1),
        new(16, "Open Water Swimming", 0.1),
        new(17, "Cycling (Trekking)", 1),
        new(18, "Swimrun", 0.1),
        new(19, "Kayaking", 0.1),
        new(20, "Canoeing", 0.1),
        new(21, "Halfbike", 1),
        new(22, "Windsurfing", 1),
        new(23, "Standup Paddleboarding", 0.1),
        new(24, "Tennis (Outdoor)", 0.1),
        new(25, "Padel (Outdoor)", 0.1),
        new(26, "Canoeing (Whitewater)", 0.1),
        new(27, "Kayaking (Whitewater)", 0.1),
        new(28, "Ice Skating", 0.1),
        new(29, "Inline Skating", 0.1),
    ];
}

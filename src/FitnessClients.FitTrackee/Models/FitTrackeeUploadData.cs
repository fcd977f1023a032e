namespace FitnessClients.FitTrackee.Models;

/// <summary>
/// The <c>data</c> part of a file upload. Its members are exactly the keys FitTrackee accepts (any other key makes
/// the server fail with a 500), and unset members are left out.
/// </summary>
public sealed record FitTrackeeUploadData
{
    /// <summary>The instance's sport id (resolve it by label with <c>Sports.ResolveAsync</c>). Required.</summary>
    public required int SportId { get; init; }

    /// <summary>The title; without one FitTrackee uses the track name or "Sport - date". Up to 255 characters.</summary>
    public string? Title { get; init; }

    /// <summary>Notes, up to 500 characters (FitTrackee cuts longer ones).</summary>
    public string? Notes { get; init; }

    /// <summary>The description, up to 10 000 characters.</summary>
    public string? Description { get; init; }

    /// <summary>Who may see the workout (<see cref="FitTrackeeVisibility"/>); the user's default when unset.</summary>
    public string? WorkoutVisibility { get; init; }

    /// <summary>Who may see the analysis.</summary>
    public string? AnalysisVisibility { get; init; }

    /// <summary>Who may see the map.</summary>
    public string? MapVisibility { get; init; }

    /// <summary>Equipment short ids; unset attaches the sport's default equipment, empty attaches none.</summary>
    public IReadOnlyList<string>? EquipmentIds { get; init; }
}

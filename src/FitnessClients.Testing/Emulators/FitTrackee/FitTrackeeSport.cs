namespace FitnessClients.Testing;

/// <summary>A sport of the emulated instance, as <c>GET /api/sports</c> lists it.</summary>
/// <param name="Id">The id (a database serial at FitTrackee: resolve sports by label, never by id).</param>
/// <param name="Label">The label, e.g. <c>Cycling (Sport)</c>.</param>
/// <param name="StoppedSpeedThreshold">Below this speed (km/h) the user counts as stopped.</param>
/// <param name="IsActive">Whether the administrator left it active.</param>
public sealed record FitTrackeeSport(int Id, string Label, double StoppedSpeedThreshold, bool IsActive = true)
{
    /// <summary>Whether FitTrackee shows pace rather than speed for it (Hiking, Running, Trail, Walking), and lists <c>pace_speed_display</c>.</summary>
    public bool IsPaceSport => Label is "Hiking" or "Running" or "Trail" or "Walking";

    /// <summary>Whether FitTrackee hides elevation data for it (flat-water, racket and ice sports).</summary>
    public bool HidesElevation => Label is "Ice Skating" or "Padel (Outdoor)" or "Tennis (Outdoor)" or "Canoeing" or "Kayaking"
        or "Open Water Swimming" or "Rowing" or "Standup Paddleboarding";
}

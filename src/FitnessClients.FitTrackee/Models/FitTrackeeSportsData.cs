namespace FitnessClients.FitTrackee.Models;

/// <summary>The <c>data</c> of <c>GET /api/sports</c>.</summary>
public sealed record FitTrackeeSportsData
{
    /// <summary>The instance's sports, active or not.</summary>
    public IReadOnlyList<FitTrackeeSport> Sports { get; init; } = [];
}

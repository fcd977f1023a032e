namespace FitnessClients.FitTrackee.Models;

/// <summary>The <c>data</c> of <c>GET /api/sports</c>.</summary>
internal sealed record FitTrackeeSportsData
{
    public IReadOnlyList<FitTrackeeSport> Sports { get; init; } = [];
}

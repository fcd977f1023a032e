namespace FitnessClients.FitTrackee.Models;

/// <summary>A sport of the instance (<c>GET /api/sports</c>). Ids differ between instances: resolve by <see cref="Label"/>.</summary>
public sealed record FitTrackeeSport
{
    /// <summary>The instance's id of the sport.</summary>
    public int Id { get; init; }

    /// <summary>The sport's name, e.g. <c>Cycling (Sport)</c>; stable across instances.</summary>
    public string Label { get; init; } = string.Empty;

    /// <summary>Whether the administrator has the sport enabled.</summary>
    public bool? IsActive { get; init; }

    /// <summary>Whether the user has the sport enabled.</summary>
    public bool? IsActiveForUser { get; init; }

    /// <summary>The user's colour for the sport.</summary>
    public string? Color { get; init; }

    /// <summary>The speed (km/h) under which the sport counts as stopped.</summary>
    public double? StoppedSpeedThreshold { get; init; }
}

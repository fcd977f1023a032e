using System.Text.Json.Serialization;

namespace FitnessClients.FitTrackee.Models;

/// <summary>The signed-in user (<c>GET /api/auth/profile</c>, needs <c>profile:read</c>).</summary>
public sealed record FitTrackeeProfile
{
    /// <summary>The user name.</summary>
    public string? Username { get; init; }

    /// <summary>The e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>
    /// The user's IANA timezone, e.g. <c>Europe/Paris</c>. FitTrackee reads manual workouts' dates and the list's
    /// <c>from</c>/<c>to</c> filters in it; <see langword="null"/> means UTC.
    /// </summary>
    public string? Timezone { get; init; }

    /// <summary>How many workouts the user has.</summary>
    public int? NbWorkouts { get; init; }

    /// <summary>Whether the user sees miles and feet.</summary>
    public bool? ImperialUnits { get; init; }

    /// <summary>The interface language.</summary>
    public string? Language { get; init; }

    /// <summary>When the account was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>
    /// <see cref="Timezone"/> as a <see cref="TimeZoneInfo"/>: UTC when none is set.
    /// </summary>
    /// <exception cref="TimeZoneNotFoundException">This machine does not know the profile's timezone.</exception>
    [JsonIgnore]
    public TimeZoneInfo TimeZoneInfo =>
        string.IsNullOrWhiteSpace(Timezone) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(Timezone.Trim());
}

using System.Text.Json;

namespace FitnessClients.Core.Activities;

/// <summary>
/// One activity as every service describes it, in the units and types the backup engine and sync work with.
/// </summary>
/// <remarks>
/// <see cref="StartTime"/> carries the activity's real UTC offset where the service reports one (a run in
/// Denver starts at <c>07:00-06:00</c>, not <c>13:00+00:00</c> and never <c>07:00+18:00</c>).
/// </remarks>
public sealed record ActivitySummary
{
    /// <summary>The service the activity comes from, e.g. <c>garmin</c>.</summary>
    public required string Service { get; init; }

    /// <summary>The service's id for the activity (Garmin and Strava ids are 64-bit numbers, kept as text).</summary>
    public required string Id { get; init; }

    /// <summary>When the activity started, with the local UTC offset of where it happened.</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>The service's sport or activity type key, e.g. <c>running</c> or <c>Ride</c>.</summary>
    public string? Sport { get; init; }

    /// <summary>The activity's name as the user sees it.</summary>
    public string? Name { get; init; }

    /// <summary>The distance in metres.</summary>
    public double? DistanceMeters { get; init; }

    /// <summary>The time spent moving.</summary>
    public TimeSpan? MovingTime { get; init; }

    /// <summary>The time from start to finish, pauses included.</summary>
    public TimeSpan? ElapsedTime { get; init; }

    /// <summary>Whether the activity has a GPS track (manual and indoor activities do not).</summary>
    public bool HasGpsTrack { get; init; }

    /// <summary>The service's own JSON for the activity, untouched, for columns and formats this record does not cover.</summary>
    public JsonElement? Raw { get; init; }
}

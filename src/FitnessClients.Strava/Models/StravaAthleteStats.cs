using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Strava.Models;

/// <summary>Totals of the athlete's public activities (<c>GET /athletes/{id}/stats</c>).</summary>
public sealed record StravaAthleteStats
{
    /// <summary>Metres.</summary>
    [JsonPropertyName("biggest_ride_distance")]
    public double? BiggestRideDistance { get; init; }

    /// <summary>Metres.</summary>
    [JsonPropertyName("biggest_climb_elevation_gain")]
    public double? BiggestClimbElevationGain { get; init; }

    /// <summary>Recent ridetotals totals.</summary>
    [JsonPropertyName("recent_ride_totals")]
    public StravaActivityTotal? RecentRideTotals { get; init; }

    /// <summary>Recent runtotals totals.</summary>
    [JsonPropertyName("recent_run_totals")]
    public StravaActivityTotal? RecentRunTotals { get; init; }

    /// <summary>Recent swimtotals totals.</summary>
    [JsonPropertyName("recent_swim_totals")]
    public StravaActivityTotal? RecentSwimTotals { get; init; }

    /// <summary>All ridetotals totals.</summary>
    [JsonPropertyName("all_ride_totals")]
    public StravaActivityTotal? AllRideTotals { get; init; }

    /// <summary>All runtotals totals.</summary>
    [JsonPropertyName("all_run_totals")]
    public StravaActivityTotal? AllRunTotals { get; init; }

    /// <summary>All swimtotals totals.</summary>
    [JsonPropertyName("all_swim_totals")]
    public StravaActivityTotal? AllSwimTotals { get; init; }

    /// <summary>Ytd ridetotals totals.</summary>
    [JsonPropertyName("ytd_ride_totals")]
    public StravaActivityTotal? YtdRideTotals { get; init; }

    /// <summary>Ytd runtotals totals.</summary>
    [JsonPropertyName("ytd_run_totals")]
    public StravaActivityTotal? YtdRunTotals { get; init; }

    /// <summary>Ytd swimtotals totals.</summary>
    [JsonPropertyName("ytd_swim_totals")]
    public StravaActivityTotal? YtdSwimTotals { get; init; }

    /// <summary>Fields this model does not name, kept so nothing Strava sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

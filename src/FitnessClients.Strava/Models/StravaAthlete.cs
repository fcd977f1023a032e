using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Strava.Models;

/// <summary>The signed-in athlete (<c>GET /athlete</c>); detailed with profile:read_all, a summary otherwise.</summary>
public sealed record StravaAthlete
{
    /// <summary>The athlete id.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    /// <summary>The user name.</summary>
    [JsonPropertyName("username")]
    public string? Username { get; init; }

    /// <summary>2 summary, 3 detailed.</summary>
    [JsonPropertyName("resource_state")]
    public int? ResourceState { get; init; }

    /// <summary>First name.</summary>
    [JsonPropertyName("firstname")]
    public string? Firstname { get; init; }

    /// <summary>Last name.</summary>
    [JsonPropertyName("lastname")]
    public string? Lastname { get; init; }

    /// <summary>Profile text.</summary>
    [JsonPropertyName("bio")]
    public string? Bio { get; init; }

    /// <summary>City.</summary>
    [JsonPropertyName("city")]
    public string? City { get; init; }

    /// <summary>State.</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    /// <summary>Country.</summary>
    [JsonPropertyName("country")]
    public string? Country { get; init; }

    /// <summary>M, F or null.</summary>
    [JsonPropertyName("sex")]
    public string? Sex { get; init; }

    /// <summary>Old name of Summit.</summary>
    [JsonPropertyName("premium")]
    public bool? Premium { get; init; }

    /// <summary>A subscriber.</summary>
    [JsonPropertyName("summit")]
    public bool? Summit { get; init; }

    /// <summary>Joined.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Last profile change.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>A 62 px picture URL.</summary>
    [JsonPropertyName("profile_medium")]
    public string? ProfileMedium { get; init; }

    /// <summary>A 124 px picture URL.</summary>
    [JsonPropertyName("profile")]
    public string? Profile { get; init; }

    /// <summary><c>feet</c> or <c>meters</c>.</summary>
    [JsonPropertyName("measurement_preference")]
    public string? MeasurementPreference { get; init; }

    /// <summary>Date format.</summary>
    [JsonPropertyName("date_preference")]
    public string? DatePreference { get; init; }

    /// <summary>Functional threshold power.</summary>
    [JsonPropertyName("ftp")]
    public int? Ftp { get; init; }

    /// <summary>Kilograms.</summary>
    [JsonPropertyName("weight")]
    public double? Weight { get; init; }

    /// <summary>Active bikes (retired ones are left out).</summary>
    [JsonPropertyName("bikes")]
    public IReadOnlyList<StravaSummaryGear>? Bikes { get; init; }

    /// <summary>Active shoes (retired ones are left out).</summary>
    [JsonPropertyName("shoes")]
    public IReadOnlyList<StravaSummaryGear>? Shoes { get; init; }

    /// <summary>Fields this model does not name, kept so nothing Strava sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

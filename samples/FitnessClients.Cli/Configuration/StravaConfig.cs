using System.Text.Json.Serialization;

namespace FitnessClients.Cli.Configuration;

/// <summary>The <c>strava</c> section of <c>config.json</c>.</summary>
public sealed class StravaConfig
{
    /// <summary>Your API application's Client ID from strava.com/settings/api (env <c>FITNESSCLIENTS_STRAVA_CLIENT_ID</c>).</summary>
    [JsonPropertyName("clientId")]
    public string? ClientId { get; set; }

    /// <summary>Your API application's Client Secret (env <c>FITNESSCLIENTS_STRAVA_CLIENT_SECRET</c>); keep config.json private.</summary>
    [JsonPropertyName("clientSecret")]
    public string? ClientSecret { get; set; }

    /// <summary>The key of the token in the store, one per athlete (env <c>FITNESSCLIENTS_STRAVA_TOKEN_KEY</c>).</summary>
    [JsonPropertyName("tokenKey")]
    public string? TokenKey { get; set; }

    /// <summary>
    /// The website's <c>strava_remember_token</c> cookie, for original files (env <c>FITNESSCLIENTS_STRAVA_REMEMBER_TOKEN</c>);
    /// it lasts about 30 days.
    /// </summary>
    [JsonPropertyName("rememberToken")]
    public string? RememberToken { get; set; }

    /// <summary>The default backup folder (env <c>FITNESSCLIENTS_STRAVA_BACKUP_DIR</c>).</summary>
    [JsonPropertyName("backupDir")]
    public string? BackupDir { get; set; }

    /// <summary>The default backup formats.</summary>
    [JsonPropertyName("formats")]
    public IList<string>? Formats { get; init; }

    /// <summary>The default number of parallel downloads.</summary>
    [JsonPropertyName("concurrency")]
    public int? Concurrency { get; set; }
}

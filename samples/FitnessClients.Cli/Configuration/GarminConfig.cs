using System.Text.Json.Serialization;

namespace FitnessClients.Cli.Configuration;

/// <summary>The <c>garmin</c> section of <c>config.json</c>.</summary>
public sealed class GarminConfig
{
    /// <summary>The key of the token in the store, one per account (env <c>FITNESSCLIENTS_GARMIN_TOKEN_KEY</c>).</summary>
    [JsonPropertyName("tokenKey")]
    public string? TokenKey { get; set; }

    /// <summary><c>garmin.com</c> or <c>garmin.cn</c> (env <c>FITNESSCLIENTS_GARMIN_DOMAIN</c>).</summary>
    [JsonPropertyName("domain")]
    public string? Domain { get; set; }

    /// <summary>The default backup folder (env <c>FITNESSCLIENTS_GARMIN_BACKUP_DIR</c>).</summary>
    [JsonPropertyName("backupDir")]
    public string? BackupDir { get; set; }

    /// <summary>The default backup formats.</summary>
    [JsonPropertyName("formats")]
    public IList<string>? Formats { get; init; }

    /// <summary>The default number of parallel downloads.</summary>
    [JsonPropertyName("concurrency")]
    public int? Concurrency { get; set; }
}

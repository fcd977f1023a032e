using System.Text.Json.Serialization;

namespace FitnessClients.Cli.Configuration;

/// <summary>The <c>runkeeper</c> section of <c>config.json</c>.</summary>
public sealed class RunkeeperConfig
{
    /// <summary>The key of the token in the store (env <c>FITNESSCLIENTS_RUNKEEPER_TOKEN_KEY</c>; default <c>runkeeper</c>).</summary>
    [JsonPropertyName("tokenKey")]
    public string? TokenKey { get; set; }

    /// <summary>The default backup folder (env <c>FITNESSCLIENTS_RUNKEEPER_BACKUP_DIR</c>).</summary>
    [JsonPropertyName("backupDir")]
    public string? BackupDir { get; set; }

    /// <summary>The default data export ZIP for <c>backup</c> (env <c>FITNESSCLIENTS_RUNKEEPER_EXPORT</c>).</summary>
    [JsonPropertyName("export")]
    public string? Export { get; set; }

    /// <summary>The Health Graph app's client id, for the code exchange (env <c>FITNESSCLIENTS_RUNKEEPER_CLIENT_ID</c>).</summary>
    [JsonPropertyName("clientId")]
    public string? ClientId { get; set; }

    /// <summary>The IANA zone assumed for activities without an offset (env <c>FITNESSCLIENTS_RUNKEEPER_TIME_ZONE</c>).</summary>
    [JsonPropertyName("timeZone")]
    public string? TimeZone { get; set; }

    /// <summary>The API root, to go through a proxy (env <c>FITNESSCLIENTS_RUNKEEPER_BASE_URL</c>).</summary>
    [JsonPropertyName("baseUrl")]
    public string? BaseUrl { get; set; }

    /// <summary>The OAuth root (env <c>FITNESSCLIENTS_RUNKEEPER_OAUTH_URL</c>).</summary>
    [JsonPropertyName("oauthUrl")]
    public string? OAuthUrl { get; set; }

    /// <summary>Requests per quarter hour the client allows itself (default 100).</summary>
    [JsonPropertyName("requestsPerQuarterHour")]
    public int? RequestsPerQuarterHour { get; set; }
}

using System.Text.Json.Serialization;

namespace FitnessClients.Cli.Configuration;

/// <summary>The <c>fittrackee</c> section of <c>config.json</c>.</summary>
public sealed class FitTrackeeConfig
{
    /// <summary>The instance's address, e.g. <c>https://fittrackee.example.org/</c> (env <c>FITNESSCLIENTS_FITTRACKEE_URL</c>).</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>The OAuth app's client id (env <c>FITNESSCLIENTS_FITTRACKEE_CLIENT_ID</c>).</summary>
    [JsonPropertyName("clientId")]
    public string? ClientId { get; set; }

    /// <summary>The OAuth app's client secret; better in env <c>FITNESSCLIENTS_FITTRACKEE_CLIENT_SECRET</c> than in a file.</summary>
    [JsonPropertyName("clientSecret")]
    public string? ClientSecret { get; set; }

    /// <summary>The app's first registered redirect URI (env <c>FITNESSCLIENTS_FITTRACKEE_REDIRECT_URI</c>; default <c>http://127.0.0.1:8765/callback</c>).</summary>
    [JsonPropertyName("redirectUri")]
    public string? RedirectUri { get; set; }

    /// <summary>The key of the token in the store (env <c>FITNESSCLIENTS_FITTRACKEE_TOKEN_KEY</c>; default <c>fittrackee</c>).</summary>
    [JsonPropertyName("tokenKey")]
    public string? TokenKey { get; set; }

    /// <summary>The default backup folder (env <c>FITNESSCLIENTS_FITTRACKEE_BACKUP_DIR</c>).</summary>
    [JsonPropertyName("backupDir")]
    public string? BackupDir { get; set; }

    /// <summary>A PEM or DER file of the CA that issued the instance's certificate (a private CA).</summary>
    [JsonPropertyName("caCertificate")]
    public string? CaCertificate { get; set; }

    /// <summary>Allow plain http:// to a host other than this machine (only on a network you fully trust).</summary>
    [JsonPropertyName("allowInsecureHttp")]
    public bool? AllowInsecureHttp { get; set; }

    /// <summary>Extra activity-type → FitTrackee sport label mappings for <c>upload</c>, e.g. <c>{"Run": "Trail"}</c>.</summary>
    [JsonPropertyName("sportMap")]
    public IDictionary<string, string>? SportMap { get; init; }
}

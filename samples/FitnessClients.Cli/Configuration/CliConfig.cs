using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitnessClients.Cli.Configuration;

/// <summary>The contents of <c>config.json</c>; every value can be overridden by an environment variable, then a flag.</summary>
public sealed class CliConfig
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The token folder (default <c>&lt;config&gt;/tokens</c>).</summary>
    [JsonPropertyName("tokenDirectory")]
    public string? TokenDirectory { get; set; }

    /// <summary>Garmin settings.</summary>
    [JsonPropertyName("garmin")]
    public GarminConfig Garmin { get; set; } = new();

    /// <summary>FitTrackee settings.</summary>
    [JsonPropertyName("fittrackee")]
    public FitTrackeeConfig FitTrackee { get; set; } = new();

    /// <summary>Reads <c>&lt;folder&gt;/config.json</c>, or returns defaults when it does not exist.</summary>
    /// <exception cref="CliUsageException">The file is not valid JSON.</exception>
    public static CliConfig Load(string folder)
    {
        var path = Path.Combine(folder, "config.json");
        if (!File.Exists(path))
        {
            return new CliConfig();
        }

        try
        {
            return JsonSerializer.Deserialize<CliConfig>(File.ReadAllText(path), JsonOptions) ?? new CliConfig();
        }
        catch (JsonException ex)
        {
            throw new CliUsageException($"{path} is not valid JSON: {ex.Message}");
        }
    }
}

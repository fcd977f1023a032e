using System.Text.Json;
using FitnessClients.Core.Json;

namespace FitnessClients.Strava.Models;

/// <summary>The JSON options the Strava client reads and writes with: Core's lenient converters over <see cref="StravaJsonContext"/>.</summary>
public static class StravaJson
{
    /// <summary>Shared, read-only options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = FitnessJson.CreateOptions(StravaJsonContext.Default);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.MakeReadOnly();
        return options;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FitnessClients.Core.Json;

namespace FitnessClients.Strava.Models;

/// <summary>The JSON options the Strava client reads and writes with: Core's lenient converters over <see cref="StravaJsonContext"/>.</summary>
public static class StravaJson
{
    /// <summary>Shared, read-only options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The metadata of <typeparamref name="T"/> under <see cref="Options"/> (with Core's lenient converters).</summary>
    /// <typeparam name="T">A type listed in <see cref="StravaJsonContext"/>.</typeparam>
    /// <returns>The type info.</returns>
    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create()
    {
        var options = FitnessJson.CreateOptions(StravaJsonContext.Default);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.MakeReadOnly();
        return options;
    }
}

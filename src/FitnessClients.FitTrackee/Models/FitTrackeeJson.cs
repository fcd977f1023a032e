using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FitnessClients.Core.Json;

namespace FitnessClients.FitTrackee.Models;

/// <summary>The JSON options of the FitTrackee client: Core's lenient converters (RFC 1123 dates, numbers in strings) over <see cref="FitTrackeeJsonContext"/>.</summary>
internal static class FitTrackeeJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create()
    {
        var options = FitnessJson.CreateOptions(FitTrackeeJsonContext.Default);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.MakeReadOnly();
        return options;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FitnessClients.Core.Json;

namespace FitnessClients.FitTrackee.Models;

/// <summary>
/// The JSON options of the FitTrackee client: snake_case names and Core's lenient converters (RFC 1123 dates, numbers
/// in strings) over source-generated metadata, so nothing is read by reflection.
/// </summary>
/// <example>
/// An <see cref="Api.IFitTrackeeApi"/> over an <see cref="HttpClient"/> of your own (one that already authenticates):
/// <code>
/// var api = RestService.ForGenerated&lt;IFitTrackeeApi&gt;(httpClient, FitnessRefit.CreateSettings(FitTrackeeJson.Options));
/// </code>
/// </example>
public static class FitTrackeeJson
{
    /// <summary>Shared, read-only options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The metadata of <typeparamref name="T"/> under <see cref="Options"/>.</summary>
    /// <typeparam name="T">A type the FitTrackee models use.</typeparam>
    /// <returns>The type info.</returns>
    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create()
    {
        var options = FitnessJson.CreateOptions(FitTrackeeJsonContext.Default);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.MakeReadOnly();
        return options;
    }
}

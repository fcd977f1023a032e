using System.Text.Json;
using Refit;

namespace FitnessClients.Core.Http;

/// <summary>
/// The Refit settings every service's typed API (<c>Api/I&lt;Service&gt;Api.cs</c>) is created with: bodies read and
/// written by System.Text.Json with the service's source-generated options, so no reflection is needed and the
/// clients trim and compile ahead of time.
/// </summary>
/// <remarks>
/// The pipeline's error mapping (outermost handler) throws the SDK's typed exceptions before a failed response
/// reaches Refit, and these settings let them (and JSON errors) through unwrapped, so Refit's own
/// <c>ApiException</c> and <c>ApiRequestException</c> are never seen by callers. Route templates start with <c>/</c>
/// and are appended to the path of the client's base address (Refit's default URL resolution).
/// </remarks>
/// <example>
/// <code>
/// var api = RestService.ForGenerated&lt;IStravaApi&gt;(httpClient, FitnessRefit.CreateSettings(StravaJson.Options));
/// </code>
/// </example>
public static class FitnessRefit
{
    /// <summary>Creates settings that serialise with <paramref name="jsonOptions"/>.</summary>
    /// <param name="jsonOptions">The service's options, whose resolver is its source-generated JSON context.</param>
    public static RefitSettings CreateSettings(JsonSerializerOptions jsonOptions)
    {
        ArgumentNullException.ThrowIfNull(jsonOptions);
        return new RefitSettings(new SystemTextJsonContentSerializer(jsonOptions))
        {
            // Refit 16 wraps whatever HttpClient.SendAsync throws in its ApiRequestException by default, and that
            // includes the typed exceptions the pipeline's error mapping throws; they must reach callers as they are.
            TransportExceptionFactory = static (_, exception, _) => exception,

            // A 2xx body that is not the JSON the model expects (an HTML page from a proxy, a body cut off mid-way)
            // surfaces as the serializer's own JsonException, as it did before Refit, rather than Refit's ApiException.
            DeserializationExceptionFactory = static (_, exception) => new ValueTask<Exception?>(exception),
        };
    }
}

using FitnessClients.Core.Http;
using FitnessClients.GarminConnect.Models;
using Refit;

namespace FitnessClients.GarminConnect.Http;

/// <summary>The Refit settings <see cref="Api.IGarminConnectApi"/> is created with, by the facade and by dependency injection alike.</summary>
internal static class GarminRefit
{
    /// <summary>Shared: the settings are only read while requests are built and answers read.</summary>
    public static RefitSettings Settings { get; } = Create();

    private static RefitSettings Create()
    {
        var settings = FitnessRefit.CreateSettings(GarminJson.Options);

        // Refit 16 wraps whatever HttpClient.SendAsync throws in its ApiRequestException (or, for IApiResponse
        // methods, hides it in the response's Error). The pipeline's error mapping already threw the SDK's typed
        // exception there (ResourceNotFoundException for a download's 404, the 409 duplicate of an upload), so it
        // must reach the caller as it is.
        settings.TransportExceptionFactory = static (_, exception, _) => exception;
        return settings;
    }
}

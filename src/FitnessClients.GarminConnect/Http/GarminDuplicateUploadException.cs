using FitnessClients.Core;
using FitnessClients.GarminConnect.Models;

namespace FitnessClients.GarminConnect.Http;

/// <summary>
/// Carries a 409 answer of the upload endpoint from the error mapping (which can only throw) to
/// <see cref="Clients.GarminUploadsClient"/>, which turns it into a duplicate result. A caller of
/// <see cref="Api.IGarminConnectApi.UploadAsync"/> sees it as its base type, a <see cref="FitnessApiException"/> with status 409.
/// </summary>
internal sealed class GarminDuplicateUploadException : FitnessApiException
{
    public GarminDuplicateUploadException(string message, GarminUploadResponse? response)
        : base(message)
    {
        Response = response;
    }

    public GarminDuplicateUploadException()
        : base("Garmin already has this activity.")
    {
    }

    public GarminDuplicateUploadException(string message)
        : base(message)
    {
    }

    public GarminDuplicateUploadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GarminUploadResponse? Response { get; }
}

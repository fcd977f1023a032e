using System.Net;
using System.Text.Json;
using FitnessClients.Core;
using FitnessClients.GarminConnect.Models;

namespace FitnessClients.GarminConnect.Http;

/// <summary>Garmin's additions to the SDK's error mapping.</summary>
internal static class GarminErrorMapping
{
    public const string ServiceName = "garmin";

    public static ErrorMappingOptions CreateOptions() => new()
    {
        ServiceName = ServiceName,
        CustomMapper = Map,
    };

    /// <summary>
    /// A 409 from the upload endpoint is Garmin's "duplicate activity" answer, not a failure: its body names the
    /// existing activity (<c>failures[0].internalId</c>), which the uploads client needs. The mapper only parses the
    /// (unscrubbed) body into the model and never puts it into the message.
    /// </summary>
    public static FitnessApiException? Map(ErrorResponseInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.StatusCode != HttpStatusCode.Conflict
            || info.RequestUri is null
            || !info.RequestUri.AbsolutePath.Contains("upload-service/upload", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        GarminUploadResponse? response = null;
        if (!string.IsNullOrWhiteSpace(info.Body) && !info.BodyTruncated)
        {
            try
            {
                response = JsonSerializer.Deserialize(info.Body, GarminJson.Info<GarminUploadResponse>());
            }
            catch (JsonException)
            {
                // Not the JSON Garmin documents: report the duplicate without the existing activity's id.
            }
        }

        return new GarminDuplicateUploadException(info.Summary, response)
        {
            Service = info.Service,
            StatusCode = info.StatusCode,
            RequestMethod = info.RequestMethod,
            RequestUri = info.RequestUri,
            ResponseExcerpt = info.ResponseExcerpt,
            ErrorCode = info.ErrorCode,
        };
    }
}

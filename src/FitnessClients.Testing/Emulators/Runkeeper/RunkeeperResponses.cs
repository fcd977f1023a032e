using System.Net.Http.Headers;

namespace FitnessClients.Testing;

/// <summary>Labels a JSON response with the Runkeeper media type of its resource, as the Health Graph does.</summary>
internal static class RunkeeperResponses
{
    public static HttpResponseMessage WithContentType(this HttpResponseMessage response, string mediaType)
    {
        if (response.Content is { } content)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        }

        return response;
    }
}

using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FitnessClients.Core;
using FitnessClients.Runkeeper.Api;
using Refit;

namespace FitnessClients.Runkeeper.Clients;

/// <summary>What the sub-clients share: the API, the options and the API root links are resolved against.</summary>
internal sealed class RunkeeperClientContext(IRunkeeperApi api, HttpClient http, RunkeeperClientOptions options)
{
    public IRunkeeperApi Api { get; } = api;

    public RunkeeperClientOptions Options { get; } = options;

    public Uri ApiRoot { get; } = http.BaseAddress ?? options.EffectiveBaseAddress;

    public string Relative(string link) => RunkeeperLinks.ToRelativePath(link, ApiRoot);

    /// <summary>The body as sent, and disposes the response.</summary>
    public static async Task<byte[]> ReadBytesAsync(IApiResponse<Stream> response, CancellationToken cancellationToken)
    {
        using (response)
        {
            using var buffer = new MemoryStream();
            if (response.Content is { } content)
            {
                await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            }

            return buffer.Length == 0
                ? throw EmptyBody(response.StatusCode)
                : buffer.ToArray();
        }
    }

    public static FitnessApiException EmptyBody(HttpStatusCode? status) =>
        new("Runkeeper answered with an empty body.") { Service = "runkeeper", StatusCode = status };

    public static T Deserialize<T>(byte[] bytes, JsonTypeInfo<T> info, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, info) ?? throw AnsweredNull(what);
        }
        catch (JsonException ex)
        {
            throw Unreadable(what, ex);
        }
    }

    public static FitnessApiException AnsweredNull(string what) => new($"Runkeeper answered null for {what}.") { Service = "runkeeper" };

    // The serializer's message may quote the body; the path and position are enough to find the problem.
    public static FitnessApiException Unreadable(string what, JsonException ex) =>
        new($"Runkeeper's {what} could not be read: unexpected JSON at {ex.Path ?? "$"} (line {ex.LineNumber}, byte {ex.BytePositionInLine}).", ex) { Service = "runkeeper" };
}

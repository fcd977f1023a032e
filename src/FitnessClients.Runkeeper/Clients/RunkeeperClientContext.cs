using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FitnessClients.Core;
using FitnessClients.Runkeeper.Api;

namespace FitnessClients.Runkeeper.Clients;

/// <summary>What the sub-clients share: the API, the options and the API root links are resolved against.</summary>
internal sealed class RunkeeperClientContext(IRunkeeperApi api, HttpClient http, RunkeeperClientOptions options)
{
    public IRunkeeperApi Api { get; } = api;

    public RunkeeperClientOptions Options { get; } = options;

    public Uri ApiRoot { get; } = http.BaseAddress ?? options.EffectiveBaseAddress;

    public string Relative(string link) => RunkeeperLinks.ToRelativePath(link, ApiRoot);

    public static async Task<byte[]> ReadBytesAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return bytes.Length == 0
            ? throw new FitnessApiException("Runkeeper answered with an empty body.") { Service = "runkeeper", StatusCode = response.StatusCode }
            : bytes;
    }

    public static T Deserialize<T>(byte[] bytes, JsonTypeInfo<T> info, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, info)
                ?? throw new FitnessApiException($"Runkeeper answered null for {what}.") { Service = "runkeeper" };
        }
        catch (JsonException ex)
        {
            // The serializer's message may quote the body; the path and position are enough to find the problem.
            throw new FitnessApiException($"Runkeeper's {what} could not be read: unexpected JSON at {ex.Path ?? "$"} (line {ex.LineNumber}, byte {ex.BytePositionInLine}).", ex) { Service = "runkeeper" };
        }
    }
}

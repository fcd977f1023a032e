using System.Globalization;
using System.Text.Json;
using RestEase;
using RestEase.Implementation;

namespace FitnessClients.Core.Http;

/// <summary>
/// Creates the implementation of a service's typed REST interface (<c>Api/I&lt;Service&gt;Api.cs</c>) over an
/// <see cref="HttpClient"/> that already carries the FitnessClients pipeline. RestEase does the work
/// (see docs/adr/0001); this is the one place that knows it, so no RestEase type reaches a public signature.
/// </summary>
/// <remarks>
/// Interfaces may be <see langword="internal"/> when their assembly declares
/// <c>[assembly: InternalsVisibleTo(FitnessClients.Core.Http.RestApiFactory.GeneratedAssemblyName)]</c>.
/// Non-success responses never reach RestEase: the pipeline's error mapping throws first.
/// </remarks>
public static class RestApiFactory
{
    /// <summary>The name of the dynamic assembly RestEase emits implementations into (for <c>InternalsVisibleTo</c>).</summary>
    public const string GeneratedAssemblyName = RestClient.FactoryAssemblyName;

    /// <summary>Creates an implementation of <typeparamref name="TApi"/>.</summary>
    /// <typeparam name="TApi">The REST interface.</typeparam>
    /// <param name="httpClient">A client whose <see cref="HttpClient.BaseAddress"/> is the API root.</param>
    /// <param name="jsonOptions">How bodies are read and written (the service's source-generated context).</param>
    public static TApi Create<TApi>(HttpClient httpClient, JsonSerializerOptions jsonOptions)
        where TApi : class
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(jsonOptions);
        return RestClient.For<TApi>(new FitnessRequester(httpClient, jsonOptions));
    }

    // RestEase 1.4.3 does not dispose the response of Task-returning methods (fixed upstream in 1.4.4) and reads
    // every body into a string; this requester disposes and deserialises from the stream with System.Text.Json.
    private sealed class FitnessRequester : Requester
    {
        private readonly JsonSerializerOptions _json;

        public FitnessRequester(HttpClient httpClient, JsonSerializerOptions json)
            : base(httpClient)
        {
            _json = json;
            FormatProvider = CultureInfo.InvariantCulture;
            RequestBodySerializer = new JsonBodySerializer(json);
            ResponseDeserializer = new JsonResponseDeserializer(json);
        }

        public override async Task RequestVoidAsync(IRequestInfo requestInfo)
        {
            using var response = await SendRequestAsync(requestInfo, readBody: false).ConfigureAwait(false);
        }

        public override async Task<T> RequestAsync<T>(IRequestInfo requestInfo)
        {
            using var response = await SendRequestAsync(requestInfo, readBody: false).ConfigureAwait(false);
            var stream = await response.Content.ReadAsStreamAsync(requestInfo.CancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                if (typeof(T) == typeof(string))
                {
                    using var reader = new StreamReader(stream);
                    return (T)(object)await reader.ReadToEndAsync(requestInfo.CancellationToken).ConfigureAwait(false);
                }

                return (await JsonSerializer.DeserializeAsync<T>(stream, _json, requestInfo.CancellationToken).ConfigureAwait(false))!;
            }
        }

        public override async Task<string> RequestRawAsync(IRequestInfo requestInfo)
        {
            using var response = await SendRequestAsync(requestInfo, readBody: true).ConfigureAwait(false);
            return await response.Content.ReadAsStringAsync(requestInfo.CancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class JsonBodySerializer(JsonSerializerOptions json) : RequestBodySerializer
    {
        public override HttpContent SerializeBody<T>(T body, RequestBodySerializerInfo info) =>
            body is HttpContent content ? content : System.Net.Http.Json.JsonContent.Create(body, options: json);
    }

    private sealed class JsonResponseDeserializer(JsonSerializerOptions json) : ResponseDeserializer
    {
        public override T Deserialize<T>(string content, HttpResponseMessage response, ResponseDeserializerInfo info) =>
            JsonSerializer.Deserialize<T>(content, json)!;
    }
}

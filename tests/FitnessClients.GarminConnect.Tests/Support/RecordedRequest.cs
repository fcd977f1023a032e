namespace FitnessClients.GarminConnect.Tests.Support;

/// <summary>What MockHttp saw of one request, copied before the request is disposed.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[]? Body, string? ContentType)
{
    public string Path => Uri.AbsolutePath;

    public string Query => Uri.Query.TrimStart('?');

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static async Task<RecordedRequest> CaptureAsync(HttpRequestMessage request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers.NonValidated)
        {
            headers[name] = values.ToString();
        }

        byte[]? body = null;
        string? contentType = null;
        if (request.Content is not null)
        {
            body = await request.Content.ReadAsByteArrayAsync();
            contentType = request.Content.Headers.NonValidated.TryGetValues("Content-Type", out var type) ? type.ToString() : null;
        }

        return new RecordedRequest(request.Method, request.RequestUri!, headers, body, contentType);
    }
}

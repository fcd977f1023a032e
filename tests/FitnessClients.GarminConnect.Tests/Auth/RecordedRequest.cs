using System.Net.Http.Headers;

namespace FitnessClients.GarminConnect.Tests.Auth;

/// <summary>What a mocked endpoint received, copied before the client disposes the request.</summary>
internal sealed class RecordedRequest
{
    public required HttpMethod Method { get; init; }

    public required Uri Uri { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public string? Body { get; init; }

    public string? ContentType { get; init; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public Dictionary<string, string> Form =>
        (Body ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Decode(p[0]), p => p.Length > 1 ? Decode(p[1]) : string.Empty, StringComparer.Ordinal);

    public Dictionary<string, string> Query =>
        Uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Decode(p[0]), p => p.Length > 1 ? Decode(p[1]) : string.Empty, StringComparer.Ordinal);

    public static async Task<RecordedRequest> FromAsync(HttpRequestMessage request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers.NonValidated)
        {
            // User-Agent is a list of product tokens separated by spaces, everything else a comma list.
            headers[name] = string.Join(name.Equals("User-Agent", StringComparison.OrdinalIgnoreCase) ? " " : ", ", values);
        }

        string? body = null;
        MediaTypeHeaderValue? contentType = null;
        if (request.Content is not null)
        {
            body = await request.Content.ReadAsStringAsync();
            contentType = request.Content.Headers.ContentType;
        }

        return new RecordedRequest
        {
            Method = request.Method,
            Uri = request.RequestUri!,
            Headers = headers,
            Body = body,
            ContentType = contentType?.MediaType,
        };
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}

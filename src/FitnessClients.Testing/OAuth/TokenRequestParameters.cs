namespace FitnessClients.Testing;

/// <summary>The parameters of a token or revocation request: the form body, and the query when the endpoint accepts it there.</summary>
internal sealed class TokenRequestParameters
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _form;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>>? _query;

    public TokenRequestParameters(EmulatorRequest request, bool acceptQuery, bool acceptMultipart = false)
    {
        var isMultipart = acceptMultipart && string.Equals(request.MediaType, "multipart/form-data", StringComparison.OrdinalIgnoreCase);
        _form = isMultipart ? ReadMultipartFields(request) : request.ReadForm();
        _query = acceptQuery ? request.Query : null;
        var isForm = isMultipart || string.Equals(request.MediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        if (!isForm && !(acceptQuery && request.Query.Count > 0))
        {
            Problem = "The request body must be application/x-www-form-urlencoded.";
        }
        else if (_form.Values.Concat(_query?.Values ?? []).Any(v => v.Count > 1))
        {
            Problem = "A parameter was given more than once."; // RFC 6749 section 3.2
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadMultipartFields(EmulatorRequest request)
    {
        try
        {
            return request.ReadMultipart().Parts
                .Where(p => p.Name is not null && p.FileName is null)
                .GroupBy(p => p.Name!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => p.ReadAsString())], StringComparer.Ordinal);
        }
        catch (FormatException)
        {
            return new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        }
    }

    /// <summary>Why the request is malformed, or <see langword="null"/>.</summary>
    public string? Problem { get; }

    /// <summary>A parameter's value; an empty value counts as missing, as RFC 6749 section 3.1 says.</summary>
    public string? Get(string name)
    {
        var value = _form.TryGetValue(name, out var values) ? values[0] : _query is not null && _query.TryGetValue(name, out values) ? values[0] : null;
        return string.IsNullOrEmpty(value) ? null : value;
    }
}

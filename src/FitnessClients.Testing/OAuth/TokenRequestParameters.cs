namespace FitnessClients.Testing;

/// <summary>The parameters of a token or revocation request: the form body, and the query when the endpoint accepts it there.</summary>
internal sealed class TokenRequestParameters
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _form;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>>? _query;

    public TokenRequestParameters(EmulatorRequest request, bool acceptQuery)
    {
        _form = request.ReadForm();
        _query = acceptQuery ? request.Query : null;
        var isForm = string.Equals(request.MediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        if (!isForm && !(acceptQuery && request.Query.Count > 0))
        {
            Problem = "The request body must be application/x-www-form-urlencoded.";
        }
        else if (_form.Values.Concat(_query?.Values ?? []).Any(v => v.Count > 1))
        {
            Problem = "A parameter was given more than once."; // RFC 6749 section 3.2
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

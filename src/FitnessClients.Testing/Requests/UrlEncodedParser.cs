namespace FitnessClients.Testing;

/// <summary>Parses query strings and <c>application/x-www-form-urlencoded</c> bodies into multi-valued maps.</summary>
internal static class UrlEncodedParser
{
    /// <summary>Parses <paramref name="text"/> (with or without a leading <c>?</c>); names are case-sensitive, as Flask and Rails read them.</summary>
    public static Dictionary<string, IReadOnlyList<string>> Parse(string? text)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(text))
        {
            foreach (var pair in text.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = Decode(equals < 0 ? pair : pair[..equals]);
                var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
                if (!values.TryGetValue(name, out var list))
                {
                    list = [];
                    values[name] = list;
                }

                list.Add(value);
            }
        }

        return values.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value.AsReadOnly(), StringComparer.Ordinal);
    }

    /// <summary>Decodes one form-encoded component: <c>+</c> is a space, <c>%XX</c> a UTF-8 byte.</summary>
    public static string Decode(string component) => Uri.UnescapeDataString(component.Replace('+', ' '));
}

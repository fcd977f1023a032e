namespace FitnessClients.Core.OAuth;

/// <summary>Decodes an <c>application/x-www-form-urlencoded</c> query string (<c>+</c> is a space).</summary>
internal static class QueryString
{
    /// <summary>Decodes <paramref name="query"/> (with or without the leading <c>?</c>) into name-value pairs in order, repeats included.</summary>
    public static List<KeyValuePair<string, string>> Parse(string query)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            pairs.Add(new(Decode(name), Decode(value)));
        }

        return pairs;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}

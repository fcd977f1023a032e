namespace FitnessClients.Testing;

/// <summary>One segment of a route template: a literal, a <c>{name}</c> capture (optionally constrained) or a trailing <c>{*name}</c> catch-all.</summary>
internal sealed class RouteSegment
{
    private RouteSegment(string? literal, string? name, string? constraint, bool isCatchAll)
    {
        Literal = literal;
        Name = name;
        Constraint = constraint;
        IsCatchAll = isCatchAll;
    }

    public string? Literal { get; }

    public string? Name { get; }

    public string? Constraint { get; }

    public bool IsCatchAll { get; }

    /// <summary>Lower is more specific: literal, constrained capture, capture, catch-all.</summary>
    public int Rank => Literal is not null ? 0 : IsCatchAll ? 3 : Constraint is not null ? 1 : 2;

    public static RouteSegment Parse(string text, string template)
    {
        if (!text.StartsWith('{'))
        {
            if (text.Contains('{', StringComparison.Ordinal) || text.Contains('}', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Route template '{template}': a segment is either a literal or a whole {{capture}}.", nameof(template));
            }

            return new RouteSegment(Uri.UnescapeDataString(text), null, null, false);
        }

        if (!text.EndsWith('}') || text.Length < 3)
        {
            throw new ArgumentException($"Route template '{template}': unclosed capture '{text}'.", nameof(template));
        }

        var inner = text[1..^1];
        var isCatchAll = inner.StartsWith('*');
        if (isCatchAll)
        {
            inner = inner[1..];
        }

        string? constraint = null;
        var colon = inner.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            constraint = inner[(colon + 1)..];
            inner = inner[..colon];
            if (isCatchAll || constraint is not ("int" or "long" or "guid"))
            {
                throw new ArgumentException($"Route template '{template}': unsupported constraint '{constraint}' (use int, long or guid on a plain capture).", nameof(template));
            }
        }

        if (inner.Length == 0)
        {
            throw new ArgumentException($"Route template '{template}': a capture needs a name.", nameof(template));
        }

        return new RouteSegment(null, inner, constraint, isCatchAll);
    }

    public bool Accepts(string value) => Constraint switch
    {
        "int" => int.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _),
        "long" => long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _),
        "guid" => Guid.TryParse(value, out _),
        _ => value.Length > 0,
    };

    public override string ToString() => Literal ?? (IsCatchAll ? $"{{*{Name}}}" : Constraint is null ? $"{{{Name}}}" : $"{{{Name}:{Constraint}}}");
}

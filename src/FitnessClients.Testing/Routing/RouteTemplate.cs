namespace FitnessClients.Testing;

/// <summary>
/// A parsed route template such as <c>/activities/{id:long}/streams</c> or <c>/files/{*rest}</c>. Paths are compared
/// segment by segment, case-sensitively and with a trailing slash significant, as the real services route: an
/// emulator that forgave a wrong path would hide a client bug.
/// </summary>
internal sealed class RouteTemplate
{
    private RouteTemplate(string text, RouteSegment[] segments)
    {
        Text = text;
        Segments = segments;
    }

    public string Text { get; }

    public IReadOnlyList<RouteSegment> Segments { get; }

    public static RouteTemplate Parse(string template)
    {
        ArgumentException.ThrowIfNullOrEmpty(template);
        if (!template.StartsWith('/'))
        {
            throw new ArgumentException($"Route template '{template}' must start with '/'.", nameof(template));
        }

        var segments = template[1..].Split('/').Select(s => RouteSegment.Parse(s, template)).ToArray();
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (segments[i].IsCatchAll)
            {
                throw new ArgumentException($"Route template '{template}': a catch-all must be the last segment.", nameof(template));
            }
        }

        var names = segments.Where(s => s.Name is not null).Select(s => s.Name!).ToList();
        if (names.Count != names.Distinct(StringComparer.Ordinal).Count())
        {
            throw new ArgumentException($"Route template '{template}' uses a capture name twice.", nameof(template));
        }

        return new RouteTemplate("/" + string.Join('/', segments.Select(s => s.ToString())), segments);
    }

    /// <summary>Splits a percent-encoded path into decoded segments the way templates see them.</summary>
    public static string[] SplitPath(string path) => path.TrimStart('/').Split('/').Select(Uri.UnescapeDataString).ToArray();

    /// <summary>Matches decoded path segments, adding captures to <paramref name="values"/> on success.</summary>
    public bool TryMatch(IReadOnlyList<string> path, Dictionary<string, string> values)
    {
        for (var i = 0; i < Segments.Count; i++)
        {
            var segment = Segments[i];
            if (segment.IsCatchAll)
            {
                values[segment.Name!] = string.Join('/', path.Skip(i));
                return true;
            }

            if (i >= path.Count)
            {
                return false;
            }

            if (segment.Literal is not null)
            {
                if (!string.Equals(segment.Literal, path[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }
            else if (segment.Accepts(path[i]))
            {
                values[segment.Name!] = path[i];
            }
            else
            {
                return false;
            }
        }

        return path.Count == Segments.Count;
    }

    /// <summary>Orders templates from most to least specific: literals beat captures, captures beat catch-alls, segment by segment.</summary>
    public int CompareSpecificity(RouteTemplate other)
    {
        for (var i = 0; i < Math.Min(Segments.Count, other.Segments.Count); i++)
        {
            var byRank = Segments[i].Rank.CompareTo(other.Segments[i].Rank);
            if (byRank != 0)
            {
                return byRank;
            }
        }

        return other.Segments.Count.CompareTo(Segments.Count);
    }

    public override string ToString() => Text;
}

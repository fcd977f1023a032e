namespace FitnessClients.Runkeeper.Models;

/// <summary>Turns Runkeeper's local start and hour offset into an instant, and URIs into ids.</summary>
internal static class RunkeeperStartTime
{
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    /// <summary>
    /// The start with its offset: from <paramref name="offsetHours"/> when given and sane, else from
    /// <paramref name="assumed"/> (its offset at that local time), else <see langword="null"/>.
    /// </summary>
    public static DateTimeOffset? Compute(DateTime? local, double? offsetHours, TimeZoneInfo? assumed)
    {
        if (local is not { } clock)
        {
            return null;
        }

        var unspecified = DateTime.SpecifyKind(clock, DateTimeKind.Unspecified);
        if (offsetHours is { } hours && TryOffset(hours, out var offset))
        {
            return new DateTimeOffset(unspecified, offset);
        }

        return assumed is null ? null : new DateTimeOffset(unspecified, assumed.GetUtcOffset(unspecified));
    }

    /// <summary>
    /// Like <see cref="Compute"/>, but never <see langword="null"/> for a known local time: without an offset or an
    /// assumed zone the wall-clock digits are kept and labelled UTC+00:00, so the local date is never shifted.
    /// </summary>
    public static DateTimeOffset? ComputeOrWallClock(DateTime? local, double? offsetHours, TimeZoneInfo? assumed) =>
        Compute(local, offsetHours, assumed)
        ?? (local is { } clock ? new DateTimeOffset(DateTime.SpecifyKind(clock, DateTimeKind.Unspecified), TimeSpan.Zero) : null);

    /// <summary>Whether an hour offset is a real one (within ±14 h), rounded to whole minutes.</summary>
    public static bool TryOffset(double hours, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (double.IsNaN(hours) || double.IsInfinity(hours) || Math.Abs(hours) > MaxOffset.TotalHours)
        {
            return false;
        }

        offset = TimeSpan.FromMinutes(Math.Round(hours * 60));
        return true;
    }

    /// <summary>The last path segment of a resource URI (<c>/fitnessActivities/52367938</c> → <c>52367938</c>).</summary>
    public static string? IdFromUri(string? uri)
    {
        if (string.IsNullOrWhiteSpace(uri))
        {
            return null;
        }

        var path = uri.Split('?', 2)[0].TrimEnd('/');
        var slash = path.LastIndexOf('/');
        var id = slash >= 0 ? path[(slash + 1)..] : path;
        return id.Length == 0 ? null : id;
    }
}

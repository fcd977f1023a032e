namespace FitnessClients.FitTrackee.Models;

/// <summary>The paging envelope of a list.</summary>
public sealed record FitTrackeePagination
{
    /// <summary>Whether a later page exists.</summary>
    public bool HasNext { get; init; }

    /// <summary>Whether an earlier page exists.</summary>
    public bool HasPrev { get; init; }

    /// <summary>The page number, from 1.</summary>
    public int Page { get; init; }

    /// <summary>The number of pages.</summary>
    public int Pages { get; init; }

    /// <summary>The number of items over all pages.</summary>
    public int Total { get; init; }
}

namespace FitnessClients.Core.Activities;

/// <summary>Which activities an <see cref="IActivitySource"/> lists.</summary>
public sealed record ActivityListOptions
{
    /// <summary>Only activities that started strictly before this moment (a resume cursor: the start of the oldest activity already seen).</summary>
    public DateTimeOffset? Before { get; init; }

    /// <summary>Only activities that started at or after this moment.</summary>
    public DateTimeOffset? After { get; init; }
}

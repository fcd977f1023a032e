namespace FitnessClients.GarminConnect;

/// <summary>Which activities <see cref="Clients.GarminActivitiesClient.ListAsync"/> reads, and how.</summary>
/// <example>
/// <code>
/// var query = new GarminActivityQuery { StartDate = new DateOnly(2025, 1, 1), ActivityType = "running", MaxCount = 50 };
/// await foreach (var activity in client.Activities.ListAsync(query)) { ... }
/// </code>
/// </example>
public sealed record GarminActivityQuery
{
    /// <summary>
    /// The first day, inclusive, by the activity's local start date (<c>startDate</c>). Garmin filters, and the client
    /// checks each activity again against the local date.
    /// </summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>The last day, inclusive, by the activity's local start date (<c>endDate</c>).</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>
    /// An activity type key (<c>activityType</c>), e.g. <c>running</c>, <c>cycling</c>, <c>multi_sport</c>. Garmin
    /// includes the sub-types of a parent type (<c>running</c> also lists <c>trail_running</c>).
    /// </summary>
    public string? ActivityType { get; init; }

    /// <summary>
    /// The most activities to read from the list. Legs added by multisport expansion come with their parent and are
    /// not counted, as in garmin-connect-export. <see langword="null"/> reads to the end.
    /// </summary>
    public int? MaxCount { get; init; }

    /// <summary>How many activities of the list to skip first (the <c>start</c> offset), e.g. to resume a long export.</summary>
    public int Skip { get; init; }

    /// <summary>The order. Default newest first.</summary>
    public GarminSortOrder SortOrder { get; init; } = GarminSortOrder.NewestFirst;

    /// <summary>Activities per call, 1 to 1000; <see langword="null"/> uses <see cref="GarminConnectClientOptions.PageSize"/>.</summary>
    public int? PageSize { get; init; }

    /// <summary>Whether to add multisport legs after their parent; <see langword="null"/> uses <see cref="GarminConnectClientOptions.ExpandMultisport"/>.</summary>
    public bool? ExpandMultisport { get; init; }
}

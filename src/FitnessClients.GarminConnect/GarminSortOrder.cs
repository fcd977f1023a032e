namespace FitnessClients.GarminConnect;

/// <summary>The order the activity list is read in.</summary>
public enum GarminSortOrder
{
    /// <summary>Newest first, Garmin's default (no <c>sortOrder</c> sent).</summary>
    NewestFirst,

    /// <summary>Oldest first (<c>sortOrder=asc</c>).</summary>
    OldestFirst,
}

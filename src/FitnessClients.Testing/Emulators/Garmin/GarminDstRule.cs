namespace FitnessClients.Testing;

/// <summary>Daylight saving rules the emulated zones follow (written out here so the data never depends on the machine's tz database).</summary>
internal enum GarminDstRule
{
    /// <summary>No daylight saving time.</summary>
    None = 0,

    /// <summary>United States and Canada since 2007: second Sunday of March 02:00 local to first Sunday of November 02:00 local.</summary>
    NorthAmerica = 1,

    /// <summary>European Union: last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC.</summary>
    Europe = 2,
}

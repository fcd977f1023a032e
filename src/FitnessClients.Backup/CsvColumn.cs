namespace FitnessClients.Backup;

/// <summary>One column of <c>activities.csv</c>.</summary>
/// <param name="Key">What the column holds (see docs/backup.md for the keys; unknown keys read the raw JSON by dotted path).</param>
/// <param name="Title">The header text.</param>
public sealed record CsvColumn(string Key, string Title);

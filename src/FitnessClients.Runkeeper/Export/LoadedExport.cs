namespace FitnessClients.Runkeeper.Export;

/// <summary>An export read once: its activities newest first, and by id for opening their files.</summary>
internal sealed class LoadedExport(List<RunkeeperExportEntry> newest)
{
    public IReadOnlyList<RunkeeperExportEntry> Newest { get; } = newest;

    public IReadOnlyDictionary<string, RunkeeperExportEntry> ById { get; } = newest.ToDictionary(e => e.Summary.Id, StringComparer.Ordinal);
}

using FitnessClients.Core.Activities;

namespace FitnessClients.Runkeeper.Export;

/// <summary>A listed activity of the export and where its GPX is (the entry's name as stored), or why there is none.</summary>
internal sealed record RunkeeperExportEntry(ActivitySummary Summary, string? GpxEntryName, string? GpxUnavailableReason);

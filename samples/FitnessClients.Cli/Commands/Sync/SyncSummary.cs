using System.Globalization;
using FitnessClients.Backup.Sync;
using FitnessClients.Core.Activities;
using Spectre.Console;

namespace FitnessClients.Cli.Commands.Sync;

/// <summary>The human-readable end of <c>fitness sync</c>: counts, unmapped types with the override to add, failures, the dry-run list.</summary>
public static class SyncSummary
{
    /// <summary>The most activities listed per section.</summary>
    public const int MaxLines = 50;

    /// <summary>Writes the summary.</summary>
    public static void Write(IAnsiConsole console, SyncSides sides, string target, SyncOptions options, SyncResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(sides);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(result);
        var table = new Table().AddColumn(result.DryRun ? "Sync (dry run)" : "Sync").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("From", Markup.Escape(sides.SourceDescription));
        table.AddRow("To", Markup.Escape($"{target} ({sides.TargetHost})"));
        table.AddRow("State folder", Markup.Escape(options.StateDirectory));
        table.AddRow("Listed", Text(result.Listed));
        table.AddRow("Already synced", Text(result.AlreadySynced));
        table.AddRow(result.DryRun ? "Would upload" : "Uploaded", Text(result.DryRun ? result.Planned.Count : result.Uploaded.Count));
        table.AddRow("Already in the target", Text(result.Duplicates.Count));
        table.AddRow("No sport mapping", Text(result.SkippedUnmapped.Count));
        table.AddRow("Failed", Text(result.Failed.Count));
        table.AddRow("Elapsed", result.Elapsed.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture));
        console.Write(table);

        if (result.DryRun)
        {
            foreach (var planned in result.Planned.Take(MaxLines))
            {
                console.WriteLine($"would upload {Describe(planned.Activity)} as {planned.Sport} ({planned.Format})");
            }

            More(console, result.Planned.Count);
        }
        else if (result.Uploaded.Count == 0 && result.Duplicates.Count == 0 && result.Failed.Count == 0)
        {
            console.WriteLine("Nothing new.");
        }

        foreach (var group in result.SkippedUnmapped.GroupBy(s => s.SourceType ?? "", StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()))
        {
            var type = group.Key.Length == 0 ? "(no type)" : group.Key;
            var hint = group.Key.Length == 0 ? "" : $": add --sport-map \"{group.Key}=<FitTrackee sport>\" to sync them";
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"skipped {group.Count()} {(group.Count() == 1 ? "activity" : "activities")} of type {type} (no sport mapping){hint}"));
        }

        foreach (var failure in result.Failed.Take(MaxLines))
        {
            console.WriteLine($"failed: {Describe(failure.Activity)} while {failure.Stage}: {failure.Message}");
        }

        More(console, result.Failed.Count);
    }

    private static void More(IAnsiConsole console, int count)
    {
        if (count > MaxLines)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"... and {count - MaxLines} more (use --json for the full list)"));
        }
    }

    private static string Describe(ActivitySummary activity) =>
        string.Create(CultureInfo.InvariantCulture, $"{activity.StartTime:yyyy-MM-dd HH:mm zzz} {activity.Service} {activity.Id} ({activity.Sport ?? "no type"})");

    private static string Text(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

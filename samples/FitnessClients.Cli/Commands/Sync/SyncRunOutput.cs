using FitnessClients.Backup.Sync;
using FitnessClients.Core.Activities;

namespace FitnessClients.Cli.Commands.Sync;

/// <summary>What <c>fitness sync --json</c> prints: the engine's result without the services' raw JSON.</summary>
/// <param name="From">The source.</param>
/// <param name="To">The target and its host.</param>
/// <param name="StateDirectory">The record and lock folder.</param>
/// <param name="Demo">Whether both ends were emulators.</param>
/// <param name="DryRun">Whether nothing was uploaded or recorded.</param>
/// <param name="Listed">Activities listed.</param>
/// <param name="AlreadySynced">Listed activities the record already had.</param>
/// <param name="Uploaded">Uploaded by this run.</param>
/// <param name="Duplicates">Found in the target already and recorded.</param>
/// <param name="SkippedUnmapped">Skipped for lack of a sport mapping.</param>
/// <param name="Failed">Failed; retried by the next run.</param>
/// <param name="Planned">Dry run: what would be uploaded.</param>
/// <param name="HighWaterMark">The newest start of the completely synced history.</param>
/// <param name="RecordPath">The record file.</param>
/// <param name="ElapsedSeconds">How long the run took.</param>
public sealed record SyncRunOutput(
    string From,
    string To,
    string StateDirectory,
    bool Demo,
    bool DryRun,
    int Listed,
    int AlreadySynced,
    IReadOnlyList<SyncRunOutput.Item> Uploaded,
    IReadOnlyList<SyncRunOutput.Item> Duplicates,
    IReadOnlyList<SyncRunOutput.Item> SkippedUnmapped,
    IReadOnlyList<SyncRunOutput.Item> Failed,
    IReadOnlyList<SyncRunOutput.Item> Planned,
    DateTimeOffset? HighWaterMark,
    string RecordPath,
    double ElapsedSeconds)
{
    /// <summary>Projects an engine result.</summary>
    public static SyncRunOutput Of(SyncResult result, string from, string to, string stateDirectory, bool demo)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new SyncRunOutput(
            from,
            to,
            stateDirectory,
            demo,
            result.DryRun,
            result.Listed,
            result.AlreadySynced,
            [.. result.Uploaded.Select(u => Item.Of(u.Activity) with { Sport = u.Sport, TargetId = u.TargetId, Format = u.Format })],
            [.. result.Duplicates.Select(d => Item.Of(d.Activity) with { Sport = d.Sport, TargetId = d.TargetId })],
            [.. result.SkippedUnmapped.Select(s => Item.Of(s.Activity))],
            [.. result.Failed.Select(f => Item.Of(f.Activity) with { Stage = f.Stage.ToString(), ErrorType = f.ErrorType, Message = f.Message })],
            [.. result.Planned.Select(p => Item.Of(p.Activity) with { Sport = p.Sport, Format = p.Format })],
            result.HighWaterMark,
            result.RecordPath,
            Math.Round(result.Elapsed.TotalSeconds, 3));
    }

    /// <summary>One activity and what happened to it.</summary>
    public sealed record Item
    {
        /// <summary>The source's id.</summary>
        public required string Id { get; init; }

        /// <summary>When it started, with its local offset.</summary>
        public required DateTimeOffset StartTime { get; init; }

        /// <summary>The activity's name.</summary>
        public string? Name { get; init; }

        /// <summary>The source's type of it.</summary>
        public string? SourceType { get; init; }

        /// <summary>The target sport.</summary>
        public string? Sport { get; init; }

        /// <summary>The target's id.</summary>
        public string? TargetId { get; init; }

        /// <summary>The uploaded (or planned) format, or <c>manual</c>.</summary>
        public string? Format { get; init; }

        /// <summary>The step that failed.</summary>
        public string? Stage { get; init; }

        /// <summary>The error's type.</summary>
        public string? ErrorType { get; init; }

        /// <summary>The error's message.</summary>
        public string? Message { get; init; }

        /// <summary>The common fields of an activity.</summary>
        public static Item Of(ActivitySummary activity)
        {
            ArgumentNullException.ThrowIfNull(activity);
            return new Item { Id = activity.Id, StartTime = activity.StartTime, Name = activity.Name, SourceType = activity.Sport };
        }
    }
}

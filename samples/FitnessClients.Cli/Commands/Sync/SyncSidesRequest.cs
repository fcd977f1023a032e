namespace FitnessClients.Cli.Commands.Sync;

/// <summary>What <see cref="SyncSides.CreateAsync"/> builds.</summary>
/// <param name="From">The source service: <c>garmin</c>, <c>strava</c> or <c>runkeeper</c>.</param>
/// <param name="To">The target service: <c>fittrackee</c>.</param>
/// <param name="Demo">Whether both ends are their in-process emulators.</param>
/// <param name="Export">Runkeeper: the data export ZIP to read instead of the API.</param>
/// <param name="ExportGiven">Runkeeper: whether <c>--export</c> was given (in demo mode without a path: a synthetic ZIP).</param>
/// <param name="TimeZone">Runkeeper: the IANA zone assumed for activities without an offset.</param>
public sealed record SyncSidesRequest(string From, string To, bool Demo, string? Export, bool ExportGiven, string? TimeZone);

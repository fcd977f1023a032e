using FitnessClients.Cli.Configuration;
using FitnessClients.Cli.FitTrackee;
using FitnessClients.Cli.Garmin;
using FitnessClients.Cli.Runkeeper;
using FitnessClients.Cli.Strava;
using FitnessClients.Core.Activities;
using FitnessClients.FitTrackee;
using FitnessClients.GarminConnect;
using FitnessClients.Runkeeper;
using FitnessClients.Strava;
using FitnessClients.Testing;

namespace FitnessClients.Cli.Commands.Sync;

/// <summary>
/// Both ends of one <c>fitness sync</c>: the source and the sink, built on each service's CLI context (so settings,
/// tokens and <c>--demo</c> emulators are the same as in that service's own commands), and everything they own.
/// </summary>
public sealed class SyncSides : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private SyncSides()
    {
    }

    /// <summary>Where activities come from.</summary>
    public IActivitySource Source { get; private set; } = null!;

    /// <summary>Where they go.</summary>
    public IActivitySink Sink { get; private set; } = null!;

    /// <summary>The source as the user named it, with <c>(export)</c> for a Runkeeper export ZIP.</summary>
    public string SourceDescription { get; private set; } = "";

    /// <summary>The target instance's host (FitTrackee is self-hosted: several can be synced into).</summary>
    public string TargetHost { get; private set; } = "";

    /// <summary>Builds both ends; in demo mode each end is its emulator, signed in.</summary>
    /// <param name="request">What to build.</param>
    /// <param name="context">The run's context.</param>
    /// <param name="cancellationToken">Cancels the demo sign-ins.</param>
    public static async Task<SyncSides> CreateAsync(SyncSidesRequest request, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var sides = new SyncSides();
        try
        {
            sides.Source = request.From switch
            {
                "garmin" => await sides.GarminAsync(request, context, cancellationToken),
                "strava" => await sides.StravaAsync(request, context, cancellationToken),
                "runkeeper" => await sides.RunkeeperAsync(request, context, cancellationToken),
                _ => throw new CliUsageException($"--from {request.From}: use {string.Join(", ", SyncCommand.Sources)}"),
            };
            sides.Sink = request.To switch
            {
                "fittrackee" => await sides.FitTrackeeAsync(request, context, cancellationToken),
                _ => throw new CliUsageException($"--to {request.To}: use {string.Join(", ", SyncCommand.Targets)}"),
            };
            return sides;
        }
        catch
        {
            sides.Dispose();
            throw;
        }
    }

    private async Task<IActivitySource> GarminAsync(SyncSidesRequest request, CliContext context, CancellationToken cancellationToken)
    {
        var garmin = Own(GarminContext.Create(context, request.Demo, interactive: false));
        await garmin.EnsureDemoSignedInAsync(cancellationToken);
        SourceDescription = "garmin";
        return new GarminActivitySource(Own(garmin.CreateClient()));
    }

    private async Task<IActivitySource> StravaAsync(SyncSidesRequest request, CliContext context, CancellationToken cancellationToken)
    {
        var strava = Own(StravaContext.Create(context, request.Demo, interactive: false));
        strava.RequireAppCredentials();
        await strava.EnsureDemoSignedInAsync(cancellationToken);
        await strava.LoadTokenAsync(cancellationToken);
        SourceDescription = "strava";
        return new StravaActivitySource(Own(strava.CreateClient()));
    }

    private async Task<IActivitySource> RunkeeperAsync(SyncSidesRequest request, CliContext context, CancellationToken cancellationToken)
    {
        var runkeeper = Own(RunkeeperContext.Create(context, request.Demo, interactive: false, request.TimeZone));
        var zip = request.Export ?? (request.ExportGiven ? null : context.Setting("FITNESSCLIENTS_RUNKEEPER_EXPORT", context.Config.Runkeeper.Export));
        if (request.ExportGiven || zip is not null)
        {
            if (zip is null)
            {
                if (!runkeeper.IsDemo)
                {
                    throw new CliUsageException("--export needs the path of the ZIP (request it at https://runkeeper.com/exportData), or add --demo for a synthetic one");
                }

                zip = RunkeeperDemoExport.GetOrCreate(context.ConfigDirectory, runkeeper.DemoActivities);
            }

            var path = Path.GetFullPath(ConfigPaths.ExpandHome(zip, context.Environment));
            if (!File.Exists(path))
            {
                throw new CliUsageException($"--export {path}: no such file (request the export at https://runkeeper.com/exportData)");
            }

            SourceDescription = "runkeeper (export)";
            return new RunkeeperExportSource(path, new RunkeeperExportOptions { AssumedTimeZone = runkeeper.Options.AssumedTimeZone });
        }

        await runkeeper.EnsureDemoSignedInAsync(cancellationToken);
        SourceDescription = "runkeeper";
        return new RunkeeperActivitySource(Own(runkeeper.CreateClient()));
    }

    private async Task<IActivitySink> FitTrackeeAsync(SyncSidesRequest request, CliContext context, CancellationToken cancellationToken)
    {
        var fittrackee = Own(FitTrackeeContext.Create(context, request.Demo, interactive: false));
        await fittrackee.EnsureDemoSignedInAsync(cancellationToken);
        TargetHost = fittrackee.Host;
        // The engine asks for duplicates before every upload; the sink need not ask again.
        return new FitTrackeeActivitySink(Own(fittrackee.CreateClient()), new FitTrackeeSinkOptions { SkipDuplicates = false });
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Clients before the contexts that own their handlers.
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _owned.Clear();
    }
}

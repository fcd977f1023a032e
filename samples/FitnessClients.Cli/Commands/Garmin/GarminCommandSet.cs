using System.CommandLine;
using FitnessClients.Cli.Garmin;

namespace FitnessClients.Cli.Commands.Garmin;

/// <summary>What the garmin commands share beyond <see cref="ServiceCommandSet"/>: how they build their service context.</summary>
public sealed class GarminCommandSet(CliEnvironment environment, GlobalOptions globals, Option<bool> demo)
    : ServiceCommandSet(environment, globals, demo)
{
    /// <summary>The <c>fitness garmin</c> command with its subcommands and <c>--demo</c>.</summary>
    public static Command CreateCommand(CliEnvironment environment, GlobalOptions globals)
    {
        var garmin = new Command("garmin", "Garmin Connect: sign in, download activities, back up");
        var demo = ServiceCommandSet.CreateDemoOption("Use a built-in Garmin emulator with a demo account (no account, no network)");
        garmin.Add(demo);
        var app = new GarminCommandSet(environment, globals, demo);
        garmin.Add(GarminLoginCommand.Create(app));
        garmin.Add(GarminStatusCommand.Create(app));
        garmin.Add(GarminLogoutCommand.Create(app));
        garmin.Add(GarminGetActivityCommand.Create(app));
        garmin.Add(GarminBackupCommand.Create(app));
        return garmin;
    }

    /// <summary>Runs a garmin command body with its context and Garmin options; failures become exit codes.</summary>
    public Task<int> RunAsync(ParseResult parseResult, bool interactive, Func<CliContext, GarminContext, Task<int>> body) =>
        CliApp.ExecuteAsync(parseResult, Globals, Environment, async context =>
        {
            using var garmin = GarminContext.Create(context, parseResult.GetValue(Demo), interactive);
            return await body(context, garmin);
        });
}

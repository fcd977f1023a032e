using System.CommandLine;
using FitnessClients.Cli.Garmin;

namespace FitnessClients.Cli.Commands.Garmin;

/// <summary>What the garmin commands share beyond <see cref="ServiceCommandSet"/>: how they build their service context.</summary>
public sealed class GarminCommandSet(CliEnvironment environment, GlobalOptions globals, Option<bool> demo)
    : ServiceCommandSet(environment, globals, demo)
{
    /// <summary>Runs a garmin command body with its context and Garmin options; failures become exit codes.</summary>
    public Task<int> RunAsync(ParseResult parseResult, bool interactive, Func<CliContext, GarminContext, Task<int>> body) =>
        CliApp.ExecuteAsync(parseResult, Globals, Environment, async context =>
        {
            using var garmin = GarminContext.Create(context, parseResult.GetValue(Demo), interactive);
            return await body(context, garmin);
        });
}

using System.CommandLine;
using FitnessClients.Cli.Runkeeper;
using FitnessClients.Core;

namespace FitnessClients.Cli.Commands.Runkeeper;

/// <summary>What the runkeeper commands share beyond <see cref="ServiceCommandSet"/>: how they build their service context.</summary>
public sealed class RunkeeperCommandSet(CliEnvironment environment, GlobalOptions globals, Option<bool> demo)
    : ServiceCommandSet(environment, globals, demo)
{
    /// <summary>Builds <c>fitness runkeeper login|logout|backup</c>.</summary>
    public static Command CreateCommand(CliEnvironment environment, GlobalOptions globals)
    {
        var runkeeper = new Command("runkeeper", "Runkeeper: store a token, back up through the API or from the data export ZIP");
        var demo = ServiceCommandSet.CreateDemoOption("Use a built-in Runkeeper emulator (or a synthetic export with --export) with a demo account (no account, no network)");
        runkeeper.Add(demo);
        var app = new RunkeeperCommandSet(environment, globals, demo);
        runkeeper.Add(RunkeeperLoginCommand.Create(app));
        runkeeper.Add(RunkeeperLogoutCommand.Create(app));
        runkeeper.Add(RunkeeperBackupCommand.Create(app));
        return runkeeper;
    }

    /// <summary>
    /// Runs a runkeeper command body with its context and Runkeeper options; failures become exit codes, and a missing or
    /// dead token says how to store one (Runkeeper has no sign-in for new users).
    /// </summary>
    public Task<int> RunAsync(ParseResult parseResult, bool interactive, Func<CliContext, RunkeeperContext, Task<int>> body, string? timeZone = null) =>
        CliApp.ExecuteAsync(parseResult, Globals, Environment, async context =>
        {
            using var runkeeper = RunkeeperContext.Create(context, parseResult.GetValue(Demo), interactive, timeZone);
            try
            {
                return await body(context, runkeeper);
            }
            catch (AuthenticationRequiredException ex)
            {
                Environment.Error.WriteLine($"error: {ex.Message} (without a token, back up the data export: 'fitness runkeeper backup --export ZIP'; or try --demo)");
                return ExitCodes.AuthenticationRequired;
            }
        });
}

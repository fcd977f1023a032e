using System.CommandLine;
using FitnessClients.Cli.FitTrackee;

namespace FitnessClients.Cli.Commands.FitTrackee;

/// <summary>What the fittrackee commands share beyond <see cref="ServiceCommandSet"/>: how they build their service context.</summary>
public sealed class FitTrackeeCommandSet(CliEnvironment environment, GlobalOptions globals, Option<bool> demo)
    : ServiceCommandSet(environment, globals, demo)
{
    /// <summary>The <c>fitness fittrackee</c> command with its subcommands and <c>--demo</c>.</summary>
    public static Command CreateCommand(CliEnvironment environment, GlobalOptions globals)
    {
        var fittrackee = new Command("fittrackee", "FitTrackee (self-hosted): sign in, upload files, back up, delete");
        var demo = ServiceCommandSet.CreateDemoOption("Use a built-in FitTrackee emulator with a demo account (no instance, no network)");
        fittrackee.Add(demo);
        var app = new FitTrackeeCommandSet(environment, globals, demo);
        fittrackee.Add(FitTrackeeLoginCommand.Create(app));
        fittrackee.Add(FitTrackeeStatusCommand.Create(app));
        fittrackee.Add(FitTrackeeLogoutCommand.Create(app));
        fittrackee.Add(FitTrackeeBackupCommand.Create(app));
        fittrackee.Add(FitTrackeeUploadCommand.Create(app));
        fittrackee.Add(FitTrackeeDeleteCommand.Create(app));
        return fittrackee;
    }

    /// <summary>Runs a fittrackee command body with its context and options; failures become exit codes.</summary>
    public Task<int> RunAsync(ParseResult parseResult, bool interactive, Func<CliContext, FitTrackeeContext, Task<int>> body) =>
        CliApp.ExecuteAsync(parseResult, Globals, Environment, async context =>
        {
            using var fittrackee = FitTrackeeContext.Create(context, parseResult.GetValue(Demo), interactive);
            return await body(context, fittrackee);
        });
}

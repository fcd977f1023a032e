using System.CommandLine;
using FitnessClients.Cli.Strava;

namespace FitnessClients.Cli.Commands.Strava;

/// <summary>What the strava commands share beyond <see cref="ServiceCommandSet"/>: how they build their service context.</summary>
public sealed class StravaCommandSet(CliEnvironment environment, GlobalOptions globals, Option<bool> demo)
    : ServiceCommandSet(environment, globals, demo)
{
    /// <summary>The <c>fitness strava</c> command with its subcommands and <c>--demo</c>.</summary>
    public static Command CreateCommand(CliEnvironment environment, GlobalOptions globals)
    {
        var strava = new Command("strava", "Strava: authorize, download activities, back up within the rate limits");
        var demo = ServiceCommandSet.CreateDemoOption("Use a built-in Strava emulator with a demo athlete (no account, no network)");
        strava.Add(demo);
        var app = new StravaCommandSet(environment, globals, demo);
        strava.Add(StravaLoginCommand.Create(app));
        strava.Add(StravaStatusCommand.Create(app));
        strava.Add(StravaLogoutCommand.Create(app));
        strava.Add(StravaGetActivityCommand.Create(app));
        strava.Add(StravaBackupCommand.Create(app));
        return strava;
    }

    /// <summary>Runs a strava command body with its context and Strava options; failures become exit codes.</summary>
    public Task<int> RunAsync(ParseResult parseResult, bool interactive, Func<CliContext, StravaContext, Task<int>> body) =>
        CliApp.ExecuteAsync(parseResult, Globals, Environment, async context =>
        {
            using var strava = StravaContext.Create(context, parseResult.GetValue(Demo), interactive);
            return await body(context, strava);
        });

    /// <summary>Writes a warning line on stderr.</summary>
    public void Warn(string message) => Environment.Error.WriteLine($"warning: {message}");
}

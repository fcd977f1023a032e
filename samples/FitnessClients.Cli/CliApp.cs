using System.CommandLine;
using System.Globalization;
using System.Net.Http;
using FitnessClients.Cli.Commands.FitTrackee;
using FitnessClients.Cli.Commands.Garmin;
using FitnessClients.Cli.Commands.Runkeeper;
using FitnessClients.Cli.Commands.Strava;
using FitnessClients.Cli.Commands.Sync;
using FitnessClients.Core;
using FitnessClients.Core.Tokens;
using FitnessClients.GarminConnect.Auth;
using Spectre.Console;

namespace FitnessClients.Cli;

/// <summary>Builds the <c>fitness</c> command tree and runs it, mapping failures to <see cref="ExitCodes"/>.</summary>
public static class CliApp
{
    /// <summary>Runs the CLI in-process: the entry point of the executable and of the tests.</summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(env);
        var root = BuildRootCommand(env);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                env.Error.WriteLine($"error: {error.Message}");
            }

            env.Error.WriteLine("Run 'fitness --help' for usage.");
            return ExitCodes.BadUsage;
        }

        var invocation = new InvocationConfiguration { Output = env.Out, Error = env.Error, EnableDefaultExceptionHandler = false };
        return await parseResult.InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>The command tree: <c>fitness garmin|strava|runkeeper|fittrackee ...</c> and <c>fitness sync</c>.</summary>
    public static RootCommand BuildRootCommand(CliEnvironment env)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("fitness: back up your Garmin Connect, Strava and Runkeeper activities and sync them into FitTrackee (try: fitness garmin backup --demo --backup-dir ./demo-backup)");
        root.Add(globals.ConfigDir);
        root.Add(globals.Json);
        root.Add(globals.Verbose);

        root.Add(GarminCommandSet.CreateCommand(env, globals));
        root.Add(StravaCommandSet.CreateCommand(env, globals));
        root.Add(RunkeeperCommandSet.CreateCommand(env, globals));
        root.Add(FitTrackeeCommandSet.CreateCommand(env, globals));
        root.Add(SyncCommand.Create(env, globals));
        return root;
    }

    /// <summary>Runs a command body with the context, turning expected failures into one line on stderr and an exit code.</summary>
    public static async Task<int> ExecuteAsync(ParseResult parseResult, GlobalOptions globals, CliEnvironment env, Func<CliContext, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        CliContext? context = null;
        try
        {
            context = CliContext.Create(parseResult, globals, env);
            return await body(context);
        }
        catch (Exception ex)
        {
            var (code, message) = Describe(ex);
            env.Error.WriteLine($"error: {message}");
            if (code == ExitCodes.Unexpected && context?.Verbose == true)
            {
                env.Error.WriteLine(ex.ToString());
            }

            return code;
        }
        finally
        {
            context?.Dispose();
        }
    }

    /// <summary>The exit code and the one-line message for a failure.</summary>
    public static (int Code, string Message) Describe(Exception exception) => exception switch
    {
        CliUsageException e => (ExitCodes.BadUsage, e.Message),
        ArgumentException e => (ExitCodes.BadUsage, e.Message),
        GarminMfaCodeRejectedException e => (ExitCodes.AuthenticationRequired, e.Message),
        AuthenticationRequiredException { Service: "strava-web" } e => (ExitCodes.AuthenticationRequired, e.Message),
        AuthenticationRequiredException e => (ExitCodes.AuthenticationRequired, e.Message + $" (sign in with 'fitness {e.Service ?? "garmin"} login', or try --demo)"),
        RateLimitExceededException e => (ExitCodes.RateLimited,
            $"{e.Message} Try again after {e.ResumeAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)}."),
        ResourceNotFoundException e => (ExitCodes.BadUsage, e.Message),
        GarminLoginBlockedException e => (ExitCodes.ServiceFailure, e.Message),
        ServiceUnavailableException e => (ExitCodes.ServiceFailure, e.Message),
        FitnessApiException e => (ExitCodes.ServiceFailure, e.Message),
        HttpRequestException e => (ExitCodes.ServiceFailure, $"network failure: {e.Message}"),
        TokenStoreException e => (ExitCodes.Unexpected, $"token store: {e.Message}"),
        OperationCanceledException => (ExitCodes.Cancelled, "cancelled"),
        FitnessClients.Backup.FolderLockedException e => (ExitCodes.Busy, e.Message),
        FitnessClients.Backup.CorruptStateFileException e => (ExitCodes.CorruptState, e.Message),
        IOException e => (ExitCodes.Unexpected, e.Message),
        UnauthorizedAccessException e => (ExitCodes.Unexpected, e.Message),
        _ => (ExitCodes.Unexpected, $"{exception.GetType().Name}: {exception.Message} (run with -v for details)"),
    };

}

using Spectre.Console;
using System.CommandLine;
using FitnessClients.FitTrackee.Models;

namespace FitnessClients.Cli.Commands.FitTrackee;

/// <summary>
/// <c>fitness fittrackee delete --all</c>: deletes every workout of the account (strava-to-fittrackee's cleanup before a
/// fresh import), after showing how many and having the user type the instance's host.
/// </summary>
public static class FitTrackeeDeleteCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(FitTrackeeCommandSet app)
    {
        var all = new Option<bool>("--all") { Description = "Delete every workout of the signed-in account (asks you to type the instance's host)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be deleted; delete nothing" };
        var command = new Command("delete", "Delete workouts from the instance (there is no undo)") { all, dryRun };
        command.SetAction((parseResult, cancellationToken) => app.RunAsync(parseResult, interactive: false, async (context, fittrackee) =>
        {
            if (!parseResult.GetValue(all))
            {
                throw new CliUsageException("say what to delete: --all (with --dry-run to see it first)");
            }

            await fittrackee.EnsureDemoSignedInAsync(cancellationToken);
            using var client = fittrackee.CreateClient();
            var workouts = new List<FitTrackeeWorkout>();
            await foreach (var workout in client.Workouts.ListAsync(cancellationToken: cancellationToken))
            {
                workouts.Add(workout);
            }

            var host = fittrackee.Host;
            if (parseResult.GetValue(dryRun))
            {
                if (context.Json)
                {
                    app.WriteJson(new DeleteResult(host, workouts.Count, 0, true, [.. workouts.Select(w => w.Id)]));
                }
                else
                {
                    foreach (var w in workouts)
                    {
                        app.Environment.Console.WriteLine($"would delete {w.Id} {w.WorkoutDate:yyyy-MM-dd HH:mm} {w.Title}");
                    }

                    app.Environment.Console.WriteLine($"{workouts.Count} workouts on {host} would be deleted (dry run).");
                }

                return ExitCodes.Ok;
            }

            if (workouts.Count == 0)
            {
                app.Environment.Console.WriteLine($"No workouts on {host}; nothing to delete.");
                return ExitCodes.Ok;
            }

            app.Environment.Error.WriteLine($"This deletes all {workouts.Count} workouts of the signed-in account on {host}. There is no undo.");
            var typed = app.Prompt($"Type the instance's host ({host}) to confirm:", secret: false);
            if (!string.Equals(typed, host, StringComparison.OrdinalIgnoreCase))
            {
                throw new CliUsageException($"'{typed}' is not {host}; nothing was deleted");
            }

            var deleted = 0;
            foreach (var workout in workouts)
            {
                try
                {
                    await client.Workouts.DeleteAsync(workout.Id, cancellationToken);
                }
                catch (Core.ResourceNotFoundException)
                {
                    // Deleted meanwhile: the goal is reached either way.
                }

                deleted++;
            }

            if (context.Json)
            {
                app.WriteJson(new DeleteResult(host, workouts.Count, deleted, false, [.. workouts.Select(w => w.Id)]));
            }
            else
            {
                app.Environment.Console.WriteLine($"Deleted {deleted} workouts from {host}.");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>What <c>delete --json</c> prints.</summary>
    public sealed record DeleteResult(string Host, int Found, int Deleted, bool DryRun, IReadOnlyList<string> Ids);
}

using System.CommandLine;
using FitnessClients.Cli.FitTrackee;

namespace FitnessClients.Cli.Commands.FitTrackee;

/// <summary>What the fittrackee commands share beyond <see cref="ServiceCommandSet"/>: how they build their service context.</summary>
public sealed class FitTrackeeCommandSet(CliEnvironment environment, GlobalOptions globals, Option<bool> demo)
    : ServiceCommandSet(environment, globals, demo)
{
    /// <summary>Runs a fittrackee command body with its context and options; failures become exit codes.</summary>
    public Task<int> RunAsync(ParseResult parseResult, bool interactive, Func<CliContext, FitTrackeeContext, Task<int>> body) =>
        CliApp.ExecuteAsync(parseResult, Globals, Environment, async context =>
        {
            using var fittrackee = FitTrackeeContext.Create(context, parseResult.GetValue(Demo), interactive);
            return await body(context, fittrackee);
        });

    /// <summary>Opens the system browser on <paramref name="url"/>; false when none could be started.</summary>
    public static bool TryOpenBrowser(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(url.AbsoluteUri) { UseShellExecute = true });
            return process is not null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            return false;
        }
    }
}

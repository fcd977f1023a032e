using System.CommandLine;
using FitnessClients.Cli.Commands.Garmin;
using FitnessClients.Cli.FitTrackee;

namespace FitnessClients.Cli.Commands.FitTrackee;

/// <summary>What the fittrackee commands share: the environment, the global options, <c>--demo</c>, prompts and JSON output.</summary>
public sealed class FitTrackeeCommandSet(CliEnvironment environment, GlobalOptions globals, Option<bool> demo)
{
    // Prompts and JSON output work the same for every service; reuse the Garmin set's implementation.
    private readonly GarminCommandSet _shared = new(environment, globals, demo);

    /// <summary>The process's surroundings.</summary>
    public CliEnvironment Environment { get; } = environment;

    /// <summary>The global options.</summary>
    public GlobalOptions Globals { get; } = globals;

    /// <summary><c>--demo</c>.</summary>
    public Option<bool> Demo { get; } = demo;

    /// <summary>Runs a fittrackee command body with its context and options; failures become exit codes.</summary>
    public Task<int> RunAsync(ParseResult parseResult, bool interactive, Func<CliContext, FitTrackeeContext, Task<int>> body) =>
        CliApp.ExecuteAsync(parseResult, Globals, Environment, async context =>
        {
            using var fittrackee = FitTrackeeContext.Create(context, parseResult.GetValue(Demo), interactive);
            return await body(context, fittrackee);
        });

    /// <summary>Writes a result object as JSON on stdout.</summary>
    public void WriteJson<T>(T value) => _shared.WriteJson(value);

    /// <summary>Asks for a line (from the input reader in tests and pipes, else the terminal).</summary>
    public string Prompt(string label, bool secret) => _shared.Prompt(label, secret);

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

using FitnessClients.Cli;

namespace FitnessClients.Campaigns.Tests.Crash;

/// <summary>Runs the CLI in this process (the reruns and the reference run: faster than a child, same code and demo account).</summary>
internal static class InProcessFitness
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string home, string[] args, int demoActivityCount)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var env = new CliEnvironment
        {
            Out = output,
            Error = error,
            Console = CliEnvironment.CreatePlainConsole(output),
            ErrorConsole = CliEnvironment.CreatePlainConsole(error),
            ConfigDirectory = Path.Combine(home, "config"),
            Variables = new Dictionary<string, string> { ["HOME"] = home },
            DemoActivityCount = demoActivityCount,
        };
        var code = await CliApp.RunAsync(args, env);
        return (code, $"exit {code}\nstdout:\n{output}\nstderr:\n{error}");
    }
}

using FitnessClients.Cli;
using FitnessClients.Testing;

namespace FitnessClients.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output and a temporary configuration folder.</summary>
internal sealed class CliRun
{
    public required int ExitCode { get; init; }

    public required string Out { get; init; }

    public required string Error { get; init; }

    public static async Task<CliRun> RunAsync(
        string configDir, string[] args, string? input = null, HttpMessageHandler? garminHandler = null,
        Action<GarminConnectEmulator>? configureDemo = null, int? demoActivityCount = 25, Action<GarminConnectEmulatorOptions>? configureDemoOptions = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var env = new CliEnvironment
        {
            Out = output,
            Error = error,
            Console = CliEnvironment.CreatePlainConsole(output),
            ErrorConsole = CliEnvironment.CreatePlainConsole(error),
            ConfigDirectory = configDir,
            Variables = new Dictionary<string, string> { ["HOME"] = configDir },
            Input = input is null ? null : new StringReader(input),
            GarminHandler = garminHandler,
            ConfigureDemoEmulator = configureDemo,
            ConfigureDemoOptions = configureDemoOptions,
            DemoActivityCount = demoActivityCount,
        };
        var code = await CliApp.RunAsync(args, env);
        return new CliRun { ExitCode = code, Out = output.ToString(), Error = error.ToString() };
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}

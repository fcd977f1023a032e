using System.Collections;
using Spectre.Console;

namespace FitnessClients.Cli;

/// <summary>
/// Everything the CLI takes from its surroundings, so that tests can run it in-process with captured output,
/// their own folders and their own Garmin endpoint, without touching the real home folder or the network.
/// </summary>
public sealed class CliEnvironment
{
    /// <summary>Standard output as plain text (JSON results are written here).</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard error as plain text.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Standard output for tables and progress.</summary>
    public required IAnsiConsole Console { get; init; }

    /// <summary>Standard error for messages.</summary>
    public required IAnsiConsole ErrorConsole { get; init; }

    /// <summary>Environment variables (names compared case-sensitively, as on Linux).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>The configuration folder; <see langword="null"/> for the platform default (see <see cref="Configuration.ConfigPaths"/>).</summary>
    public string? ConfigDirectory { get; init; }

    /// <summary>When set, prompts (password, MFA code, ticket) read lines from here instead of the terminal.</summary>
    public TextReader? Input { get; init; }

    /// <summary>Tests: the handler that reaches Garmin (an emulator's) instead of the network, for non-demo runs.</summary>
    public HttpMessageHandler? GarminHandler { get; init; }

    /// <summary>Tests: adjusts the emulator a <c>--demo</c> run creates (rate limits, SSO modes) before it is used.</summary>
    public Action<FitnessClients.Testing.GarminConnectEmulator>? ConfigureDemoEmulator { get; init; }

    /// <summary>Tests: adjusts the demo emulator's options (rate limit, MFA) before it is created.</summary>
    public Action<FitnessClients.Testing.GarminConnectEmulatorOptions>? ConfigureDemoOptions { get; init; }

    /// <summary>Tests: the handler that reaches Strava (API, OAuth, website, photo CDN) instead of the network, for non-demo runs.</summary>
    public HttpMessageHandler? StravaHandler { get; init; }

    /// <summary>Tests: adjusts the Strava demo emulator's options (rate limits, scopes) before it is created.</summary>
    public Action<FitnessClients.Testing.StravaEmulatorOptions>? ConfigureStravaDemoOptions { get; init; }

    /// <summary>Tests: adjusts (or uses up the budget of) the Strava demo emulator before the command uses it.</summary>
    public Action<FitnessClients.Testing.StravaEmulator>? ConfigureStravaDemoEmulator { get; init; }

    /// <summary>Opens a sign-in page in the browser; <see langword="null"/> launches the system's browser. Tests play the browser here.</summary>
    public Action<Uri>? OpenBrowser { get; init; }

    /// <summary>Tests: a smaller demo account (default <see cref="Garmin.GarminContext.DemoActivityCount"/>).</summary>
    public int? DemoActivityCount { get; init; }

    /// <summary>The clock of everything the CLI creates.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The real console, the real environment and the platform's configuration folder.</summary>
    public static CliEnvironment FromProcess()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                variables[key] = value;
            }
        }

        return new CliEnvironment
        {
            Out = System.Console.Out,
            Error = System.Console.Error,
            Console = AnsiConsole.Console,
            ErrorConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) }),
            Variables = variables,
            Input = System.Console.IsInputRedirected ? System.Console.In : null,
        };
    }

    /// <summary>An environment writing to the given writers with no colours and no interaction (tests, pipes).</summary>
    public static CliEnvironment ForWriters(TextWriter output, TextWriter error, string configDirectory, IReadOnlyDictionary<string, string>? variables = null, TextReader? input = null) => new()
    {
        Out = output,
        Error = error,
        Console = CreatePlainConsole(output),
        ErrorConsole = CreatePlainConsole(error),
        Variables = variables ?? new Dictionary<string, string>(),
        ConfigDirectory = configDirectory,
        Input = input,
    };

    /// <summary>A Spectre console over a writer: no ANSI codes, no colours, no live widgets.</summary>
    public static IAnsiConsole CreatePlainConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        return console;
    }

    /// <summary>An environment variable, or <see langword="null"/> when unset or empty.</summary>
    public string? GetVariable(string name) =>
        Variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}

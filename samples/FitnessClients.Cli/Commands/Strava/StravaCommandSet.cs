using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using FitnessClients.Cli.Strava;
using Spectre.Console;

namespace FitnessClients.Cli.Commands.Strava;

/// <summary>What the strava commands share: the environment, the global options, <c>--demo</c>, prompts and JSON output.</summary>
public sealed class StravaCommandSet(CliEnvironment environment, GlobalOptions globals, Option<bool> demo)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The process's surroundings.</summary>
    public CliEnvironment Environment { get; } = environment;

    /// <summary>The global options.</summary>
    public GlobalOptions Globals { get; } = globals;

    /// <summary><c>--demo</c>.</summary>
    public Option<bool> Demo { get; } = demo;

    /// <summary>The <c>fitness strava</c> command with its subcommands and <c>--demo</c>.</summary>
    public static Command CreateCommand(CliEnvironment environment, GlobalOptions globals)
    {
        var strava = new Command("strava", "Strava: authorize, download activities, back up within the rate limits");
        var demo = new Option<bool>("--demo")
        {
            Description = "Use a built-in Strava emulator with a demo athlete (no account, no network)",
            Recursive = true,
        };
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

    /// <summary>Writes a result object as JSON on stdout (camelCase, enums as text, nulls left out).</summary>
    public void WriteJson<T>(T value) => Environment.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>Writes a warning line on stderr.</summary>
    public void Warn(string message) => Environment.Error.WriteLine($"warning: {message}");

    /// <summary>Asks for a line: from the environment's input reader when there is one (tests, pipes), else with a prompt.</summary>
    public string Prompt(string label, bool secret)
    {
        if (Environment.Input is { } input)
        {
            Environment.Error.Write(label + " ");
            var line = input.ReadLine();
            return string.IsNullOrWhiteSpace(line) ? throw new CliUsageException($"no value given for '{label.TrimEnd(':')}'") : line.Trim();
        }

        if (!Environment.Console.Profile.Capabilities.Interactive)
        {
            throw new CliUsageException($"'{label.TrimEnd(':')}' must be typed, but the terminal is not interactive");
        }

        var prompt = new TextPrompt<string>(label);
        return Environment.Console.Prompt(secret ? prompt.Secret() : prompt).Trim();
    }

    /// <summary>Opens <paramref name="uri"/> in the browser: the environment's opener (tests), else the system's.</summary>
    /// <returns>Whether a browser could be started.</returns>
    public bool TryOpenBrowser(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (Environment.OpenBrowser is { } open)
        {
            open(uri);
            return true;
        }

        try
        {
            if (OperatingSystem.IsLinux() && Environment.GetVariable("DISPLAY") is null && Environment.GetVariable("WAYLAND_DISPLAY") is null)
            {
                return false;   // no desktop: xdg-open would fall back to a text browser or fail
            }

            using var process = Process.Start(new ProcessStartInfo(uri.AbsoluteUri) { UseShellExecute = true });
            return process is not null || OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            return false;
        }
    }
}

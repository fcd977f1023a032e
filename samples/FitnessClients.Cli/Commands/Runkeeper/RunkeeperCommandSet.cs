using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using FitnessClients.Cli.Runkeeper;
using FitnessClients.Core;
using Spectre.Console;

namespace FitnessClients.Cli.Commands.Runkeeper;

/// <summary>What the runkeeper commands share: the environment, the global options, <c>--demo</c>, prompts and JSON output.</summary>
public sealed class RunkeeperCommandSet(CliEnvironment environment, GlobalOptions globals, Option<bool> demo)
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

    /// <summary>Builds <c>fitness runkeeper login|logout|backup</c>.</summary>
    public static Command CreateCommand(CliEnvironment environment, GlobalOptions globals)
    {
        var runkeeper = new Command("runkeeper", "Runkeeper: store a token, back up through the API or from the data export ZIP");
        var demo = new Option<bool>("--demo")
        {
            Description = "Use a built-in Runkeeper emulator (or a synthetic export with --export) with a demo account (no account, no network)",
            Recursive = true,
        };
        runkeeper.Add(demo);
        var app = new RunkeeperCommandSet(environment, globals, demo);
        runkeeper.Add(RunkeeperLoginCommand.Create(app));
        runkeeper.Add(RunkeeperLogoutCommand.Create(app));
        runkeeper.Add(RunkeeperBackupCommand.Create(app));
        return runkeeper;
    }

    /// <summary>
    /// Runs a runkeeper command body with its context and Runkeeper options; failures become exit codes, and a missing or
    /// dead token says how to store one (Runkeeper has no sign-in for new users).
    /// </summary>
    public Task<int> RunAsync(ParseResult parseResult, bool interactive, Func<CliContext, RunkeeperContext, Task<int>> body, string? timeZone = null) =>
        CliApp.ExecuteAsync(parseResult, Globals, Environment, async context =>
        {
            using var runkeeper = RunkeeperContext.Create(context, parseResult.GetValue(Demo), interactive, timeZone);
            try
            {
                return await body(context, runkeeper);
            }
            catch (AuthenticationRequiredException ex)
            {
                Environment.Error.WriteLine($"error: {ex.Message} (without a token, back up the data export: 'fitness runkeeper backup --export ZIP'; or try --demo)");
                return ExitCodes.AuthenticationRequired;
            }
        });

    /// <summary>Writes a result object as JSON on stdout.</summary>
    public void WriteJson<T>(T value) => Environment.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>Asks for a value: from the input reader when there is one (tests, pipes), else with a Spectre prompt.</summary>
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
}

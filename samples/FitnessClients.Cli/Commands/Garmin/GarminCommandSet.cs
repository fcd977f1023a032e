using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using FitnessClients.Cli.Garmin;
using Spectre.Console;

namespace FitnessClients.Cli.Commands.Garmin;

/// <summary>What the garmin commands share: the environment, the global options, <c>--demo</c>, prompts and JSON output.</summary>
public sealed class GarminCommandSet(CliEnvironment environment, GlobalOptions globals, Option<bool> demo)
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

    /// <summary>Runs a garmin command body with its context and Garmin options; failures become exit codes.</summary>
    public Task<int> RunAsync(ParseResult parseResult, bool interactive, Func<CliContext, GarminContext, Task<int>> body) =>
        CliApp.ExecuteAsync(parseResult, Globals, Environment, async context =>
        {
            using var garmin = GarminContext.Create(context, parseResult.GetValue(Demo), interactive);
            return await body(context, garmin);
        });

    /// <summary>Writes a result object as JSON on stdout.</summary>
    public void WriteJson<T>(T value) => Environment.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>Serialises a value the way <see cref="WriteJson{T}"/> does.</summary>
    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, JsonOptions);

    /// <summary>
    /// Asks for a value: from the environment's input reader when there is one (tests, pipes), else with a Spectre
    /// prompt (<paramref name="secret"/> hides what is typed).
    /// </summary>
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

using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace FitnessClients.Cli.Commands;

/// <summary>
/// What every service's commands share: the environment, the global options, <c>--demo</c>, prompts and JSON output.
/// Each service's set adds how it builds its context and which sign-in hint it gives.
/// </summary>
public abstract class ServiceCommandSet(CliEnvironment environment, GlobalOptions globals, Option<bool> demo)
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

    /// <summary>Serialises a value the way <see cref="WriteJson{T}"/> does.</summary>
    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, JsonOptions);

    /// <summary>The recursive <c>--demo</c> option of a service command.</summary>
    /// <param name="description">What the demo runs against.</param>
    public static Option<bool> CreateDemoOption(string description) => new("--demo") { Description = description, Recursive = true };

    /// <summary>Writes a result object as JSON on stdout.</summary>
    public void WriteJson<T>(T value) => Environment.Out.WriteLine(ToJson(value));

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

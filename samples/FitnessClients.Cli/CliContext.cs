using System.CommandLine;
using FitnessClients.Cli.Configuration;
using FitnessClients.Cli.Logging;
using FitnessClients.Core.Diagnostics;
using Microsoft.Extensions.Logging;

namespace FitnessClients.Cli;

/// <summary>What one command run needs: the environment, the resolved configuration and the logging.</summary>
public sealed class CliContext : IDisposable
{
    private CliContext(CliEnvironment environment, string configDirectory, CliConfig config, bool json, bool verbose)
    {
        Environment = environment;
        ConfigDirectory = configDirectory;
        Config = config;
        Json = json;
        Verbose = verbose;
        LoggerFactory = new LoggerFactory();
        if (verbose)
        {
            AddLogProvider(new TextWriterLoggerProvider(environment.Error, LogLevel.Debug, environment.TimeProvider));
        }
    }

    /// <summary>The process's surroundings.</summary>
    public CliEnvironment Environment { get; }

    /// <summary>The configuration folder in use.</summary>
    public string ConfigDirectory { get; }

    /// <summary>The contents of <c>config.json</c>.</summary>
    public CliConfig Config { get; }

    /// <summary>Whether to print JSON instead of tables.</summary>
    public bool Json { get; }

    /// <summary>Whether <c>-v</c> was given.</summary>
    public bool Verbose { get; }

    /// <summary>The loggers of everything this run creates; all providers are wrapped in a secret scrubber.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Reads the global options and the configuration file.</summary>
    public static CliContext Create(ParseResult parseResult, GlobalOptions options, CliEnvironment environment)
    {
        var folder = ConfigPaths.Resolve(parseResult.GetValue(options.ConfigDir), environment);
        return new CliContext(environment, folder, CliConfig.Load(folder), parseResult.GetValue(options.Json), parseResult.GetValue(options.Verbose));
    }

    /// <summary>Adds a log destination (wrapped in Core's <see cref="SecretScrubbingLoggerProvider"/>).</summary>
    public void AddLogProvider(ILoggerProvider provider)
    {
        LoggerFactory.AddProvider(new SecretScrubbingLoggerProvider(provider));
    }

    /// <summary>Adds a <c>fitness.log</c> in the given folder (debug with <c>-v</c>, information otherwise).</summary>
    public void AddFileLog(string folder) =>
        AddLogProvider(TextWriterLoggerProvider.ForFile(Path.Combine(folder, "fitness.log"), Verbose ? LogLevel.Debug : LogLevel.Information, Environment.TimeProvider));

    /// <summary>A setting from the environment (<c>FITNESSCLIENTS_*</c>), else the configuration file's value.</summary>
    public string? Setting(string variable, string? fromFile) => Environment.GetVariable(variable) ?? fromFile;

    /// <inheritdoc />
    public void Dispose() => LoggerFactory.Dispose();   // disposes the providers (and closes fitness.log)
}

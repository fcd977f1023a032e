using System.CommandLine;

namespace FitnessClients.Cli;

/// <summary>The options every command accepts (declared once on the root, recursive).</summary>
public sealed class GlobalOptions
{
    /// <summary><c>--config-dir</c>: the configuration and token folder.</summary>
    public Option<string?> ConfigDir { get; } = new("--config-dir")
    {
        Description = "Configuration folder (default: $XDG_CONFIG_HOME/fitnessclients, ~/.config/fitnessclients, %APPDATA%\\fitnessclients)",
        Recursive = true,
    };

    /// <summary><c>--json</c>: machine-readable output.</summary>
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the result as JSON on stdout (no progress bar, no tables)",
        Recursive = true,
    };

    /// <summary><c>-v</c>: more log detail (repeatable in spirit: -v is debug).</summary>
    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log details to stderr (and to fitness.log at debug level)",
        Recursive = true,
    };
}

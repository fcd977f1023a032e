namespace FitnessClients.Cli.Configuration;

/// <summary>Where the CLI keeps its configuration and tokens.</summary>
public static class ConfigPaths
{
    /// <summary>The folder name under the platform's configuration root.</summary>
    public const string FolderName = "fitnessclients";

    /// <summary>
    /// <c>--config-dir</c>, else <c>FITNESSCLIENTS_CONFIG_DIR</c>, else the environment's folder (tests), else
    /// <c>%APPDATA%\fitnessclients</c> on Windows and <c>$XDG_CONFIG_HOME/fitnessclients</c> (default
    /// <c>~/.config/fitnessclients</c>) elsewhere.
    /// </summary>
    public static string Resolve(string? flag, CliEnvironment env)
    {
        var chosen = flag ?? env.GetVariable("FITNESSCLIENTS_CONFIG_DIR") ?? env.ConfigDirectory;
        if (chosen is not null)
        {
            return Path.GetFullPath(ExpandHome(chosen, env));
        }

        if (OperatingSystem.IsWindows())
        {
            var appData = env.GetVariable("APPDATA") ?? Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData);
            return Path.Combine(appData, FolderName);
        }

        var xdg = env.GetVariable("XDG_CONFIG_HOME");
        if (xdg is not null && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, FolderName);
        }

        return Path.Combine(Home(env), ".config", FolderName);
    }

    /// <summary>Expands a leading <c>~</c> to the home folder.</summary>
    public static string ExpandHome(string path, CliEnvironment env) =>
        path == "~" ? Home(env)
        : path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal) ? Path.Combine(Home(env), path[2..])
        : path;

    private static string Home(CliEnvironment env) =>
        env.GetVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}

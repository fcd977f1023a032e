using System.Diagnostics;
using System.Globalization;

namespace FitnessClients.Cli.Configuration;

/// <summary>
/// Token keys of <c>--demo</c> runs. Each run has its own emulator, which knows only the token it issued; with one key
/// shared by every run in a config folder, a second demo run signed in over the first one's token and the first run
/// then failed. The key carries the process id, so concurrent runs never share a token.
/// </summary>
internal static class DemoTokenKeys
{
    /// <summary>This process's key for <paramref name="demoKey"/>; removes the tokens of demo runs that have ended.</summary>
    /// <param name="demoKey">The service's demo key, e.g. <c>garmin-demo</c>.</param>
    /// <param name="folder">The demo token folder.</param>
    public static string ForThisProcess(string demoKey, string folder)
    {
        RemoveEnded(demoKey, folder);
        return string.Create(CultureInfo.InvariantCulture, $"{demoKey}-{Environment.ProcessId}");
    }

    private static void RemoveEnded(string demoKey, string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, $"{demoKey}-*.json"))
        {
            var suffix = Path.GetFileNameWithoutExtension(file)[(demoKey.Length + 1)..];
            if (int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid != Environment.ProcessId && !IsRunning(pid))
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // Another run is removing it too.
                }
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}

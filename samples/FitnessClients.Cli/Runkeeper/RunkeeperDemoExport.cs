using System.Globalization;
using FitnessClients.Testing;

namespace FitnessClients.Cli.Runkeeper;

/// <summary>
/// The synthetic Runkeeper export ZIP of <c>--demo --export</c>. It is the same for every run with the same size, so it
/// is kept in the configuration folder and reused, instead of a new file in the system temp folder per run, which a
/// killed run (no <c>finally</c> runs on SIGKILL) left behind for good.
/// </summary>
internal static class RunkeeperDemoExport
{
    private const string TempSuffix = ".tmp";

    /// <summary>The path of the demo export of <paramref name="activityCount"/> activities, written once when missing.</summary>
    /// <param name="configDirectory">The CLI's configuration folder.</param>
    /// <param name="activityCount">The demo account's size.</param>
    public static string GetOrCreate(string configDirectory, int activityCount)
    {
        var folder = Path.Combine(configDirectory, "demo-runkeeper");
        var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"export-{activityCount}-{RunkeeperContext.DemoSeed}.zip"));
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(folder);
        SweepAbandonedWrites(folder);
        // Written under a unique name and renamed when complete: a run killed while writing leaves no half ZIP under
        // the final name, and two runs that both write it just replace one complete copy with an identical one.
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            RunkeeperExportZip.WriteFile(temp, new RunkeeperEmulatorOptions { ActivityCount = activityCount, Seed = RunkeeperContext.DemoSeed });
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return path;
    }

    /// <summary>Removes the partial writes of killed runs; a write takes seconds, so one an hour old is abandoned.</summary>
    private static void SweepAbandonedWrites(string folder)
    {
        var cutoff = DateTime.UtcNow.AddHours(-1);
        foreach (var file in Directory.EnumerateFiles(folder, $".*{TempSuffix}"))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(file) < cutoff)
                {
                    File.Delete(file);
                }
            }
            catch (IOException)
            {
                // Another run is sweeping or still writing it: leave it to the next run.
            }
        }
    }
}

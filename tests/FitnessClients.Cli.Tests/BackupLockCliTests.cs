using System.Diagnostics;
using System.Globalization;

namespace FitnessClients.Cli.Tests;

/// <summary>
/// Two backups into one folder, with real processes: the second is refused with the first's PID while it runs, and
/// once the first is killed (kill -9, no clean-up) the folder is usable at once, with no lock file to delete.
/// </summary>
public class BackupLockCliTests
{
    [Test]
    public async Task A_backup_into_a_folder_a_running_process_is_backing_up_is_refused_and_allowed_once_that_process_is_killed()
    {
        using var temp = new TempFolder();
        var folder = temp.Sub("backup");
        Directory.CreateDirectory(folder);
        var info = Path.Combine(folder, ".fitness.lock.json");
        // Each demo process has its own emulator, so each gets its own config (and demo token) folder.
        string[] Args(string config) => ["garmin", "backup", "--demo", "--backup-dir", folder, "--config-dir", temp.Sub(config), "--format", "gpx"];

        using var child = StartChild(temp, Args("config-child"));
        var stderr = child.StandardError.ReadToEndAsync();
        var stdout = child.StandardOutput.ReadToEndAsync();
        try
        {
            var deadline = TimeProvider.System.GetUtcNow().AddSeconds(30);
            while (!(File.Exists(info) && File.ReadAllText(info).Contains($"\"processId\": {child.Id.ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal))
                && !child.HasExited && TimeProvider.System.GetUtcNow() < deadline)
            {
                await Task.Delay(20);
            }

            Assert.That(child.HasExited, Is.False, $"the child ended before the test could use its lock: {(child.HasExited ? await stderr : "")}");
            Assert.That(File.Exists(info), Is.True, "the child never took the lock");

            var refused = await CliRun.RunAsync(temp.Path, Args("config-second"));

            Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.Busy), refused.ToString());
            Assert.That(refused.Error, Does.Contain($"in use by backup of garmin (process {child.Id} on host '{Environment.MachineName}'"));
            Assert.That(refused.Error, Does.Contain("taken over automatically"));
            Assert.That(child.HasExited, Is.False, "the refused run did not disturb the running one");
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }

            await child.WaitForExitAsync();
            await Task.WhenAll(stdout, stderr);
        }

        Assert.That(File.Exists(Path.Combine(folder, ".fitness.lock")), Is.True, "a killed process cleans nothing up");
        var rerun = await CliRun.RunAsync(temp.Path, Args("config-rerun"));

        Assert.That(rerun.ExitCode, Is.EqualTo(ExitCodes.Ok), rerun.ToString());
        Assert.That(File.Exists(info), Is.False);
        Assert.That(File.Exists(Path.Combine(folder, ".fitness.lock")), Is.False);
    }

    private static Process StartChild(TempFolder temp, string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(FitnessDll());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = temp.Path;
        start.Environment["FITNESSCLIENTS_DEMO_ACTIVITIES"] = "200";
        // Slow enough that the run is still going while the test works.
        start.Environment["FITNESSCLIENTS_DEMO_REQUESTS_PER_SECOND"] = "4";
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the fitness process");
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>fitness.dll next to the test assembly (the project reference copies it).</summary>
    private static string FitnessDll()
    {
        var path = Path.Combine(Path.GetDirectoryName(typeof(CliApp).Assembly.Location)!, "fitness.dll");
        return File.Exists(path) && File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json"))
            ? path
            : throw new FileNotFoundException("fitness.dll (with its runtimeconfig) was not found next to the tests", path);
    }
}

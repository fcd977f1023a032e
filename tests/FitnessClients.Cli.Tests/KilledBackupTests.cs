using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace FitnessClients.Cli.Tests;

/// <summary>
/// The crash test: a real <c>fitness</c> process killed mid-backup, then a rerun into the same folder must
/// finish the work and end with exactly what an uninterrupted run produces.
/// </summary>
public class KilledBackupTests
{
    private const int ActivityCount = 60;

    [Test]
    public async Task A_child_process_killed_mid_backup_is_finished_by_a_rerun_identical_to_an_uninterrupted_run()
    {
        using var temp = new TempFolder();
        var killed = temp.Sub("killed");
        var reference = temp.Sub("reference");
        Directory.CreateDirectory(killed);

        for (var kill = 1; kill <= 2; kill++)
        {
            await RunChildAndKillAsync(temp, killed, kill);
        }

        var rerun = await CliRun.RunAsync(temp.Path, Args(killed, temp.Sub("config-rerun")), demoActivityCount: ActivityCount);
        Assert.That(rerun.ExitCode, Is.EqualTo(ExitCodes.Ok), rerun.ToString());
        var uninterrupted = await CliRun.RunAsync(temp.Path, Args(reference, temp.Sub("config-reference")), demoActivityCount: ActivityCount);
        Assert.That(uninterrupted.ExitCode, Is.EqualTo(ExitCodes.Ok), uninterrupted.ToString());

        var leftovers = Directory.EnumerateFiles(killed, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".partial", StringComparison.Ordinal) || f.EndsWith(".tmp", StringComparison.Ordinal))
            .ToList();
        Assert.That(leftovers, Is.Empty, "temporary files left behind");

        var afterKill = Snapshot(killed);
        var expected = Snapshot(reference);
        Assert.That(expected.Keys.Count(k => k.EndsWith(".zip", StringComparison.Ordinal)), Is.GreaterThan(ActivityCount / 2), "the reference run backed up the account");
        Assert.That(afterKill.Keys, Is.EquivalentTo(expected.Keys));
        foreach (var (path, hash) in expected)
        {
            Assert.That(afterKill[path], Is.EqualTo(hash), path);
        }

        Assert.That(ManifestWithoutRuns(killed), Is.EqualTo(ManifestWithoutRuns(reference)));
    }

    private static string[] Args(string backupDir, string configDir) =>
        ["garmin", "backup", "--demo", "--backup-dir", backupDir, "--config-dir", configDir, "--format", "original,gpx", "--json"];

    /// <summary>Starts the built CLI, waits until it has written more files than before, and kills it.</summary>
    private static async Task RunChildAndKillAsync(TempFolder temp, string backupDir, int attempt)
    {
        var before = CountBackupFiles(backupDir);
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(FitnessDll());
        foreach (var arg in Args(backupDir, temp.Sub("config-child")))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = temp.Path;
        start.Environment["FITNESSCLIENTS_DEMO_ACTIVITIES"] = ActivityCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Slow the demo's rate budget so the run is still downloading when the test kills it.
        start.Environment["FITNESSCLIENTS_DEMO_REQUESTS_PER_SECOND"] = "8";

        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the fitness process");
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        try
        {
            var deadline = TimeProvider.System.GetUtcNow().AddSeconds(30);
            while (CountBackupFiles(backupDir) <= before + 2 && !child.HasExited && TimeProvider.System.GetUtcNow() < deadline)
            {
                await Task.Delay(20);
            }

            Assert.That(child.HasExited, Is.False, $"attempt {attempt}: the run ended before it could be killed (exit {(child.HasExited ? child.ExitCode : 0)})\n{await ReadIfExitedAsync(child, stderr)}");
            Assert.That(CountBackupFiles(backupDir), Is.GreaterThan(before), $"attempt {attempt}: no file appeared within 30 s");
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
    }

    private static async Task<string> ReadIfExitedAsync(Process child, Task<string> stderr) =>
        child.HasExited ? await stderr : "";

    private static int CountBackupFiles(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count(f => f.EndsWith(".zip", StringComparison.Ordinal) || f.EndsWith(".gpx", StringComparison.Ordinal))
            : 0;

    /// <summary>Relative path to SHA-256 of every file except the log and the manifest (compared separately).</summary>
    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(folder, f).Replace('\\', '/'), Full: f))
            .Where(f => f.Relative is not "fitness.log" and not "backup-manifest.json")
            .ToDictionary(f => f.Relative, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f.Full))), StringComparer.Ordinal);

    private static string ManifestWithoutRuns(string folder)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "backup-manifest.json")))!.AsObject();
        Assert.That(manifest.Remove("runs"), Is.True, "the manifest has a run history");
        return manifest.ToJsonString();
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>fitness.dll next to the test assembly (the project reference copies it), else the CLI's own output of the same configuration.</summary>
    private static string FitnessDll()
    {
        var here = Path.GetDirectoryName(typeof(CliApp).Assembly.Location)!;
        var candidates = new List<string> { Path.Combine(here, "fitness.dll") };
        var testDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testDir.Parent?.Name;   // bin/<configuration>/net10.0
        var repo = testDir;
        while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "FitnessClients.sln")))
        {
            repo = repo.Parent;
        }

        if (repo is not null && configuration is not null)
        {
            candidates.Add(Path.Combine(repo.FullName, "samples", "FitnessClients.Cli", "bin", configuration, testDir.Name, "fitness.dll"));
        }

        return candidates.FirstOrDefault(c => File.Exists(c) && File.Exists(Path.ChangeExtension(c, ".runtimeconfig.json")))
            ?? throw new FileNotFoundException("fitness.dll (with its runtimeconfig) was not found: " + string.Join(", ", candidates));
    }
}

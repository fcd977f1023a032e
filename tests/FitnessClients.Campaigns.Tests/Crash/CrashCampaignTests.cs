using System.Globalization;
using FitnessClients.Campaigns.Tests.Support;
using FitnessClients.Cli;

namespace FitnessClients.Campaigns.Tests.Crash;

/// <summary>
/// The crash campaign: a child <c>fitness garmin backup --demo</c> process is killed (SIGKILL) at seeded random
/// moments, each time continuing the same folder. After every kill a copy of the folder is finished by a rerun and must
/// equal an uninterrupted run; at the end a rerun finishes the folder itself, with the same checks.
/// </summary>
[Category("Campaign")]
public class CrashCampaignTests
{
    private static readonly string[] Formats = ["--format", "original,gpx"];

    [Test]
    public async Task A_backup_killed_at_random_moments_is_finished_by_reruns_identical_to_an_uninterrupted_run()
    {
        using var temp = new TempFolder();
        var activities = CampaignSize.CrashActivities;
        var reference = temp.Sub("reference");
        var uninterrupted = await InProcessFitness.RunAsync(temp.Sub("reference-home"), Args(reference, temp.Sub("reference-home")), activities);
        Assert.That(uninterrupted.ExitCode, Is.EqualTo(ExitCodes.Ok), uninterrupted.Output);

        var home = temp.Sub("home");
        var folder = temp.Sub("backup");
        var random = new Random(20260521);
        int kills = 0, finishedBeforeKill = 0, verified = 0;
        for (var attempt = 0; kills < CampaignSize.Kills && attempt < CampaignSize.Kills * 3; attempt++)
        {
            if (await RunChildAndKillAsync(home, folder, activities, random))
            {
                kills++;
            }
            else
            {
                finishedBeforeKill++;
                continue;
            }

            // The state a kill left must be recoverable: finish a copy and compare it with the uninterrupted run.
            var copyHome = temp.Sub($"copy-{kills}-home");
            var copy = temp.Sub($"copy-{kills}");
            CopyDirectory(home, copyHome);
            CopyDirectory(folder, copy);
            var rerun = await InProcessFitness.RunAsync(copyHome, Args(copy, copyHome), activities);
            Assert.That(rerun.ExitCode, Is.EqualTo(ExitCodes.Ok), $"rerun after kill {kills}: {rerun.Output}");
            BackupFolderCheck.SameAsReference(copy, reference, TokenFolder(copyHome), $"after kill {kills}");
            Directory.Delete(copy, recursive: true);
            Directory.Delete(copyHome, recursive: true);
            verified++;
        }

        var final = await InProcessFitness.RunAsync(home, Args(folder, home), activities);
        Assert.That(final.ExitCode, Is.EqualTo(ExitCodes.Ok), final.Output);
        TestContext.Out.WriteLine($"crash campaign ({CampaignSize.Name}): {kills} kills (SIGKILL), each followed by a verified rerun ({verified}); {finishedBeforeKill} children finished before their kill moment");
        Assert.That(kills, Is.EqualTo(CampaignSize.Kills), "the child was killed as often as planned");
        BackupFolderCheck.SameAsReference(folder, reference, TokenFolder(home), "at the end");
    }

    private static string[] Args(string backupDir, string home) =>
        ["garmin", "backup", "--demo", "--backup-dir", backupDir, "--config-dir", Path.Combine(home, "config"), .. Formats, "--json"];

    private static string TokenFolder(string home) => Path.Combine(home, "config", "demo-tokens");

    /// <summary>Starts a child on the folder and kills it at a random moment: after 0 to 4 new files, plus up to 150 ms. False when it finished first.</summary>
    private static async Task<bool> RunChildAndKillAsync(string home, string folder, int activities, Random random)
    {
        var filesToWait = random.Next(0, 5);
        var extraDelay = TimeSpan.FromMilliseconds(random.Next(0, 150));
        var before = CountFiles(folder);
        using var child = ChildFitness.Start(Args(folder, home), new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["FITNESSCLIENTS_DEMO_ACTIVITIES"] = activities.ToString(CultureInfo.InvariantCulture),
            // Slow the demo's request budget so a run lasts a few seconds and the kill lands mid-work.
            ["FITNESSCLIENTS_DEMO_REQUESTS_PER_SECOND"] = "25",
        });
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        try
        {
            var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
            while (CountFiles(folder) < before + filesToWait && !child.HasExited && TimeProvider.System.GetUtcNow() < deadline)
            {
                await Task.Delay(5);
            }

            await Task.Delay(extraDelay);
            if (child.HasExited)
            {
                Assert.That(child.ExitCode, Is.EqualTo(ExitCodes.Ok), $"a child that was not killed succeeds\n{await stderr}");
                return false;
            }

            child.Kill(); // SIGKILL on Unix, TerminateProcess on Windows
            return true;
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

    private static int CountFiles(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count(f => f.EndsWith(".zip", StringComparison.Ordinal) || f.EndsWith(".gpx", StringComparison.Ordinal))
            : 0;

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}

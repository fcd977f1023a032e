using System.Globalization;

namespace FitnessClients.Cli.Tests;

/// <summary>Demo runs that share a config folder keep their tokens apart (each run's emulator knows only its own token).</summary>
public class DemoTokenKeyTests
{
    [Test]
    public async Task A_demo_run_signs_in_under_its_own_process_key_keeps_a_running_processes_token_and_removes_an_ended_ones()
    {
        using var temp = new TempFolder();
        var tokens = temp.Sub("demo-tokens");
        Directory.CreateDirectory(tokens);
        // Process 1 is always running: it stands in for a concurrent demo run. No process has the id int.MaxValue.
        var running = Path.Combine(tokens, "garmin-demo-1.json");
        var ended = Path.Combine(tokens, string.Create(CultureInfo.InvariantCulture, $"garmin-demo-{int.MaxValue}.json"));
        File.WriteAllText(running, "the other run's token");
        File.WriteAllText(ended, "an ended run's token");

        var run = await CliRun.RunAsync(temp.Path, ["garmin", "backup", "--demo", "--backup-dir", temp.Sub("b"), "--count", "2", "--no-csv", "--config-dir", temp.Path]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(File.Exists(Path.Combine(tokens, string.Create(CultureInfo.InvariantCulture, $"garmin-demo-{Environment.ProcessId}.json"))), Is.True, string.Join(", ", Directory.GetFiles(tokens)));
        Assert.That(File.ReadAllText(running), Is.EqualTo("the other run's token"));
        Assert.That(File.Exists(ended), Is.False);
    }
}

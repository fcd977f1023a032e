using FitnessClients.Cli.Logging;
using Microsoft.Extensions.Logging;

namespace FitnessClients.Cli.Tests;

/// <summary><c>fitness.log</c> is never appended through a symbolic link (real links in a temp folder).</summary>
public class FileLogSymlinkTests
{
    [Test]
    public async Task A_fitness_log_that_is_a_symlink_is_refused_and_its_target_left_alone()
    {
        using var folder = new TempFolder();
        var victim = folder.Sub("victim.txt");
        await File.WriteAllTextAsync(victim, "keep me");
        Directory.CreateDirectory(folder.Sub("backup"));
        var log = Path.Combine(folder.Sub("backup"), "fitness.log");
        File.CreateSymbolicLink(log, victim);

        var error = Assert.Throws<IOException>(() => TextWriterLoggerProvider.ForFile(log, LogLevel.Information, TimeProvider.System).Dispose());

        Assert.That(error!.Message, Does.Contain("symbolic link").And.Contain("fitness.log"));
        Assert.That(await File.ReadAllTextAsync(victim), Is.EqualTo("keep me"));
    }

    [Test]
    public async Task A_regular_fitness_log_is_still_appended_to()
    {
        using var folder = new TempFolder();
        var log = folder.Sub("fitness.log");
        await File.WriteAllTextAsync(log, "earlier\n");

        using (var provider = TextWriterLoggerProvider.ForFile(log, LogLevel.Information, TimeProvider.System))
        {
            provider.CreateLogger("test").LogInformation("later");
        }

        var lines = await File.ReadAllLinesAsync(log);
        Assert.That(lines[0], Is.EqualTo("earlier"));
        Assert.That(lines[^1], Does.Contain("later"));
    }
}

namespace FitnessClients.Cli.Tests;

public class GetActivityCommandTests
{
    [TestCase("fit", ".fit")]
    [TestCase("gpx", ".gpx")]
    [TestCase("json", "_summary.json")]
    public async Task Get_activity_writes_the_file(string format, string suffix)
    {
        using var temp = new TempFolder();
        var out_ = temp.Sub("out");
        var run = await CliRun.RunAsync(temp.Path, ["garmin", "get-activity", "21482825013", "--format", format, "--destination", out_, "--demo"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var files = Directory.GetFiles(out_);
        Assert.That(files, Has.Length.EqualTo(1));
        Assert.That(files[0], Does.EndWith(suffix));
        Assert.That(new FileInfo(files[0]).Length, Is.GreaterThan(100));
        if (format == "fit")
        {
            Assert.That(File.ReadAllBytes(files[0])[8..12], Is.EqualTo(".FIT"u8.ToArray()));
        }
    }

    [Test]
    public async Task An_activity_that_does_not_exist_is_one_line_on_stderr()
    {
        using var temp = new TempFolder();
        var run = await CliRun.RunAsync(temp.Path, ["garmin", "get-activity", "1", "--format", "json", "--destination", temp.Sub("o"), "--demo"]);

        Assert.That(run.ExitCode, Is.Not.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.Error, Does.Not.Contain("   at "));
    }
}
